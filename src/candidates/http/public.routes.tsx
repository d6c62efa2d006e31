// Public pages of candidates and of the cross-script search.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/app-context.ts';
import { parseLocale, sendHtml } from '../platform/web/http.ts';
import { renderPage } from '../platform/web/layout.tsx';
import { notFound } from '../platform/web/errors.tsx';
import { findCandidate } from './candidate.repository.ts';
import { findElection } from '../elections/election.repository.ts';
import { findParty } from '../parties/party.repository.ts';
import { CandidatePage } from './candidate.pages.tsx';
import { SearchPage } from '../search/search.pages.tsx';
import { searchCandidates } from '../search/search.service.ts';

export function candidatePageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { locale: string; id: string } }>('/:locale/candidates/:id', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const id = Number(req.params.id);
    const candidate = locale && Number.isSafeInteger(id) ? await findCandidate(ctx.db, id) : undefined;
    const election = candidate && (await findElection(ctx.db, candidate.electionId));
    const party = candidate && (await findParty(ctx.db, candidate.partyRegistrationNumber));
    if (!locale || !candidate || !election || !party) return notFound(reply, locale ?? 'en');
    return sendHtml(reply, renderPage(<CandidatePage locale={locale} election={election} party={party} candidate={candidate} />));
  });

  app.get<{ Params: { locale: string }; Querystring: { q?: string } }>('/:locale/search', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const q = (req.query.q ?? '').slice(0, 200).trim();
    const hits = q ? await searchCandidates(ctx, q) : [];
    const synthetic = (await ctx.db.selectFrom('elections').select('id').where('synthetic', '=', 1).executeTakeFirst()) !== undefined;
    return sendHtml(reply, renderPage(<SearchPage locale={locale} q={q} hits={hits} synthetic={synthetic} />));
  });
}
