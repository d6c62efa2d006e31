// Change of voting address: the voter's request (a number to follow it by), the automatic checks against
// the current list, and the commission's decision; an approval moves the voter in the list the lookup
// reads. Every step is in the activity log, without the PIN.
import { randomInt } from 'node:crypto';
import type { AppContext } from '../platform/app-context.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import { searchKey } from '../domain/transliteration.ts';
import {
  checkAddressChange,
  lastDayForRequests,
  suggestedRefusal,
  type CheckOutcome,
  type RefusalReason,
} from './core/address-change.ts';
import { surnameBeginsWith } from './core/lookup.ts';
import { findStation } from './stations.repository.ts';
import { findVoterByPin, moveVoter } from './voter-list.repository.ts';
import {
  decideRequest,
  findRequest,
  insertRequest,
  listRequests,
  requestHistory,
  type RequestListFilter,
  type RequestRow,
} from './address-change.repository.ts';
import { nextElection } from './voters-election.ts';

export interface RequestForm {
  pin: string;
  surname: string;
  givenName: string;
  patronymic: string;
  toStation: string;
  reason: string;
  contact: string;
}

/** Crockford's base 32 without look-alikes: a request number a person can read out on the phone. */
const DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function newNumber(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += DIGITS[randomInt(DIGITS.length)] ?? '0';
  return `AC-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Files a request. Refused only for what the voter can see and fix: a closed period or an unknown station. */
export async function fileRequest(
  ctx: AppContext,
  f: RequestForm,
  actor = 'voter',
): Promise<Result<{ number: string }>> {
  const next = await nextElection(ctx);
  if (!next)
    return err([problem('request.no_election', 'No election is coming for which the address can be changed.')]);
  const today = bishkekDay(ctx.now());
  const last = lastDayForRequests(next.election.electionDay, next.rules);
  if (last !== undefined && today > last)
    return err([problem('request.closed', 'Requests closed on {day}.', { params: { day: last } })]);
  if (!(await findStation(ctx.db, f.toStation)))
    return err([problem('request.station', 'There is no polling station with this number.', { field: 'toStation' })]);
  const at = ctx.now();
  const voter = await findVoterByPin(ctx.db, f.pin);
  const row = await insertRequest(
    ctx.db,
    {
      number: newNumber(),
      election_id: next.election.id,
      pin: f.pin,
      surname: f.surname,
      surname_key: searchKey(f.surname),
      given_name: f.givenName,
      patronymic: f.patronymic,
      from_station:
        voter && surnameBeginsWith(voter.surname, voter.surname_key, f.surname) ? voter.station_number : null,
      to_station: f.toStation,
      reason: f.reason,
      contact: f.contact,
      filed_on: today,
      filed_at: at.toISOString(),
    },
    actor,
  );
  await recordActivity(
    ctx.db,
    {
      actor,
      action: 'address_change.submitted',
      entityType: 'address_change_request',
      entityId: row.number,
      after: { status: 'submitted', toStation: f.toStation },
    },
    at,
  );
  return ok({ number: row.number });
}

export interface CheckedRequest {
  request: RequestRow;
  checks: CheckOutcome[];
  suggestion: RefusalReason | undefined;
}

export async function checkRequest(ctx: AppContext, request: RequestRow): Promise<CheckedRequest> {
  const [voter, next] = await Promise.all([findVoterByPin(ctx.db, request.pin), nextElection(ctx)]);
  const checks = checkAddressChange({
    number: request.number,
    voter: voter && {
      surnameMatches:
        voter.surname_key === request.surname_key ||
        surnameBeginsWith(voter.surname, voter.surname_key, request.surname),
      birthDate: voter.birth_date,
      deathDate: voter.death_date,
      stationNumber: voter.station_number,
      movedByRequest: voter.moved_by_request,
    },
    toStation: request.to_station,
    filedOn: request.filed_on,
    electionDay: next?.election.electionDay ?? request.filed_on,
    rules: next?.rules,
  });
  return { request, checks, suggestion: suggestedRefusal(checks) };
}

export async function requestsForCommission(ctx: AppContext, f: RequestListFilter): Promise<CheckedRequest[]> {
  const rows = await listRequests(ctx.db, f);
  const out: CheckedRequest[] = [];
  for (const r of rows) out.push(await checkRequest(ctx, r));
  return out;
}

export type Decision = { kind: 'approve' } | { kind: 'refuse'; reason: RefusalReason };

/** Decides a submitted request; an approval moves the voter in the current list, in one transaction. */
export async function decide(ctx: AppContext, number: string, d: Decision, actor: string): Promise<Result<RequestRow>> {
  const request = await findRequest(ctx.db, number);
  if (!request) return err([problem('request.unknown', 'There is no such request.')]);
  if (request.status !== 'submitted')
    return err([problem('request.decided', 'This request has already been decided.')]);
  const at = ctx.now();
  const status = d.kind === 'approve' ? 'approved' : 'refused';
  const reason = d.kind === 'refuse' ? d.reason : null;
  const done = await ctx.db.transaction().execute(async (trx) => {
    if (!(await decideRequest(trx, request.id, { status, reason, actor, at: at.toISOString() }))) return false;
    if (d.kind === 'approve') await moveVoter(trx, request.pin, request.to_station, request.number);
    await recordActivity(
      trx,
      {
        actor,
        action: `address_change.${status}`,
        entityType: 'address_change_request',
        entityId: request.number,
        before: { status: request.status, station: request.from_station },
        after: { status, station: d.kind === 'approve' ? request.to_station : request.from_station, reason },
      },
      at,
    );
    return true;
  });
  if (!done) return err([problem('request.decided', 'This request has already been decided.')]);
  return ok({ ...request, status, decision_reason: reason, decided_at: at.toISOString(), decided_by: actor });
}

export interface PublicStatus {
  number: string;
  status: string;
  toStation: string;
  filedOn: string;
  refusal: string | null;
  history: Array<{ at: string; status: string }>;
}

/** A request's status for whoever knows its number and the surname's first letters; nothing personal. */
export async function publicStatus(
  ctx: AppContext,
  number: string,
  letters: string,
): Promise<PublicStatus | undefined> {
  const r = await findRequest(ctx.db, number.trim().toUpperCase());
  if (!r || !surnameBeginsWith(r.surname, r.surname_key, letters)) return undefined;
  return {
    number: r.number,
    status: r.status,
    toStation: r.to_station,
    filedOn: r.filed_on,
    refusal: r.decision_reason,
    history: await requestHistory(ctx.db, r.id),
  };
}
