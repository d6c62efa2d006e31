// A candidate listing answered from an election's candidates held in memory: the same filters, order
// and keyset pages as the SQL listing (`listCandidates`), so a page costs no query. The order is
// SQLite's: integers by value, text by its bytes (BINARY collation), which for text is the order of
// code points; ties are broken by id.
import type { PublicCandidate } from '../../domain/election.ts';
import { encodeCursor, type KeysetCursor } from '../../platform/keyset.ts';

export const candidateSorts = ['position', 'name', 'birthDate'] as const;
export type CandidateSort = (typeof candidateSorts)[number];

export interface CandidateQuery {
  electionId: string;
  partyRegistrationNumber?: string;
  sex?: 'female' | 'male';
  status?: 'registered' | 'withdrawn' | 'deregistered';
  sort: CandidateSort;
  order: 'asc' | 'desc';
  limit: number;
  after?: KeysetCursor;
}

export interface CandidatePage {
  items: PublicCandidate[];
  nextCursor: string | null;
}

type SortValue = string | number;

const sortValue: Record<CandidateSort, (c: PublicCandidate) => SortValue> = {
  position: (c) => c.listPosition,
  name: (c) => c.nameLatin,
  birthDate: (c) => c.birthDate,
};

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/**
 * Code point order, which is the byte order of UTF-8 that SQLite compares text in. UTF-16 units
 * compare the same way except that a surrogate (half of a code point above U+FFFF) sorts after every
 * other unit.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = isSurrogate(x);
    if (sx !== isSurrogate(y)) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // SQLite puts every number before every text.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return compareCodePoints(a, b);
}

/** The candidates of one election, each sort's order made once, for all of them and per party list. */
export interface CandidateListing {
  readonly all: Readonly<Record<CandidateSort, readonly PublicCandidate[]>>;
  readonly byParty: ReadonlyMap<string, Readonly<Record<CandidateSort, readonly PublicCandidate[]>>>;
}

function orders(rows: readonly PublicCandidate[]): Record<CandidateSort, readonly PublicCandidate[]> {
  const sorted = (sort: CandidateSort) => {
    const value = sortValue[sort];
    return [...rows].sort((a, b) => compareValues(value(a), value(b)) || a.id - b.id);
  };
  return { position: sorted('position'), name: sorted('name'), birthDate: sorted('birthDate') };
}

export function candidateListing(rows: readonly PublicCandidate[]): CandidateListing {
  const parties = new Map<string, PublicCandidate[]>();
  for (const c of rows) {
    const list = parties.get(c.partyRegistrationNumber);
    if (list) list.push(c);
    else parties.set(c.partyRegistrationNumber, [c]);
  }
  return { all: orders(rows), byParty: new Map([...parties].map(([party, list]) => [party, orders(list)])) };
}

/** One page of `listing` for `q` (whose election the listing is): what `listCandidates` returns. */
export function listingPage(listing: CandidateListing, q: CandidateQuery): CandidatePage {
  const ordered =
    q.partyRegistrationNumber === undefined || q.partyRegistrationNumber === ''
      ? listing.all[q.sort]
      : listing.byParty.get(q.partyRegistrationNumber)?.[q.sort];
  if (!ordered) return { items: [], nextCursor: null };
  const value = sortValue[q.sort];
  const asc = q.order === 'asc';
  const sign = asc ? 1 : -1;
  const after = q.after;
  const page: PublicCandidate[] = [];
  let more = false;
  for (let k = 0; k < ordered.length; k++) {
    const c = ordered[asc ? k : ordered.length - 1 - k];
    if (c === undefined) continue;
    if (q.sex && c.sex !== q.sex) continue;
    if (q.status && c.status !== q.status) continue;
    if (after) {
      // Past the cursor: after its value, or on it with a later id, in the direction of the order.
      const byValue = sign * compareValues(value(c), after.v as SortValue);
      if (byValue < 0 || (byValue === 0 && sign * (c.id - after.id) <= 0)) continue;
    }
    if (page.length === q.limit) {
      more = true;
      break;
    }
    page.push(c);
  }
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: more && last ? encodeCursor({ v: value(last), id: last.id }) : null,
  };
}
