// The use cases of the donor and payee pages: the ranked lists of an election, one donor's or payee's
// lines, the breakdowns of the election's money and parties side by side, each loaded through the
// repository with the installation's identity key and built with the core, so a page, its download and
// the API show the same people with the same totals.
import type { AppContext } from '../platform/app-context.ts';
import { dataVersion } from '../platform/data-version.ts';
import type { Election, Locale } from '../domain/election.ts';
import { pick } from '../platform/web/format.tsx';
import { findElection, getRulesProfile } from '../elections/index.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
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
import { donorIndex, linesById, payeeIndex, receiptCells, spendingCells } from './explore.repository.ts';
import {
  breakdownsOf,
  compareParties,
  MAX_COMPARED,
  sizeThresholds,
  type Breakdowns,
  type Comparison,
  type ReceiptCell,
  type SpendingCell,
} from './core/breakdowns.ts';
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

// Identity is a keyed hash the database cannot compute, so everyone of a role in an election is
// identified by reading the election's lines. That is done once per data version (the newest activity
// record, which every filing, amendment and withdrawal writes) and kept in `ctx.memo`: a ranked list,
// a donor's page and a comparison then read no line they do not show, and a donor's page fetches its
// lines by primary key. A stored identity column was the other way; it would need the installation's
// key inside the filing transaction and a rewrite of every row whenever the key is set, whereas this
// costs one read of the election after each change and nothing in the schema.
const MEMO_AREA = 'explore-index';

interface Versioned<T> {
  version: number;
  value: Promise<T>;
}

/** `build`'s result for the current data version (`known` when the caller has just read it), once per version and key. */
async function perVersion<T>(ctx: AppContext, key: string, build: () => Promise<T>, known?: number): Promise<T> {
  const version = known ?? (await dataVersion(ctx.db));
  const hit = ctx.memo.get<Versioned<T>>(MEMO_AREA, key);
  if (hit && hit.version === version) return hit.value;
  const value = build();
  ctx.memo.set(MEMO_AREA, key, { version, value });
  // A failed read is not remembered: the next request tries again.
  value.catch(() => {
    if (ctx.memo.get<Versioned<T>>(MEMO_AREA, key)?.value === value) ctx.memo.set(MEMO_AREA, key, undefined);
  });
  return value;
}

interface Everyone {
  counterparts: Counterpart[];
  lineIds: Map<string, number[]>;
  /** Ranked lists already made, by filter: a list of a large election is not re-ranked per request. */
  ranked: Map<string, TopRow[]>;
}

const MAX_RANKED = 128;

/** The ranked list under a filter, made once per data version (there are few filters: parties × multi). */
function rankedOf(all: Everyone, filter: TopFilter): TopRow[] {
  const key = `${filter.party ?? ''}\u0000${filter.minParties ?? ''}`;
  let rows = all.ranked.get(key);
  if (rows) return rows;
  rows = topOf(all.counterparts, filter);
  // The party comes from the address, so any text may arrive: only so many lists are kept.
  if (all.ranked.size < MAX_RANKED) all.ranked.set(key, rows);
  return rows;
}

/** Everyone of one role in an election, merged by identity, with their lines' ids. */
function everyone(ctx: AppContext, electionId: string, role: Role, version?: number): Promise<Everyone> {
  return perVersion(
    ctx,
    `${role}\u0000${electionId}`,
    async () => {
      const key = await identityKey(ctx);
      const index =
        role === 'donor'
          ? await donorIndex(ctx.db, electionId, (d) => donorIdentity(key, d))
          : await payeeIndex(ctx.db, electionId, (p) => payeeIdentity(key, p));
      return { counterparts: counterpartsOf(index.groups), lineIds: index.lineIds, ranked: new Map() };
    },
    version,
  );
}

export interface ElectionCounterparts {
  electionId: string;
  role: Role;
  /**
   * Everyone of the role in the election, the largest total first; the same array until the data
   * changes, so a caller may key what it derives from it on the array.
   */
  counterparts: readonly Counterpart[];
}

