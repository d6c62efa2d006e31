// Public page of one candidate.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema } from '../../domain/election.ts';
import { sendHtml } from '../../platform/web/http.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { notFound } from '../../platform/web/errors.tsx';
import { getCandidateRecord } from '../candidate.service.ts';
import { CandidatePage } from '../views/candidate.page.tsx';

/** Any number JavaScript reads exactly; an id that is no such number answers 404 like an unknown one. */
const CandidateParams = z.object({ locale: localeSchema, id: z.string().transform(Number) });

export function candidatePublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/candidates/:id', async (req, reply) => {
    const params = CandidateParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale, id } = params.data;
    const found = Number.isSafeInteger(id) ? await getCandidateRecord(ctx, id) : undefined;
    if (!found?.election || !found.party) return notFound(reply, locale);
    return sendHtml(
      reply,
      renderPage(
        <CandidatePage locale={locale} election={found.election} party={found.party} candidate={found.candidate} />,
      ),
    );
  });
}
