// The commission's screens of parties under /{locale}/commission/elections/{id}: the form that
// registers a party in the election, the page of one party there (its participation, candidate list
// and programme) and the form that withdraws or deregisters it. The list and programme forms on that
// page belong to the candidates and programmes capabilities, which render the page again through
// `renderCommissionParty` when they refuse a form.
//
// Access: reading needs 'audit.read', the forms 'party.manage'. Pages show a form only to those who
// may send it. A refused form comes back with its problems (422).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Election, Locale } from '../../domain/election.ts';
import { problem, type Problem } from '../../platform/result.ts';
import {
  candidateName,
  notFound,
  Notice,
  route,
  seeOther,
  sendPrivateHtml,
  type FieldError,
  type RouteDef,
  type RouteInput,
} from '../../platform/web/index.ts';
import { actorOf, can, type Action, type Resource } from '../../accounts/index.ts';
import {
  commissionErrors,
  commissionPartyPath,
  doneText,
  electionRoute,
  formValues,
  getElection,
  may,
  me,
  onForm,
  PageQuery,
  PartyParams,
  positiveId,
  type FormValues,
  type Lookup,
} from '../../elections/index.ts';
import { getCandidate, importedNotice, WithdrawnNotice } from '../../candidates/index.ts';
import { programmeNotice } from '../../programmes/index.ts';
import {
  getParticipation,
  getPartiesOutside,
  getParty,
  getPartyRecord,
  registerParty,
  setParticipationStatus,
} from '../party.service.ts';
import { t } from '../party.messages.ts';
import { NewPartyPage } from '../views/register-party.page.tsx';
import { CommissionPartyPage } from '../views/commission-party.page.tsx';
import { PARTY_FIELDS, STATUS_FIELDS, partyFromForm, partyValues, statusFromForm } from './party.form.ts';

/** Where a commission route about a party in an election is: the page's language, the election, the party. */
export interface CommissionPartyAt {
  locale: Locale;
  election: Election;
  reg: string;
}

/** The election and the party standing in it that a route names, or undefined when either is unknown. */
export async function commissionPartyAt(
  ctx: AppContext,
  locale: Locale,
  params: { id: string; reg: string },
): Promise<CommissionPartyAt | undefined> {
  const election = await getElection(ctx, params.id);
  const participation = election && (await getParticipation(ctx, election.id, params.reg));
  return election && participation ? { locale, election, reg: participation.partyRegistrationNumber } : undefined;
}

export interface CommissionPartyView {
  errors?: FieldError[];
  /** The translator of the capability whose form was refused: it names the form's fields. */
  labels?: Lookup;
  values?: FormValues;
  notice?: ComponentChildren;
}

/** The commission's page of a party in an election; 422 when it shows a refused form's errors. */
export async function renderCommissionParty(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  at: CommissionPartyAt,
  view: CommissionPartyView = {},
) {
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
    ...(view.labels ? { labels: view.labels } : {}),
    notice: view.notice,
  });
  return sendPrivateHtml(reply, html, view.errors?.length ? 422 : 200);
}

/** The notice named in the address: a withdrawn candidate with the list rules as they now stand, or a plain one. */
async function partyNotice(ctx: AppContext, q: PageQuery, at: CommissionPartyAt): Promise<ComponentChildren> {
  const l = at.locale;
  const withdrawnId = q.done === 'withdrawn' ? positiveId(q.candidate) : undefined;
  const c = withdrawnId === undefined ? undefined : await getCandidate(ctx, withdrawnId);
  if (c && c.electionId === at.election.id && c.partyRegistrationNumber === at.reg && c.status === 'withdrawn') {
    const { record } = await getPartyRecord(ctx, at.election.id, at.reg);
    return (
      <WithdrawnNotice locale={l} name={candidateName(c, l)} position={c.listPosition} rules={record?.rules ?? []} />
    );
  }
  const text = doneText(q, {
    registered: () => t(l, 'commission.done.registered'),
    status: () => t(l, 'commission.done.status'),
    imported: (n) => importedNotice(l, n),
    programme: () => programmeNotice(l),
  });
  return <Notice text={text} />;
}

async function renderNewParty(
  ctx: AppContext,
  reply: FastifyReply,
  locale: Locale,
  election: Election,
  extra: { values?: FormValues; problems?: Problem[]; from?: string } = {},
) {
  const reg = extra.values?.registrationNumber ?? '';
  const html = NewPartyPage({
    locale,
    csrfToken: reply.generateCsrf(),
    election,
    known: await getPartiesOutside(ctx, election.id),
    from: extra.from,
    existing: reg !== '' && (await getParty(ctx, reg)) !== undefined,
    ...(extra.values ? { values: extra.values } : {}),
    errors: commissionErrors(t, locale, (extra.problems ?? []).map(onForm), {
      fallbackField: 'registrationNumber',
      formFields: PARTY_FIELDS,
    }),
  });
  return sendPrivateHtml(reply, html, extra.problems?.length ? 422 : 200);
}

