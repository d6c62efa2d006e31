// On both databases: a candidate list stored through its service enters the log in the same
// transaction, a withdrawal adds the list's new state, each leaf hashes the list exactly as the public
// API's columns give it, and a name changed in the database afterwards makes the check name the list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { testCandidates, testElection, testParty } from '../../test/support/portal-fixture.ts';
import type { AppContext } from '../platform/app-context.ts';
import { loadConfig } from '../platform/config.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import { ensureBuiltInRulesProfiles, createElection } from '../elections/index.ts';
import { registerParty } from '../parties/index.ts';
import {
  candidates,
  insertCheckedCandidates,
  listAllCandidatesOfList,
  withdrawCandidate,
} from '../candidates/index.ts';
import { recordHash } from './core/leaf.ts';
import { verifyLocalLog } from './index.ts';
import type { LogTables } from './transparency-log.repository.ts';

const dir = mkdtempSync(join(tmpdir(), 'talapker-log-hooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachDatabase('log entries made by the services', (get) => {
  const memo = new Memo();
  const ctx = (): AppContext => ({
    db: get().db,
    blobs: null as never,
    config: loadConfig({ TALAPKER_DATA_DIR: dir }),
    now: () => new Date('2030-09-10T10:00:00Z'),
    events: new EventBus(),
    memo,
  });
  const ref = `candidates/${testElection.id}/${testParty.registrationNumber}`;
  const leavesOf = async () =>
    (
      await (get().db as unknown as Kysely<LogTables>)
        .selectFrom('log_entries')
        .select(['idx', 'leaf'])
        .where('ref', '=', ref)
        .orderBy('idx')
        .execute()
    ).map((r) => JSON.parse(r.leaf) as { kind: string; at: string; ref: string; sha256: string });
  const publicList = async () => ({
    election: testElection.id,
    party: testParty.registrationNumber,
    candidates: await listAllCandidatesOfList(get().db, testElection.id, testParty.registrationNumber),
  });

  it('a list stored and then changed adds one leaf each, hashing the public list', async () => {
    await ensureBuiltInRulesProfiles(ctx());
    expect((await createElection(ctx(), testElection, 'test')).ok).toBe(true);
    expect(
      (await registerParty(ctx(), { electionId: testElection.id, party: testParty, ballotNumber: 1 }, 'test')).ok,
    ).toBe(true);
    await insertCheckedCandidates(ctx(), testCandidates(30), 'test');
    const first = await leavesOf();
    expect(first).toEqual([
      { kind: 'candidates.list', at: '2030-09-10T10:00:00.000Z', ref, sha256: recordHash(await publicList()) },
    ]);
    const one = (await publicList()).candidates[3];
    const r = await withdrawCandidate(ctx(), { candidateId: one?.id ?? 0, date: '2030-09-09', actor: 'test' });
    expect(r.ok).toBe(true);
    const second = await leavesOf();
    expect(second).toHaveLength(2);
    expect(second[1]?.sha256).toBe(recordHash(await publicList()));
    expect(second[1]?.sha256).not.toBe(first[0]?.sha256);
    // The leaf holds a hash, never the list: no PIN can be in it.
    for (const l of second) expect(Object.keys(l).sort()).toEqual(['at', 'kind', 'ref', 'sha256']);
  });

  it('the check passes, then names the list whose candidate was renamed in the database', async () => {
    const caps = [candidates];
    const ok = await verifyLocalLog(ctx(), caps);
    expect(ok).toMatchObject({ ok: true });
    await sql`update candidates set name_latin = 'Someone Else' where list_position = 5`.execute(get().db);
    const bad = await verifyLocalLog(ctx(), caps);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.failure).toContain(`candidates.list ${ref} was changed`);
  });
});