/**
 * Every donor and payee of each election, as the lists and pages know them (same identifiers, same
 * totals): for the site's search, which links a name to its page. The data version is read once for
 * all of them; the identities come from the index each election's lists already keep.
 */
export async function counterpartsOfElections(
  ctx: AppContext,
  electionIds: readonly string[],
): Promise<ElectionCounterparts[]> {
  const version = await dataVersion(ctx.db);
  const roles: readonly Role[] = ['donor', 'payee'];
  return Promise.all(
    electionIds.flatMap((electionId) =>
      roles.map(async (role) => ({
        electionId,
        role,
        counterparts: (await everyone(ctx, electionId, role, version)).counterparts,
      })),
    ),
  );
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
  return { ...frame, rows: rankedOf(await everyone(ctx, frame.election.id, role), filter) };
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
  const all = await everyone(ctx, frame.election.id, role);
  // A legal entity may also be asked for by its INN, which is public; a person's number never matches,
  // since only a public INN is kept on an identity.
  const counterpart = all.counterparts.find((c) => c.id === id || (c.inn !== null && c.inn === id));
  if (!counterpart) return undefined;
  const ids = all.lineIds.get(counterpart.id) ?? [];
  const lines = await linesById(ctx.db, role, ids);
  return { ...frame, counterpart, lines: linesInOrder(lines) };
}

interface Cells {
  thresholds: Tyiyn[];
  receipts: ReceiptCell[];
  spending: SpendingCell[];
}

/** The election's money summed by party, kind, size band and day, with the bands of its rules profile. */
async function cellsOf(ctx: AppContext, election: Election): Promise<Cells> {
  const profile = await getRulesProfile(ctx, election.rulesProfileId);
  const thresholds = profile ? sizeThresholds(profile.finance) : [];
  return perVersion(ctx, `cells\u0000${election.id}\u0000${thresholds.join(',')}`, async () => {
    const [receipts, spending] = await Promise.all([
      receiptCells(ctx.db, election.id, thresholds),
      spendingCells(ctx.db, election.id),
    ]);
    return { thresholds, receipts, spending };
  });
}

export interface BreakdownPage extends ExploreFrame {
  /** The party asked for, when it is one of the election's. */
  party: string | undefined;
  breakdowns: Breakdowns;
  /** Donors who gave to more than one party: how many, and what they gave in all. */
  multiParty: { count: number; amount: Tyiyn };
}

/** The breakdowns of an election's money, or of one party's; undefined when there is no such election. */
export async function breakdownPage(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  party: string | undefined,
): Promise<BreakdownPage | undefined> {
  const frame = await frameOf(ctx, electionId, l);
  if (!frame) return undefined;
  const [cells, donors] = await Promise.all([cellsOf(ctx, frame.election), everyone(ctx, frame.election.id, 'donor')]);
  const multi = rankedOf(donors, { minParties: 2, ...(party ? { party } : {}) });
  return {
    ...frame,
    party: party || undefined,
    breakdowns: breakdownsOf(cells.receipts, cells.spending, cells.thresholds, party || undefined),
    multiParty: { count: multi.length, amount: tyiyn(multi.reduce((s, r) => s + r.amount, 0)) },
  };
}

export interface ComparisonPage extends ExploreFrame {
  comparison: Comparison;
}

/**
 * Two to four parties of an election side by side; undefined when there is no such election. Parties
 * the election does not know are left out, and fewer than two give an empty comparison (the page then
 * asks which to compare).
 */
export async function comparisonPage(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  asked: readonly string[],
): Promise<ComparisonPage | undefined> {
  const frame = await frameOf(ctx, electionId, l);
  if (!frame) return undefined;
  const [cells, donors] = await Promise.all([cellsOf(ctx, frame.election), everyone(ctx, frame.election.id, 'donor')]);
  const known = new Set([...frame.parties.map((p) => p.reg), ...cells.receipts.map((c) => c.party)]);
  const parties = [...new Set(asked)].filter((p) => known.has(p)).slice(0, MAX_COMPARED);
  return {
    ...frame,
    comparison: compareParties(parties.length >= 2 ? parties : [], cells.receipts, cells.spending, donors.counterparts),
  };
}
