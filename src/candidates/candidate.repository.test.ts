import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { testCandidates, testElection, testParty } from '../../test/support/portal-fixture.ts';
import type { AppContext } from '../platform/app-context.ts';
import { loadConfig } from '../platform/config.ts';
import { ensureBuiltInRulesProfiles, createElection } from '../elections/index.ts';
import { registerParty } from '../parties/index.ts';
import { insertCheckedCandidates, withdrawCandidate } from './candidate.service.ts';
import { listCandidates, findCandidateByPosition, type CandidateSort } from './candidate.repository.ts';
import { decodeCursor } from '../platform/keyset.ts';
import { activityFor } from '../platform/activity-log.ts';
import { listBallot } from '../parties/index.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';

describeEachDatabase('candidate lists', (get) => {
  const ctx = (): AppContext => ({
    db: get().db,
    blobs: null as never,
    config: loadConfig({}),
    now: () => new Date('2030-09-10T10:00:00Z'),
    events: new EventBus(),
    memo: new Memo(),
  });

  it('stores an election, a party and a 200-candidate list', async () => {
    await ensureBuiltInRulesProfiles(ctx());
    expect((await createElection(ctx(), testElection, 'test')).ok).toBe(true);
    expect(
      (await registerParty(ctx(), { electionId: testElection.id, party: testParty, ballotNumber: 1 }, 'test')).ok,
    ).toBe(true);
    await insertCheckedCandidates(ctx(), testCandidates(200), 'test');
    const ballot = await listBallot(get().db, testElection.id);
    expect(ballot).toHaveLength(1);
    expect(ballot[0]!.candidateCount).toBe(200);
    expect(ballot[0]!.womenCount).toBe(67);
  });

  for (const sort of ['position', 'name', 'birthDate'] as CandidateSort[]) {
    for (const order of ['asc', 'desc'] as const) {
      it(`walks the list by keyset pages without gaps or repeats (${sort} ${order})`, async () => {
        const seen: number[] = [];
        let after = undefined as ReturnType<typeof decodeCursor>;
        for (let guard = 0; guard < 100; guard++) {
          const page = await listCandidates(get().db, { electionId: testElection.id, sort, order, limit: 9, after });
          seen.push(...page.items.map((c) => c.id));
          if (!page.nextCursor) break;
          after = decodeCursor(page.nextCursor);
        }
        expect(seen).toHaveLength(200);
        expect(new Set(seen).size).toBe(200);
      });
    }
  }

  it('never returns the PIN from public queries', async () => {
    const page = await listCandidates(get().db, {
      electionId: testElection.id,
      sort: 'position',
      order: 'asc',
      limit: 500,
    });
    expect(JSON.stringify(page)).not.toMatch(/"pin"/);
    for (const c of testCandidates(200)) expect(JSON.stringify(page)).not.toContain(c.pin);
  });

  it('withdraws a candidate, logs before → after and re-checks the list rules', async () => {
    const c = await findCandidateByPosition(get().db, testElection.id, testParty.registrationNumber, 3);
    const r = await withdrawCandidate(ctx(), { candidateId: c!.id, date: '2030-09-20', actor: 'cec:test' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.candidate.status).toBe('withdrawn');
    expect(r.value.rules.length).toBeGreaterThan(0);
    const log = await activityFor(get().db, 'candidate', String(c!.id));
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.before_json!)).toMatchObject({ status: 'registered' });
    expect(JSON.parse(log[0]!.after_json!)).toMatchObject({ status: 'withdrawn', withdrawnOn: '2030-09-20' });
    expect(log[0]!.actor).toBe('cec:test');
    const again = await withdrawCandidate(ctx(), { candidateId: c!.id, date: '2030-09-21', actor: 'cec:test' });
    expect(again.ok).toBe(false);
  });
});
