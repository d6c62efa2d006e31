// The use cases of the donor and payee pages: the ranked lists of an election and one donor's or
// payee's lines, each loaded through the repository with the installation's identity key and built
// with the core, so a page, its download and the API show the same people with the same totals.
import type { AppContext } from '../platform/app-context.ts';
import type { Election, Locale } from '../domain/election.ts';
import { pick } from '../platform/web/format.tsx';
import { findElection } from '../elections/index.ts';
import { getPartyNames, listBallot } from '../parties/index.ts';
import { donorIdentity, payeeIdentity } from './core/identity.ts';
import {
  counterpartsOf,
  linesInOrder,
  topOf,
  type Counterpart,
  type CounterpartLine,
  type Role,
  type TopFilter,
  type TopRow,
} from './core/aggregates.ts';
import { donorGroups, donorLines, payeeGroups, payeeLines } from './explore.repository.ts';
import { identityKey } from './identity-key.ts';

export interface PartyOption {
  reg: string;
  name: string;
}

export interface ExploreFrame {
  election: Election;
  /** The election's parties in ballot order, for the filter. */
  parties: PartyOption[];
  /** A party's name as readers know it, by registration number (any party with lines). */
  partyName: (reg: string) => string;
}

async function frameOf(ctx: AppContext, electionId: string, l: Locale): Promise<ExploreFrame | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const [ballot, names] = await Promise.all([listBallot(ctx.db, election.id), getPartyNames(ctx)]);
  const parties = ballot.map((b) => ({
    reg: b.party.registrationNumber,
    name: pick(b.party.shortName, l) || pick(b.party.name, l),
  }));
  const short = new Map(parties.map((p) => [p.reg, p.name]));
  const partyName = (reg: string) => {
    const known = short.get(reg);
    if (known) return known;
    const n = names.get(reg);
    return (n && pick(n, l)) || reg;
  };
  return { election, parties, partyName };
}

/** Everyone of one role in an election, merged by identity. */
async function counterparts(ctx: AppContext, electionId: string, role: Role): Promise<Counterpart[]> {
  const key = await identityKey(ctx);
  const groups =
    role === 'donor'
      ? await donorGroups(ctx.db, electionId, (d) => donorIdentity(key, d))
      : await payeeGroups(ctx.db, electionId, (p) => payeeIdentity(key, p));
  return counterpartsOf(groups);
}

export interface TopList extends ExploreFrame {
  rows: TopRow[];
}

/** The ranked donors or payees of an election under a filter; undefined when there is no such election. */
export async function topList(
  ctx: AppContext,
  electionId: string,
  role: Role,
  l: Locale,
  filter: TopFilter,
): Promise<TopList | undefined> {
  const frame = await frameOf(ctx, electionId, l);
  if (!frame) return undefined;
  return { ...frame, rows: topOf(await counterparts(ctx, frame.election.id, role), filter) };
}

export interface CounterpartPage extends ExploreFrame {
  counterpart: Counterpart;
  lines: CounterpartLine[];
}

/** One donor or payee (by identifier, or a legal entity by INN) with every line; undefined when nobody is found. */
export async function counterpartPage(
  ctx: AppContext,
  electionId: string,
  role: Role,
  id: string,
  l: Locale,
): Promise<CounterpartPage | undefined> {
  const frame = await frameOf(ctx, electionId, l);
  if (!frame) return undefined;
  const all = await counterparts(ctx, frame.election.id, role);
  // A legal entity may also be asked for by its INN, which is public; a person's number never matches,
  // since only a public INN is kept on an identity.
  const counterpart = all.find((c) => c.id === id || (c.inn !== null && c.inn === id));
  if (!counterpart) return undefined;
  const key = await identityKey(ctx);
  const lines =
    role === 'donor'
      ? await donorLines(ctx.db, frame.election.id, (d) => donorIdentity(key, d), counterpart.id)
      : await payeeLines(ctx.db, frame.election.id, (p) => payeeIdentity(key, p), counterpart.id);
  return { ...frame, counterpart, lines: linesInOrder(lines) };
}
