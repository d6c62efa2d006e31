import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { activityFor } from '../platform/activity-log.ts';
import type { AppContext } from '../platform/app-context.ts';
import { decidePublication, loadPublishedFindings } from './publication.service.ts';
import { loadFinding, loadFindingsScreen, loadOpenRequests, reviewFinding } from './review.service.ts';
import {
  insertFindings,
  REVIEW_ELECTION,
  REVIEW_PARTY_A,
  REVIEW_PARTY_B,
  reviewTestContext,
  sampleFinding,
  SECRET_DONOR_PIN,
  setupReviewElection,
} from './test-support.ts';

const A = REVIEW_PARTY_A.registrationNumber;
const B = REVIEW_PARTY_B.registrationNumber;
const E = REVIEW_ELECTION.id;

const codes = (r: { ok: boolean; error?: Array<{ code: string }> }) => (r.ok ? [] : (r.error ?? []).map((p) => p.code));

describeEachDatabase('review of findings', (get) => {
  let ctx: AppContext;
  const confirmed = sampleFinding();
  const dismissed = sampleFinding({ rule: 'donor.name_mismatch', severity: 'warning' });
  const asked = sampleFinding({ party: B, rule: 'cap.individual', excess: 1_000_000 as never });
  const remedied = sampleFinding({ status: 'remedied' });
  const untouched = sampleFinding({ rule: 'prohibited.religious' });

  beforeAll(async () => {
    ctx = reviewTestContext(get().db);
    await setupReviewElection(ctx);
    await insertFindings(ctx.db, [confirmed, dismissed, asked, remedied, untouched]);
  });

  it('confirms: the status, an appended event and an activity record', async () => {
    const r = await reviewFinding(ctx, confirmed.id, { action: 'confirm', text: '' }, 'user:analyst');
    expect(r).toEqual({ ok: true, value: { status: 'confirmed' } });
    const found = await loadFinding(ctx, confirmed.id);
    expect(found?.finding.status).toBe('confirmed');
    expect(found?.history.map((e) => [e.action, e.actor])).toEqual([['confirm', 'user:analyst']]);
    const log = await activityFor(ctx.db, 'finding', confirmed.id);
    expect(log.map((a) => [a.action, JSON.parse(a.before_json ?? '{}'), JSON.parse(a.after_json ?? '{}')])).toEqual([
      ['finding.confirm', { status: 'open' }, { status: 'confirmed' }],
    ]);
  });

  it('refuses a dismissal without a reason and writes nothing; with one, dismisses', async () => {
    const refused = await reviewFinding(ctx, dismissed.id, { action: 'dismiss', text: ' ' }, 'user:analyst');
    expect(codes(refused)).toEqual(['review.reason_required']);
    expect((await loadFinding(ctx, dismissed.id))?.history).toEqual([]);
    expect(await activityFor(ctx.db, 'finding', dismissed.id)).toEqual([]);
    const r = await reviewFinding(
      ctx,
      dismissed.id,
      { action: 'dismiss', text: 'Transliteration of the same name' },
      'user:analyst',
    );
    expect(r.ok).toBe(true);
    const found = await loadFinding(ctx, dismissed.id);
    expect(found?.finding.status).toBe('dismissed');
    expect(found?.history[0]?.reason).toBe('Transliteration of the same name');
    // Dismissed once, not twice.
    expect(codes(await reviewFinding(ctx, dismissed.id, { action: 'dismiss', text: 'again' }, 'x'))).toEqual([
      'review.not_allowed',
    ]);
  });

  it('asks the party, which sees the request and answers it once', async () => {
    const bad = await reviewFinding(
      ctx,
      asked.id,
      { action: 'request_explanation', text: 'Why?', deadline: '2030-09-01' },
      'user:analyst',
    );
    expect(codes(bad)).toEqual(['review.deadline_past']);
    const r = await reviewFinding(
      ctx,
      asked.id,
      { action: 'request_explanation', text: 'Where does the excess go?', deadline: '2030-09-30' },
      'user:analyst',
    );
    expect(r).toEqual({ ok: true, value: { status: 'open' } });
    const open = await loadOpenRequests(ctx, B);
    expect(open.map((o) => [o.finding.id, o.waiting?.reason, o.waiting?.deadline])).toEqual([
      [asked.id, 'Where does the excess go?', '2030-09-30'],
    ]);
    expect(await loadOpenRequests(ctx, A)).toEqual([]);
    const answered = await reviewFinding(
      ctx,
      asked.id,
      { action: 'answer', text: 'Returned on 2030-09-22.' },
      'user:treasurer',
    );
    expect(answered.ok).toBe(true);
    expect(await loadOpenRequests(ctx, B)).toEqual([]);
    expect(codes(await reviewFinding(ctx, asked.id, { action: 'answer', text: 'again' }, 'user:treasurer'))).toEqual([
      'review.no_request',
    ]);
    const log = await activityFor(ctx.db, 'finding', asked.id);
    expect(log.map((a) => a.action)).toEqual(['finding.request_explanation', 'finding.answer']);
  });

  it('says "not found" for a finding that does not exist', async () => {
    expect(codes(await reviewFinding(ctx, 'f-none', { action: 'confirm', text: '' }, 'x'))).toEqual([
      'review.not_found',
    ]);
  });

  it('lists by filter with counts per rule, and marks findings awaiting an answer', async () => {
    const all = await loadFindingsScreen(ctx, { electionId: E });
    expect(all.total).toBe(5);
    const b = await loadFindingsScreen(ctx, { electionId: E, party: B });
    expect(b.findings.map((f) => f.id)).toEqual([asked.id]);
    const errors = await loadFindingsScreen(ctx, { electionId: E, severity: 'warning' });
    expect(errors.findings.map((f) => f.rule)).toEqual(['donor.name_mismatch']);
    const foreign = all.counts.filter((c) => c.rule === 'prohibited.foreign_citizen');
    expect(foreign.map((c) => [c.status, c.n])).toEqual([
      ['confirmed', 1],
      ['remedied', 1],
    ]);
    expect(all.scopes).toEqual([
      { electionId: E, party: A },
      { electionId: E, party: B },
    ]);
  });

  describe('publication', () => {
    it('shows nothing before the commission decides', async () => {
      expect(await loadPublishedFindings(ctx, E)).toBeUndefined();
      expect(await loadPublishedFindings(ctx, E, A)).toBeUndefined();
    });

    it('then only what the commission confirmed, without the PIN, with the statistics per rule', async () => {
      const d = await decidePublication(ctx, E, { publishFindings: true, publishStatistics: true }, 'user:admin');
      expect(d.ok).toBe(true);
      const pub = await loadPublishedFindings(ctx, E);
      // The remedied finding was never confirmed: it stays unpublished until it is.
      expect(pub?.findings.map((f) => f.id)).toEqual([confirmed.id]);
      expect(JSON.stringify(pub)).not.toContain(SECRET_DONOR_PIN);
      expect(pub?.statistics).toEqual([
        { rule: 'prohibited.foreign_citizen', findings: 1, remedied: 0, amount: 5_000_000, remedyAmount: 5_000_000 },
      ]);
      expect((await reviewFinding(ctx, remedied.id, { action: 'confirm', text: '' }, 'user:analyst')).ok).toBe(true);
      const after = await loadPublishedFindings(ctx, E, A);
      expect(after?.findings.map((f) => [f.id, f.status]).sort()).toEqual(
        [
          [confirmed.id, 'confirmed'],
          [remedied.id, 'remedied'],
        ].sort(),
      );
      expect(await loadPublishedFindings(ctx, E, B)).toMatchObject({ findings: [] });
      const log = await activityFor(ctx.db, 'election', E);
      expect(log.filter((a) => a.action === 'findings.publication')).toHaveLength(1);
    });

    it('withdraws with a new decision, and refuses an unknown election', async () => {
      await decidePublication(ctx, E, { publishFindings: false, publishStatistics: false }, 'user:admin');
      expect(await loadPublishedFindings(ctx, E)).toBeUndefined();
      expect(
        codes(await decidePublication(ctx, 'no-such', { publishFindings: true, publishStatistics: true }, 'x')),
      ).toEqual(['publication.no_election']);
    });
  });
});
