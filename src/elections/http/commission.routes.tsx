// The commission's screens of elections under /{locale}/commission: its home (every election), the
// form that creates an election, and one election with its parties.
//
// Access is the policy of src/accounts/authorization.ts, asked on the server for every route:
// reading pages need 'audit.read' (commission staff and auditors; nobody bound to a party or bank),
// the form 'election.manage'. Pages show a form only to those who may send it. A refused form comes
// back with its problems (422). Needs authPlugin registered first (principal, CSRF) and a form-body
// parser (the server's @fastify/formbody).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { notFound } from '../../platform/web/errors.tsx';
import { pick } from '../../platform/web/format.tsx';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf, can } from '../../accounts/index.ts';
import { createElection, getCommissionElection, getElectionOverview, getRulesProfiles } from '../election.service.ts';
import { commissionElectionPath, formErrors } from '../views/commission-frame.tsx';
import { CommissionHomePage } from '../views/commission-home.page.tsx';
import { NewElectionPage } from '../views/new-election.page.tsx';
import { CommissionElectionPage } from '../views/commission-election.page.tsx';
import { ELECTION_FIELDS, electionFromForm } from './election.form.ts';
import { formValues, onForm, type FormValues } from './form-checks.ts';
import { doneText, ElectionParams, LocaleParams, me, pageQuery, seeOther, sendCommissionPage } from './commission-http.ts';

export function electionCommissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const read = requirePermission('audit.read');
  const manageElections = requirePermission('election.manage');

  app.get('/:locale/commission', { preHandler: read }, async (req, reply) => {
    const params = LocaleParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale } = params.data;
    const elections = await getElectionOverview(ctx);
    return sendCommissionPage(reply, CommissionHomePage({ locale, elections, canCreate: can(me(req), 'election.manage') }));
  });

  async function renderNewElection(reply: FastifyReply, locale: Locale, extra: { values?: FormValues; problems?: Problem[] } = {}) {
    const html = NewElectionPage({
      locale,
      csrfToken: reply.generateCsrf(),
      profiles: await getRulesProfiles(ctx),
      ...(extra.values ? { values: extra.values } : {}),
      errors: formErrors(locale, (extra.problems ?? []).map(onForm), { fallbackField: 'id', formFields: ELECTION_FIELDS }),
    });
    return sendCommissionPage(reply, html, extra.problems?.length ? 422 : 200);
  }

  app.get('/:locale/commission/new-election', { preHandler: manageElections }, async (req, reply) => {
    const params = LocaleParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    return renderNewElection(reply, params.data.locale);
  });

  app.post('/:locale/commission/elections', { preHandler: manageElections }, async (req, reply) => {
    const params = LocaleParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale } = params.data;
    const values = formValues(req.body, ELECTION_FIELDS);
    const parsed = electionFromForm(values);
    if (!parsed.ok) return renderNewElection(reply, locale, { values, problems: parsed.error });
    const r = await createElection(ctx, parsed.value, actorOf(me(req)));
    if (!r.ok) return renderNewElection(reply, locale, { values, problems: r.error });
    return seeOther(reply, `${commissionElectionPath(locale, r.value.id)}?done=created`);
  });

  app.get('/:locale/commission/elections/:id', { preHandler: read }, async (req, reply) => {
    const params = ElectionParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale, id } = params.data;
    const found = await getCommissionElection(ctx, id);
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
      readOnly: !(['election.manage', 'party.manage', 'candidates.manage'] as const).some((a) => can(p, a)),
      done: doneText(locale, pageQuery(req.query), ['created']),
    });
    return sendCommissionPage(reply, html);
  });
}