async function registerFromForm(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  election: Election,
) {
  const values = formValues(req.body, PARTY_FIELDS);
  const parsed = partyFromForm(values);
  if (!parsed.ok) return renderNewParty(ctx, reply, locale, election, { values, problems: parsed.error });
  const reg = parsed.value.registrationNumber;
  // registerParty would reset a participation's status and ballot number: a party already in the
  // election is changed on its own page instead.
  if (await getParticipation(ctx, election.id, reg)) {
    const already = problem('commission.already_registered', `Party ${reg} is already in this election.`, {
      field: 'registrationNumber',
    });
    return renderNewParty(ctx, reply, locale, election, { values, problems: [already] });
  }
  const r = await registerParty(
    ctx,
    { electionId: election.id, party: parsed.value, ballotNumber: null },
    actorOf(me(req)),
  );
  if (!r.ok) return renderNewParty(ctx, reply, locale, election, { values, problems: r.error });
  return seeOther(reply, `${commissionPartyPath(locale, election.id, reg)}?done=registered`);
}

async function statusFromRequest(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, at: CommissionPartyAt) {
  const values = formValues(req.body, STATUS_FIELDS);
  const refuse = (problems: Problem[]) =>
    renderCommissionParty(ctx, req, reply, at, {
      values,
      errors: commissionErrors(t, at.locale, problems, {
        fallbackField: 'participationStatus',
        formFields: STATUS_FIELDS,
      }),
    });
  const parsed = statusFromForm(values);
  if (!parsed.ok) return refuse(parsed.error);
  const r = await setParticipationStatus(
    ctx,
    { electionId: at.election.id, partyRegistrationNumber: at.reg, ...parsed.value },
    actorOf(me(req)),
  );
  if (!r.ok) return refuse(r.error);
  return seeOther(reply, `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=status`);
}

/** What a route under the commission's page of a party gets: its parameters and the page's query (empty unless asked for). */
type PartyRouteInput = RouteInput<z.output<typeof PartyParams>, PageQuery, Record<string, never>, undefined>;

/**
 * A commission route under the page of a party in an election (its forms are the parties',
 * candidates' and programmes'): the handler gets where it is; an election or party not there answers 404.
 */
export function partyRoute(spec: {
  id: string;
  method: 'GET' | 'POST';
  /** The address after the party's page, '' for the page itself. */
  path: string;
  action: Action;
  query?: typeof PageQuery;
  multipart?: boolean;
  handle(input: PartyRouteInput, at: CommissionPartyAt): unknown;
}): RouteDef<Action, Resource> {
  return route({
    id: spec.id,
    method: spec.method,
    url: `/:locale/commission/elections/:id/parties/:reg${spec.path}`,
    access: may(spec.action),
    params: PartyParams,
    query: spec.query,
    ...(spec.multipart ? { multipart: true } : {}),
    handler: async (input) => {
      const at = await commissionPartyAt(input.ctx, input.locale, input.params);
      return at ? spec.handle(input, at) : notFound(input.reply, input.locale);
    },
  });
}

/**
 * The route table (built when the routes are registered, since it uses what other capabilities export).
 */
export function partyCommissionRoutes(): readonly RouteDef<Action, Resource>[] {
  return [
    electionRoute({
      id: 'commission.party.new',
      method: 'GET',
      path: '/register-party',
      access: may('party.manage'),
      query: PageQuery,
      handle: async ({ ctx, reply, locale, query }, election) => {
        // "Start from a party of an earlier election": its record fills the form, to be checked and sent.
        const from = query.fromParty ? await getParty(ctx, query.fromParty) : undefined;
        return renderNewParty(
          ctx,
          reply,
          locale,
          election,
          from ? { values: partyValues(from), from: from.registrationNumber } : {},
        );
      },
    }),
    electionRoute({
      id: 'commission.party.register',
      method: 'POST',
      path: '/parties',
      access: may('party.manage'),
      handle: ({ ctx, req, reply, locale }, election) => registerFromForm(ctx, req, reply, locale, election),
    }),
    partyRoute({
      id: 'commission.party',
      method: 'GET',
      path: '',
      action: 'audit.read',
      query: PageQuery,
      handle: async ({ ctx, req, reply, query }, at) =>
        renderCommissionParty(ctx, req, reply, at, { notice: await partyNotice(ctx, query, at) }),
    }),
    partyRoute({
      id: 'commission.party.status',
      method: 'POST',
      path: '/status',
      action: 'party.manage',
      handle: ({ ctx, req, reply }, at) => statusFromRequest(ctx, req, reply, at),
    }),
  ];
}
