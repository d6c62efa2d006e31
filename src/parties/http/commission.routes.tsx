// The commission's screens of parties under /{locale}/commission/elections/{id}: the form that
// registers a party in the election, the page of one party there (its participation, candidate list
// and programme) and the form that withdraws or deregisters it. The list and programme forms on that
// page belong to the candidates and programmes capabilities, which render the page again through
// `renderCommissionParty` when they refuse a form.
//
// Access: reading needs 'audit.read', the forms 'party.manage'. Pages show a form only to those who
// may send it. A refused form comes back with its problems (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Election, Locale } from '../../domain/election.ts';
import { problem, type Problem } from '../../platform/result.ts';
import { notFound } from '../../platform/web/errors.tsx';
import { candidateName } from '../../platform/web/format.tsx';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf, can } from '../../accounts/index.ts';
import {
  commissionPartyPath,
  doneText,
  Done,
  ElectionParams,
  formErrors,
  formValues,
  getElection,
  me,
  onForm,
  pageQuery,
  PartyParams,
  positiveId,
  seeOther,
  sendCommissionPage,
  type FormError,
  type FormValues,
} from '../../elections/index.ts';
import { getCandidate, WithdrawnNotice } from '../../candidates/index.ts';
import { getParticipation, getPartiesOutside, getParty, getPartyRecord, registerParty, setParticipationStatus } from '../party.service.ts';
import { NewPartyPage } from '../views/register-party.page.tsx';
import { CommissionPartyPage } from '../views/commission-party.page.tsx';
import { PARTY_FIELDS, STATUS_FIELDS, partyFromForm, partyValues, statusFromForm } from './party.form.ts';

/** Where a commission route about a party in an election is: the page's language, the election, the party. */
export interface CommissionPartyAt {
  locale: Locale;
  election: Election;
  reg: string;
}

