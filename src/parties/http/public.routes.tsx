// Public page of one party in one election: its record, its candidate list as the visitor sorts and
// filters it, its programme, the list-rule results and the sections other capabilities add.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { PageSections } from '../../platform/capability.ts';
import { localeSchema } from '../../domain/election.ts';
import { sendHtml } from '../../platform/web/http.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { notFound } from '../../platform/web/errors.tsx';
import { getPartyRecord } from '../party.service.ts';
import { ListViewQuery, listViewOf, shownCandidates } from '../core/list-view.ts';
import { PartyPage } from '../views/party.page.tsx';

const PartyParams = z.object({ locale: localeSchema, id: z.string(), reg: z.string() });

export function partyPublicRoutes(app: FastifyInstance, ctx: AppContext, sections: PageSections): void {
  app.get('/:locale/elections/:id/parties/:reg', { config: { pageQuery: ListViewQuery } }, async (req, reply) => {
    const params = PartyParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale, id, reg } = params.data;
    const { election, record } = await getPartyRecord(ctx, id, reg);
    if (!election || !record) return notFound(reply, locale);
    const view = listViewOf(req.query);
    const { party } = record;
    const extra = await Promise.all(sections.party.map((f) => f(ctx, election.id, party.registrationNumber, locale)));
    return sendHtml(
      reply,
      renderPage(
        <PartyPage
          locale={locale}
          election={election}
          party={party}
          participation={record.participation}
          candidates={shownCandidates(record.candidates, view, locale)}
          totalCandidates={record.candidates.length}
          view={view}
          programme={record.programme}
          rules={record.rules}
          extra={extra}
        />,
      ),
    );
  });
}
