// Public pages of elections and of parties in an election.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/app-context.ts';
import { parseLocale, sendHtml } from '../platform/web/http.ts';
import { renderPage } from '../platform/web/layout.tsx';
import { ElectionPage, ElectionsPage, type BallotLine } from './election.pages.tsx';
import { PartyPage, type ListView } from '../parties/party.pages.tsx';
import { findElection, findRulesProfileById, listElections } from './election.repository.ts';
import { findParty, findParticipation, listBallot } from '../parties/party.repository.ts';
import { listAllCandidatesOfList, listCandidatesByParty } from '../candidates/candidate.repository.ts';
import { findProgramme } from '../programmes/programme.repository.ts';
import { checkCandidateList } from '../domain/list-rules.ts';
import { notFound } from '../platform/web/errors.tsx';
import type { Locale } from '../domain/election.ts';
import type { ComponentChildren } from 'preact';

/** Other capabilities add sections to the election and party pages (finance, lottery…). */
export interface PageExtensions {
  election: Array<(ctx: AppContext, electionId: string, locale: Locale) => Promise<ComponentChildren>>;
  party: Array<(ctx: AppContext, electionId: string, reg: string, locale: Locale) => Promise<ComponentChildren>>;
}

export function electionPageRoutes(app: FastifyInstance, ctx: AppContext, ext: PageExtensions): void {
  app.get<{ Params: { locale: string } }>('/:locale/', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    return sendHtml(reply, renderPage(<ElectionsPage locale={locale} elections={await listElections(ctx.db)} />));
  });

  app.get<{ Params: { locale: string; id: string } }>('/:locale/elections/:id', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = locale && (await findElection(ctx.db, req.params.id));
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const profile = await findRulesProfileById(ctx.db, election.rulesProfileId);
    const ballot = await listBallot(ctx.db, election.id);
    const lists = await listCandidatesByParty(ctx.db, election.id);
    const lines: BallotLine[] = ballot.map((entry) => ({
      entry,
      rules: profile ? checkCandidateList(lists.get(entry.party.registrationNumber) ?? [], election.electionDay, profile.candidateList) : [],
    }));
    const extra = await Promise.all(ext.election.map((f) => f(ctx, election.id, locale)));
    return sendHtml(reply, renderPage(<ElectionPage locale={locale} election={election} lines={lines} rules={profile} extra={extra} />));
  });

  app.get<{ Params: { locale: string; id: string; reg: string }; Querystring: Record<string, string | undefined> }>(
    '/:locale/elections/:id/parties/:reg',
    async (req, reply) => {
      const locale = parseLocale(req.params.locale);
      const election = locale && (await findElection(ctx.db, req.params.id));
      const party = election && (await findParty(ctx.db, req.params.reg));
      const participation = party && (await findParticipation(ctx.db, req.params.id, req.params.reg));
      if (!locale || !election || !party || !participation) return notFound(reply, locale ?? 'en');
      const q = req.query;
      const view: ListView = {
        sort: q.sort === 'name' || q.sort === 'birthDate' ? q.sort : 'position',
        sex: q.sex === 'female' || q.sex === 'male' ? q.sex : '',
        status: q.status === 'registered' || q.status === 'withdrawn' ? q.status : '',
      };
      const all = await listAllCandidatesOfList(ctx.db, election.id, party.registrationNumber);
      const nameOf = (c: (typeof all)[number]) => (locale === 'ky' ? c.nameKy : locale === 'ru' ? c.nameRu : c.nameLatin);
      const collator = new Intl.Collator(locale);
      const shown = all
        .filter((c) => (!view.sex || c.sex === view.sex) && (!view.status || c.status === view.status))
        .sort((a, b) =>
          view.sort === 'name'
            ? collator.compare(nameOf(a), nameOf(b))
            : view.sort === 'birthDate'
              ? a.birthDate.localeCompare(b.birthDate) || a.listPosition - b.listPosition
              : a.listPosition - b.listPosition,
        );
      const profile = await findRulesProfileById(ctx.db, election.rulesProfileId);
      const rules = profile ? checkCandidateList(all, election.electionDay, profile.candidateList) : [];
      const programme = await findProgramme(ctx.db, election.id, party.registrationNumber);
      const extra = await Promise.all(ext.party.map((f) => f(ctx, election.id, party.registrationNumber, locale)));
      return sendHtml(
        reply,
        renderPage(
          <PartyPage
            locale={locale}
            election={election}
            party={party}
            participation={participation}
            candidates={shown}
            totalCandidates={all.length}
            view={view}
            programme={programme}
            rules={rules}
            extra={extra}
          />,
        ),
      );
    },
  );
}