/** The election and party a party route names, or undefined with a 404 already sent. */
export async function commissionPartyAt(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<CommissionPartyAt | undefined> {
  const params = PartyParams.safeParse(req.params);
  const election = params.success ? await getElection(ctx, params.data.id) : undefined;
  const participation = params.success && election ? await getParticipation(ctx, election.id, params.data.reg) : undefined;
  if (!params.success || !election || !participation) {
    await notFound(reply, params.success ? params.data.locale : 'en');
    return undefined;
  }
  return { locale: params.data.locale, election, reg: participation.partyRegistrationNumber };
}

export interface CommissionPartyView {
  errors?: FormError[];
  values?: FormValues;
  notice?: ComponentChildren;
}

/** The commission's page of a party in an election; 422 when it shows a refused form's errors. */
export async function renderCommissionParty(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, at: CommissionPartyAt, view: CommissionPartyView = {}) {
  const { record } = await getPartyRecord(ctx, at.election.id, at.reg);
  if (!record) return notFound(reply, at.locale);
  const p = me(req);
  const html = CommissionPartyPage({
    locale: at.locale,
    csrfToken: reply.generateCsrf(),
    election: at.election,
    record,
    can: { party: can(p, 'party.manage'), candidates: can(p, 'candidates.manage') },
    ...(view.values ? { values: view.values } : {}),
    ...(view.errors ? { errors: view.errors } : {}),
    notice: view.notice,
  });
  return sendCommissionPage(reply, html, view.errors?.length ? 422 : 200);
}

/** The notice named in the address: a withdrawn candidate with the list rules as they now stand, or a plain one. */
async function partyNotice(ctx: AppContext, req: FastifyRequest, at: CommissionPartyAt): Promise<ComponentChildren> {
  const q = pageQuery(req.query);
  const withdrawnId = q.done === 'withdrawn' ? positiveId(q.candidate) : undefined;
  const c = withdrawnId === undefined ? undefined : await getCandidate(ctx, withdrawnId);
  if (c && c.electionId === at.election.id && c.partyRegistrationNumber === at.reg && c.status === 'withdrawn') {
    const { record } = await getPartyRecord(ctx, at.election.id, at.reg);
    return <WithdrawnNotice locale={at.locale} name={candidateName(c, at.locale)} position={c.listPosition} rules={record?.rules ?? []} />;
  }
  return <Done text={doneText(at.locale, q, ['registered', 'status', 'imported', 'programme'])} />;
}

export function partyCommissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const read = requirePermission('audit.read');
  const manageParties = requirePermission('party.manage');

  async function renderNewParty(reply: FastifyReply, locale: Locale, election: Election, extra: { values?: FormValues; problems?: Problem[]; from?: string } = {}) {
    const reg = extra.values?.registrationNumber ?? '';
    const html = NewPartyPage({
      locale,
      csrfToken: reply.generateCsrf(),
      election,
      known: await getPartiesOutside(ctx, election.id),
      from: extra.from,
      existing: reg !== '' && (await getParty(ctx, reg)) !== undefined,
      ...(extra.values ? { values: extra.values } : {}),
      errors: formErrors(locale, (extra.problems ?? []).map(onForm), { fallbackField: 'registrationNumber', formFields: PARTY_FIELDS }),
    });
    return sendCommissionPage(reply, html, extra.problems?.length ? 422 : 200);
  }

  /** The election an election route names, or undefined with a 404 already sent. */
  async function electionAt(req: FastifyRequest, reply: FastifyReply): Promise<{ locale: Locale; election: Election } | undefined> {
    const params = ElectionParams.safeParse(req.params);
    const election = params.success ? await getElection(ctx, params.data.id) : undefined;
    if (!params.success || !election) {
      await notFound(reply, params.success ? params.data.locale : 'en');
      return undefined;
    }
    return { locale: params.data.locale, election };
  }

  app.get('/:locale/commission/elections/:id/register-party', { preHandler: manageParties }, async (req, reply) => {
    const at = await electionAt(req, reply);
    if (!at) return reply;
    // "Start from a party of an earlier election": its record fills the form, to be checked and sent.
    const fromParty = pageQuery(req.query).fromParty;
    const from = fromParty ? await getParty(ctx, fromParty) : undefined;
    return renderNewParty(reply, at.locale, at.election, from ? { values: partyValues(from), from: from.registrationNumber } : {});
  });

  app.post('/:locale/commission/elections/:id/parties', { preHandler: manageParties }, async (req, reply) => {
    const at = await electionAt(req, reply);
    if (!at) return reply;
    const { locale, election } = at;
    const values = formValues(req.body, PARTY_FIELDS);
    const parsed = partyFromForm(values);
    if (!parsed.ok) return renderNewParty(reply, locale, election, { values, problems: parsed.error });
    const reg = parsed.value.registrationNumber;
    // registerParty would reset a participation's status and ballot number: a party already in the
    // election is changed on its own page instead.
    if (await getParticipation(ctx, election.id, reg)) {
      const already = problem('commission.already_registered', `Party ${reg} is already in this election.`, { field: 'registrationNumber' });
      return renderNewParty(reply, locale, election, { values, problems: [already] });
    }
    const r = await registerParty(ctx, { electionId: election.id, party: parsed.value, ballotNumber: null }, actorOf(me(req)));
    if (!r.ok) return renderNewParty(reply, locale, election, { values, problems: r.error });
    return seeOther(reply, `${commissionPartyPath(locale, election.id, reg)}?done=registered`);
  });

  app.get('/:locale/commission/elections/:id/parties/:reg', { preHandler: read }, async (req, reply) => {
    const at = await commissionPartyAt(ctx, req, reply);
    if (!at) return reply;
    return renderCommissionParty(ctx, req, reply, at, { notice: await partyNotice(ctx, req, at) });
  });

  app.post('/:locale/commission/elections/:id/parties/:reg/status', { preHandler: manageParties }, async (req, reply) => {
    const at = await commissionPartyAt(ctx, req, reply);
    if (!at) return reply;
    const values = formValues(req.body, STATUS_FIELDS);
    const refuse = (problems: Problem[]) =>
      renderCommissionParty(ctx, req, reply, at, { values, errors: formErrors(at.locale, problems, { fallbackField: 'participationStatus', formFields: STATUS_FIELDS }) });
    const parsed = statusFromForm(values);
    if (!parsed.ok) return refuse(parsed.error);
    const r = await setParticipationStatus(ctx, { electionId: at.election.id, partyRegistrationNumber: at.reg, ...parsed.value }, actorOf(me(req)));
    if (!r.ok) return refuse(r.error);
    return seeOther(reply, `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=status`);
  });
}
