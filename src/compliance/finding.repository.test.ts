// Findings on both databases: saved by stable id, updated when found again, resolved (never deleted) when
// their cause disappears, the review steps and the derived status, requests for explanation, and what
// the commission publishes.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { tyiyn } from '../domain/money.ts';
import type { AnalysedFinding } from './core/finding.ts';
import { countFindings, getFinding, listFindings, saveFindings, startRun } from './finding.repository.ts';
import {
  currentPublication,
  decidePublication,
  openRequests,
  recordReview,
  reviewEvents,
} from './finding-review.repository.ts';

const finding = (id: string, over: Partial<AnalysedFinding> = {}): AnalysedFinding => ({
  id,
  rule: 'cap.individual',
  severity: 'error',
  election: 'kg-2020',
  party: 'P1',
  lineIds: ['R-F2'],
  donor: { type: 'individual', name: 'Асанов Бакыт' },
  amount: tyiyn(6_000_000),
  excess: tyiyn(1_000_000),
  remedy: { kind: 'return_excess', amount: tyiyn(1_000_000), deadline: '2020-10-10' },
  remedied: false,
  evidence: { total: 21_000_000 },
  ...over,
});

describeEachDatabase('findings', (get) => {
  const at = '2020-09-30T10:00:00.000Z';
  const run = async (findings: AnalysedFinding[], parties = ['P1']) => {
    const db = get().db;
    const runId = await startRun(db, { electionId: 'kg-2020', party: null, trigger: 'manual', actor: 'analyst', at });
    return {
      runId,
      outcome: await saveFindings(db, {
        runId,
        electionId: 'kg-2020',
        parties,
        findings,
        snapshotIds: ['3', '4'],
        actor: 'analyst',
        at,
      }),
    };
  };

  it('saves new findings, updates them when found again, and resolves those no longer found', async () => {
    const first = await run([
      finding('f-cap'),
      finding('f-cash', { rule: 'channel.cash_not_allowed', severity: 'warning' }),
    ]);
    expect(first.outcome).toEqual({ created: 2, updated: 0, resolved: 0 });
    const stored = await getFinding(get().db, 'f-cap');
    expect(stored).toMatchObject({
      status: 'open',
      excess: 1_000_000,
      lineIds: ['R-F2'],
      snapshotIds: ['3', '4'],
      firstSeenRun: first.runId,
    });
    expect(stored?.remedy).toEqual({ kind: 'return_excess', amount: 1_000_000, deadline: '2020-10-10' });

    const second = await run([finding('f-cap', { lineIds: ['R-F2', 'R-F3'] })]);
    expect(second.outcome).toEqual({ created: 0, updated: 1, resolved: 1 });
    expect((await getFinding(get().db, 'f-cap'))?.lineIds).toEqual(['R-F2', 'R-F3']);
    expect((await getFinding(get().db, 'f-cap'))?.firstSeenRun).toBe(first.runId);
    expect((await getFinding(get().db, 'f-cash'))?.status).toBe('resolved');
    // Another party's run leaves P1's findings alone.
    const other = await run([finding('f-p2', { party: 'P2' })], ['P2']);
    expect(other.outcome).toEqual({ created: 1, updated: 0, resolved: 0 });
    expect((await listFindings(get().db, { electionId: 'kg-2020', party: 'P1' })).map((f) => [f.id, f.status])).toEqual(
      [
        ['f-cap', 'open'],
        ['f-cash', 'resolved'],
      ],
    );
    expect(await listFindings(get().db, { electionId: 'kg-2020', status: 'resolved' })).toHaveLength(1);
    const events = await reviewEvents(get().db, 'f-cash');
    expect(events.map((e) => JSON.parse(e.detail_json ?? '{}').to)).toEqual(['open', 'resolved']);
  });

  it('follows the review: confirm, remedy found by a run, dismissal needs a reason and stands', async () => {
    const db = get().db;
    const now = new Date(at);
    expect((await recordReview(db, { findingId: 'f-cap', action: 'confirm', actor: 'analyst', at: now })).ok).toBe(
      true,
    );
    expect((await getFinding(db, 'f-cap'))?.status).toBe('confirmed');
    await run([finding('f-cap', { remedied: true })]);
    expect((await getFinding(db, 'f-cap'))?.status).toBe('remedied');
    await run([finding('f-cap')]);
    expect((await getFinding(db, 'f-cap'))?.status).toBe('confirmed');

    const noReason = await recordReview(db, { findingId: 'f-p2', action: 'dismiss', actor: 'analyst', at: now });
    expect(!noReason.ok && noReason.error[0]?.code).toBe('review.reason_required');
    const dismissed = await recordReview(db, {
      findingId: 'f-p2',
      action: 'dismiss',
      reason: 'a known donor, registry lag',
      actor: 'analyst',
      at: now,
    });
    expect(dismissed.ok && dismissed.value.status).toBe('dismissed');
    await run([finding('f-p2', { party: 'P2', remedied: true })], ['P2']);
    expect((await getFinding(db, 'f-p2'))?.status).toBe('dismissed');
    await recordReview(db, { findingId: 'f-p2', action: 'reopen', actor: 'analyst', at: now });
    expect((await getFinding(db, 'f-p2'))?.status).toBe('open');
    const unknown = await recordReview(db, { findingId: 'nope', action: 'confirm', actor: 'a', at: now });
    expect(!unknown.ok && unknown.error[0]?.code).toBe('finding.unknown');
    const log = await db.selectFrom('activity_log').select('action').where('entity_id', '=', 'f-p2').execute();
    expect(log.map((l) => l.action)).toEqual(['finding.dismiss', 'finding.reopen']);
  });

  it('keeps a request for explanation open until the party answers', async () => {
    const db = get().db;
    const now = new Date(at);
    const bad = await recordReview(db, {
      findingId: 'f-cap',
      action: 'request_explanation',
      actor: 'analyst',
      at: now,
    });
    expect(bad.ok).toBe(false);
    await recordReview(db, {
      findingId: 'f-cap',
      action: 'request_explanation',
      reason: 'Who is the donor?',
      deadline: '2020-10-03',
      actor: 'analyst',
      at: now,
    });
    expect(await openRequests(db, 'kg-2020', 'P1')).toEqual([
      { findingId: 'f-cap', deadline: '2020-10-03', reason: 'Who is the donor?', at },
    ]);
    await recordReview(db, {
      findingId: 'f-cap',
      action: 'answer',
      reason: 'Refunded on 1 October',
      actor: 'treasurer',
      at: now,
    });
    expect(await openRequests(db, 'kg-2020', 'P1')).toEqual([]);
    const counts = await countFindings(db, 'kg-2020');
    expect(counts.find((c) => c.rule === 'channel.cash_not_allowed')).toEqual({
      rule: 'channel.cash_not_allowed',
      severity: 'warning',
      status: 'resolved',
      count: 1,
    });
  });

  it('records what the commission publishes, latest decision first', async () => {
    const db = get().db;
    await db.insertInto('rules_profiles').values({ id: 'p', version: 1, body: '{}', created_at: at }).execute();
    await db
      .insertInto('elections')
      .values({
        id: 'kg-2020',
        kind: 'parliament',
        name_ky: 'x',
        name_ru: 'x',
        name_en: 'x',
        election_day: '2020-10-04',
        called_on: '2020-07-03',
        campaign_start: '2020-09-04',
        campaign_end: '2020-10-03',
        seats: 120,
        threshold_bp: 700,
        status: 'closed',
        rules_profile_id: 'p',
        synthetic: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    expect(await currentPublication(db, 'kg-2020')).toEqual({
      publishFindings: false,
      publishStatistics: false,
      rules: null,
    });
    await decidePublication(db, {
      electionId: 'kg-2020',
      publishFindings: true,
      publishStatistics: true,
      actor: 'chair',
      at: new Date(at),
    });
    await decidePublication(db, {
      electionId: 'kg-2020',
      publishFindings: true,
      publishStatistics: false,
      rules: ['cap.individual'],
      actor: 'chair',
      at: new Date(at),
    });
    expect(await currentPublication(db, 'kg-2020')).toEqual({
      publishFindings: true,
      publishStatistics: false,
      rules: ['cap.individual'],
    });
  });
});
