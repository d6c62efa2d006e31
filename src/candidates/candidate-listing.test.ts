// The listing held in memory against the SQL listing it stands in for on SQLite: for any filters,
// sort, order, page size and cursor, the same candidates and the same next cursor, page after page,
// over names and dates with ties and text beyond the Basic Multilingual Plane. And a withdrawal shows
// in the next page at once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { testCandidates, testElection, testParty } from '../../test/support/portal-fixture.ts';
import type { AppContext } from '../platform/app-context.ts';
import { loadConfig } from '../platform/config.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import { decodeCursor } from '../platform/keyset.ts';
import { ensureBuiltInRulesProfiles, createElection } from '../elections/index.ts';
import { registerParty } from '../parties/index.ts';
import type { Candidate } from '../domain/election.ts';
import { candidateToRow, insertCandidates, listCandidates, listElectionCandidates } from './candidate.repository.ts';
import { candidateListing, candidateSorts, listingPage, type CandidateQuery } from './core/candidate-listing.ts';
import { getCandidatePage, withdrawCandidate } from './candidate.service.ts';

const OTHER_PARTY = { ...testParty, registrationNumber: 'T-002' };
// Few distinct names and dates, so that ties (broken by id) are common; one name with a code point
// above U+FFFF and one in U+E000–U+FFFF, whose UTF-16 order differs from SQLite's byte order.
const NAMES = ['Aigul Synoova', 'Bakyt Synoov', 'aigul synoova', 'Ägul', 'Z𝒜', 'Z\uFF21', 'Synoov 10', 'Synoov 9'];
const DATES = ['1970-01-01', '1985-06-15', '2000-12-31'];
const STATUSES = ['registered', 'withdrawn', 'deregistered'] as const;

function people(party: string, n: number, seed: number): Candidate[] {
  return testCandidates(n, { party }).map((c, i) => ({
    ...c,
    nameLatin: NAMES[(i * 7 + seed) % NAMES.length]!,
    birthDate: DATES[(i * 5 + seed) % DATES.length]!,
    status: STATUSES[(i * 3 + seed) % STATUSES.length]!,
    withdrawnOn: (i * 3 + seed) % STATUSES.length === 0 ? null : '2030-09-20',
  }));
}

describe('candidate listing held in memory (SQLite)', () => {
  let t: TestDatabase & { close(): Promise<void> };
  const ctx = (): AppContext => ({
    db: t.db,
    blobs: null as never,
    config: loadConfig({}),
    now: () => new Date('2030-09-10T10:00:00Z'),
    events: new EventBus(),
    memo,
  });
  const memo = new Memo();

  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
    await ensureBuiltInRulesProfiles(ctx());
    expect((await createElection(ctx(), testElection, 'test')).ok).toBe(true);
    for (const [i, party] of [testParty, OTHER_PARTY].entries()) {
      const r = await registerParty(ctx(), { electionId: testElection.id, party, ballotNumber: i + 1 }, 'test');
      expect(r.ok).toBe(true);
    }
    const rows = [...people(testParty.registrationNumber, 40, 0), ...people(OTHER_PARTY.registrationNumber, 25, 3)];
    await insertCandidates(
      t.db,
      rows.map((c) => candidateToRow(c, 'key', '2030-09-01T00:00:00Z')),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every query with the pages of the SQL listing, cursor after cursor', async () => {
    const listing = candidateListing(await listElectionCandidates(t.db, testElection.id));
    const ids = (await listElectionCandidates(t.db, testElection.id)).map((c) => c.id);
    const query = fc.record({
      party: fc.constantFrom(undefined, '', testParty.registrationNumber, OTHER_PARTY.registrationNumber, 'T-404'),
      sex: fc.constantFrom(undefined, 'female' as const, 'male' as const),
      status: fc.constantFrom(undefined, ...STATUSES),
      sort: fc.constantFrom(...candidateSorts),
      order: fc.constantFrom('asc' as const, 'desc' as const),
      limit: fc.integer({ min: 1, max: 30 }),
      // A cursor nobody was given: any value of the sort's type and any id, existing or not.
      start: fc.option(
        fc.record({
          text: fc.oneof(fc.constantFrom(...NAMES, ...DATES), fc.string({ unit: 'grapheme', maxLength: 6 })),
          position: fc.integer({ min: -2, max: 45 }),
          id: fc.oneof(fc.constantFrom(...ids), fc.integer({ min: -1, max: 100 })),
        }),
        { nil: undefined },
      ),
    });
    await fc.assert(
      fc.asyncProperty(query, async (p) => {
        let q: CandidateQuery = {
          electionId: testElection.id,
          ...(p.party === undefined ? {} : { partyRegistrationNumber: p.party }),
          ...(p.sex ? { sex: p.sex } : {}),
          ...(p.status ? { status: p.status } : {}),
          sort: p.sort,
          order: p.order,
          limit: p.limit,
          ...(p.start ? { after: { v: p.sort === 'position' ? p.start.position : p.start.text, id: p.start.id } } : {}),
        };
        for (let guard = 0; guard < 80; guard++) {
          const fast = listingPage(listing, q);
          const plain = await listCandidates(t.db, q);
          expect(fast).toEqual(plain);
          if (!plain.nextCursor) return;
          q = { ...q, after: decodeCursor(plain.nextCursor)! };
        }
        throw new Error('the pages did not end');
      }),
      { numRuns: 300 },
    );
  });

  it('shows a withdrawal on the next page it serves', async () => {
    const registered = (status: 'registered' | 'withdrawn') =>
      getCandidatePage(ctx(), { electionId: testElection.id, status, sort: 'position', order: 'asc', limit: 500 });
    const before = await registered('registered');
    const someone = before.items[0]!;
    const r = await withdrawCandidate(ctx(), { candidateId: someone.id, date: '2030-09-20', actor: 'cec:test' });
    expect(r.ok).toBe(true);
    expect((await registered('registered')).items.map((c) => c.id)).not.toContain(someone.id);
    expect((await registered('withdrawn')).items.map((c) => c.id)).toContain(someone.id);
  });
});
