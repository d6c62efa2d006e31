// The commission's screens of elections under /{locale}/commission: its home (every election), the
// form that creates an election, and one election with its parties.
//
// Access is the policy of src/accounts/authorization.ts, asked on the server for every route:
// reading pages need 'audit.read' (commission staff and auditors; nobody bound to a party or bank),
// the form 'election.manage'. Pages show a form only to those who may send it. A refused form comes
// back with its problems (422). Needs authPlugin registered first (principal, CSRF) and a form-body
// parser (the server's @fastify/formbody).
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { notFound, pick, route, seeOther, sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import { actorOf, can, type Action, type Resource } from '../../accounts/index.ts';
import { createElection, getCommissionElection, getElectionOverview, getRulesProfiles } from '../election.service.ts';
import { t } from '../election.messages.ts';
import { commissionElectionPath, commissionErrors } from '../views/commission-frame.tsx';
import { CommissionHomePage } from '../views/commission-home.page.tsx';
import { NewElectionPage } from '../views/new-election.page.tsx';
import { CommissionElectionPage } from '../views/commission-election.page.tsx';
import { ELECTION_FIELDS, electionFromForm } from './election.form.ts';
import { formValues, onForm, type FormValues } from './form-checks.ts';
import { doneText, ElectionParams, LocaleParams, may, me, PageQuery } from './commission-http.ts';

async function renderNewElection(
  ctx: AppContext,
  reply: FastifyReply,
  locale: Locale,
  extra: { values?: FormValues; problems?: Problem[] } = {},
) {
  const html = NewElectionPage({
    locale,
    csrfToken: reply.generateCsrf(),
    profiles: await getRulesProfiles(ctx),
    ...(extra.values ? { values: extra.values } : {}),
    errors: commissionErrors(t, locale, (extra.problems ?? []).map(onForm), {
      fallbackField: 'id',
      formFields: ELECTION_FIELDS,
    }),
  });
  return sendPrivateHtml(reply, html, extra.problems?.length ? 422 : 200);
}

const EDITING = ['election.manage', 'party.manage', 'candidates.manage'] as const;

/**
 * The route table (built when the routes are registered, since it uses what other capabilities export).
 */
export function electionCommissionRoutes(): readonly RouteDef<Action, Resource>[] {
  return [
    route({
      id: 'commission.home',
      method: 'GET',
      url: '/:locale/commission',
      access: may('audit.read'),
      params: LocaleParams,
      handler: async ({ ctx, req, reply, locale }) => {
        const elections = await getElectionOverview(ctx);
        return sendPrivateHtml(
          reply,
          CommissionHomePage({ locale, elections, canCreate: can(me(req), 'election.manage') }),
        );
      },
    }),
    route({
      id: 'commission.election.new',
      method: 'GET',
      url: '/:locale/commission/new-election',
      access: may('election.manage'),
      params: LocaleParams,
      handler: ({ ctx, reply, locale }) => renderNewElection(ctx, reply, locale),
    }),
    route({
      id: 'commission.election.create',
      method: 'POST',
      url: '/:locale/commission/elections',
      access: may('election.manage'),
      params: LocaleParams,
      handler: async ({ ctx, req, reply, locale }) => {
        const values = formValues(req.body, ELECTION_FIELDS);
        const parsed = electionFromForm(values);
        if (!parsed.ok) return renderNewElection(ctx, reply, locale, { values, problems: parsed.error });
        const r = await createElection(ctx, parsed.value, actorOf(me(req)));
        if (!r.ok) return renderNewElection(ctx, reply, locale, { values, problems: r.error });
        return seeOther(reply, `${commissionElectionPath(locale, r.value.id)}?done=created`);
      },
    }),
    route({
      id: 'commission.election',
      method: 'GET',
      url: '/:locale/commission/elections/:id',
      access: may('audit.read'),
      params: ElectionParams,
      query: PageQuery,
      handler: async ({ ctx, req, reply, locale, params, query }) => {
        const found = await getCommissionElection(ctx, params.id);
        if (!found) return notFound(reply, locale);
        const { election, profile, entries, withProgramme } = found;
        const p = me(req);
        const html = CommissionElectionPage({
          locale,
          election,
          rulesTitle: profile ? pick(profile.title, locale) : election.rulesProfileId,
          entries,
          withProgramme,
          canRegister: can(p, 'party.manage'),
          readOnly: !EDITING.some((a) => can(p, a)),
          done: doneText(query, { created: () => t(locale, 'commission.done.created') }),
        });
        return sendPrivateHtml(reply, html);
      },
    }),
  ];
}
