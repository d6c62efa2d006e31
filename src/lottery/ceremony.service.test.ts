// The ceremony on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): steps out
// of order are refused with reasons, the draw assigns ballot numbers and logs each change, a redo
// needs a reason and leaves the earlier draw visible; and the CLI's draw and proof commands.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { testCandidates, testElection } from '../../test/support/portal-fixture.ts';
import { insertCheckedCandidates } from '../candidates/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import { loadConfig } from '../platform/config.ts';
import { openApp } from '../platform/bootstrap.ts';
import { activityFor } from '../platform/activity-log.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../elections/index.ts';
import { registerParty, setParticipationStatus } from '../parties/index.ts';
import { findParticipation } from '../parties/index.ts';
import type { Party } from '../domain/election.ts';
import { computeDraw, verifyDrawRecord } from './core/draw.ts';
import { addSeedPart, freezeParticipants, performDraw, redoDraw, strikeSeedPart } from './ceremony.service.ts';
import { ballotProofOf } from './ballot-proof.service.ts';
import { findCurrentDraw, listDraws } from './lottery.repository.ts';
import { lotteryCommand } from './lottery.cli.ts';

const party = (reg: string, ky: string, ru: string): Party => ({
  registrationNumber: reg,
  name: { ky, ru, en: ru },
  shortName: { ky, ru, en: ru },
  leader: '',
  foundedOn: null,
  address: '',
  phone: '',
  website: '',
  logoBlobKey: null,
});

const lotteryParties: Party[] = [
  party('L-101', 'Жаңы Күч', 'Новая сила'),
  party('L-102', 'Өнүгүү жолу', 'Путь развития'),
  party('L-103', 'Түндүк Шамал', 'Северный ветер'),
  party('L-104', 'Көк Асман', 'Голубое небо'),
  party('L-105', 'Ынтымак', 'Согласие'),
];
const withdrawn = party('L-199', 'Кеткен партия', 'Выбывшая партия');

/** A clock that moves one second on every reading, as a ceremony does between steps. */
function tickingClock(start = '2030-09-01T04:00:00Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

async function seedElection(ctx: AppContext, electionId: string): Promise<void> {
  await ensureBuiltInRulesProfiles(ctx);
  expect((await createElection(ctx, { ...testElection, id: electionId }, 'test')).ok).toBe(true);
  for (const p of [...lotteryParties, withdrawn]) {
    expect((await registerParty(ctx, { electionId, party: p, ballotNumber: null }, 'test')).ok).toBe(true);
  }
  await setParticipationStatus(
    ctx,
    {
      electionId,
      partyRegistrationNumber: withdrawn.registrationNumber,
      status: 'withdrawn',
      date: '2030-08-30',
      reason: 'test',
    },
    'test',
  );
}

/** The test parties have no candidate lists, so every freeze here needs a reason. */
const LISTS_REASON = 'Test parties without candidate lists.';

const codes = (r: { ok: boolean; error?: { code: string }[] }): string[] =>
  r.ok ? [] : (r.error ?? []).map((p) => p.code);

/** An app context on the test database, with the ceremony's ticking clock. */
const contextOn = (db: AppContext['db'], clock: () => Date): AppContext => ({
  db,
  blobs: null as never,
  config: loadConfig({}),
  now: clock,
  events: new EventBus(),
  memo: new Memo(),
});

describeEachDatabase('lottery ceremony', (get) => {
  const clock = tickingClock();
  const ctx = (): AppContext => contextOn(get().db, clock);
  const E = 'lottery-2030';

  beforeAll(async () => {
    await seedElection(ctx(), E);
  });

  it('refuses every step that comes before its turn', async () => {
    expect(codes(await addSeedPart(ctx(), 999, 'A', '1234', 'cec'))).toEqual(['lottery.draw_not_found']);
    expect(codes(await performDraw(ctx(), 999, 'cec'))).toEqual(['lottery.draw_not_found']);
    expect(codes(await redoDraw(ctx(), E, 'reason', 'cec'))).toEqual(['lottery.nothing_to_redo']);
    expect(codes(await freezeParticipants(ctx(), 'no-such-election', 'cec'))).toEqual(['lottery.election_not_found']);

    // L-101 has a list of 10, too short for the list rules; the others have no list at all.
    await insertCheckedCandidates(ctx(), testCandidates(10, { electionId: E, party: 'L-101' }), 'test');
    const unexplained = await freezeParticipants(ctx(), E, 'cec:chair', { reason: '   ' });
    expect(codes(unexplained)).toEqual(['lottery.freeze_reason_required']);
    const message = !unexplained.ok ? unexplained.error[0]!.message : '';
    for (const p of lotteryParties) expect(message).toContain(`(${p.registrationNumber})`);
    expect(message).not.toContain(withdrawn.registrationNumber);
    expect(await findCurrentDraw(get().db, E)).toBeUndefined();

    const frozen = await freezeParticipants(ctx(), E, 'cec:chair', { reason: LISTS_REASON });
    expect(frozen.ok).toBe(true);
    if (!frozen.ok) return;
    expect(codes(await freezeParticipants(ctx(), E, 'cec:chair', { reason: LISTS_REASON }))).toEqual([
      'lottery.already_frozen',
    ]);
    expect(codes(await performDraw(ctx(), frozen.value.id, 'cec:chair'))).toEqual(['lottery.no_seed']);
  });

  it('freezes the registered parties only, with their commitment and time, and logs it', async () => {
    const d = (await findCurrentDraw(get().db, E))!;
    expect(d.state).toBe('frozen');
    expect(d.attempt).toBe(1);
    expect(d.participants.map((p) => p.id)).toEqual(lotteryParties.map((p) => p.registrationNumber));
    expect(d.participants[0]!.name).toBe('Жаңы Күч / Новая сила');
    expect(d.commitment).toMatch(/^[0-9a-f]{64}$/);
    const log = await activityFor(get().db, 'lottery_draw', String(d.id));
    expect(log.map((x) => x.action)).toEqual(['lottery.freeze']);
    expect(JSON.parse(log[0]!.after_json!)).toMatchObject({
      state: 'frozen',
      commitment: d.commitment,
      freezeReason: LISTS_REASON,
      listWarnings: [
        { id: 'L-101', issue: 'rules', failedRules: expect.arrayContaining(['list-size']) },
        ...lotteryParties.slice(1).map((p) => ({ id: p.registrationNumber, issue: 'no-list', failedRules: [] })),
      ],
    });
  });

  it('refuses rolls that are not digits, and a draw with fewer than 20 digits', async () => {
    const d = (await findCurrentDraw(get().db, E))!;
    expect(codes(await addSeedPart(ctx(), d.id, 'Observer A', '12a4', 'cec'))).toEqual(['lottery.digits_only']);
    expect(codes(await addSeedPart(ctx(), d.id, '  ', '1234', 'cec'))).toEqual(['lottery.observer_required']);
    expect(codes(await addSeedPart(ctx(), d.id, 'Observer A', '', 'cec'))).toEqual(['lottery.digits_required']);

    const a = await addSeedPart(ctx(), d.id, 'Observer A', '8063 1472', 'cec');
    expect(a.ok && a.value.state).toBe('seeded');
    expect(a.ok && a.value.seedParts[0]!.digits).toBe('80631472'); // spaces between groups are not digits
    const short = await performDraw(ctx(), d.id, 'cec');
    expect(codes(short)).toEqual(['draw.seed_too_short']);
    expect(!short.ok && short.error[0]!.message).toContain('8 digits; at least 20');
  });

  it('records rolls entered at the same moment one after the other, in the order they land', async () => {
    const d = (await findCurrentDraw(get().db, E))!;
    const [b, c] = await Promise.all([
      addSeedPart(ctx(), d.id, 'Observer B', '29575103', 'cec'),
      addSeedPart(ctx(), d.id, 'Observer C', '44189267', 'cec'),
    ]);
    expect(b.ok && c.ok).toBe(true);
    const now = (await findCurrentDraw(get().db, E))!;
    expect(now.seedParts.map((s) => s.observer).slice(0, 1)).toEqual(['Observer A']);
    expect(now.seedParts.map((s) => s.observer).sort()).toEqual(['Observer A', 'Observer B', 'Observer C']);
    expect(now.seedParts.map((s) => s.digits).join('')).toHaveLength(24);
    const log = await activityFor(get().db, 'lottery_draw', String(d.id));
    expect(log.filter((x) => x.action === 'lottery.seed_part')).toHaveLength(3);
  });

  it('draws: every ticket and the order, ballot numbers assigned in one go and each logged', async () => {
    const d = (await findCurrentDraw(get().db, E))!;
    const r = await performDraw(ctx(), d.id, 'cec:chair');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const record = r.value.record!;
    expect(r.value.state).toBe('drawn');
    expect(verifyDrawRecord(record).ok).toBe(true);
    expect(record.seed).toBe(r.value.seedParts.map((s) => s.digits).join(''));
    expect(record.tickets).toHaveLength(5);
    // 'Against all' keeps its place from the rules profile: after the parties.
    expect(record.fixedLines).toEqual([{ label: 'Баарына каршы / Против всех', ballotNumber: 6 }]);
    for (const b of record.ballotNumbers) {
      expect((await findParticipation(get().db, E, b.id))!.ballotNumber).toBe(b.ballotNumber);
      const log = await activityFor(get().db, 'participation', `${E}/${b.id}`);
      const last = log.at(-1)!;
      expect(last.action).toBe('participation.ballot_number');
      expect(JSON.parse(last.before_json!).ballotNumber).toBeNull();
      expect(JSON.parse(last.after_json!).ballotNumber).toBe(b.ballotNumber);
    }
    expect((await findParticipation(get().db, E, withdrawn.registrationNumber))!.ballotNumber).toBeNull();
    const log = await activityFor(get().db, 'lottery_draw', String(d.id));
    expect(log.at(-1)!.action).toBe('lottery.draw');
    expect(JSON.parse(log.at(-1)!.after_json!)).toMatchObject({ state: 'drawn', order: record.order });
  });

  it('treats the draw as final: no more rolls, no second draw, no second freeze', async () => {
    const d = (await findCurrentDraw(get().db, E))!;
    expect(codes(await addSeedPart(ctx(), d.id, 'Observer D', '1234', 'cec'))).toEqual(['lottery.already_drawn']);
    expect(codes(await performDraw(ctx(), d.id, 'cec'))).toEqual(['lottery.already_drawn']);
    expect(codes(await freezeParticipants(ctx(), E, 'cec'))).toEqual(['lottery.already_frozen']);
  });

  it('redoes only with a reason, and keeps the earlier draw visible as superseded', async () => {
    const first = (await findCurrentDraw(get().db, E))!;
    expect(codes(await redoDraw(ctx(), E, '   ', 'cec'))).toEqual(['lottery.reason_required']);
    expect((await findCurrentDraw(get().db, E))!.id).toBe(first.id);

    const r = await redoDraw(ctx(), E, 'Party L-105 was left off the printed list shown in the hall', 'cec:chair');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      state: 'frozen',
      attempt: 2,
      supersedesDrawId: first.id,
      redoReason: 'Party L-105 was left off the printed list shown in the hall',
    });
    const draws = await listDraws(get().db, E);
    expect(draws.map((d) => [d.attempt, d.state])).toEqual([
      [2, 'frozen'],
      [1, 'superseded'],
    ]);
    const old = draws[1]!;
    expect(old.record).toEqual(first.record); // the earlier draw is published as it was
    expect(old.supersededBy).toBe('cec:chair');
    // Its ballot numbers are withdrawn until the new draw, each change logged.
    for (const b of first.record!.ballotNumbers) {
      expect((await findParticipation(get().db, E, b.id))!.ballotNumber).toBeNull();
      const last = (await activityFor(get().db, 'participation', `${E}/${b.id}`)).at(-1)!;
      expect(JSON.parse(last.after_json!).ballotNumber).toBeNull();
    }
    const oldLog = await activityFor(get().db, 'lottery_draw', String(first.id));
    expect(oldLog.at(-1)!.action).toBe('lottery.supersede');
    expect(JSON.parse(oldLog.at(-1)!.before_json!)).toEqual({ state: 'drawn' });
    expect(JSON.parse(oldLog.at(-1)!.after_json!)).toMatchObject({
      state: 'superseded',
      reason: expect.stringContaining('L-105'),
    });

    // The old draw takes no more steps.
    expect(codes(await addSeedPart(ctx(), first.id, 'Observer', '1234', 'cec'))).toEqual(['lottery.superseded']);

    // The new draw runs through to the end and numbers the ballot again.
    const second = r.value;
    expect((await addSeedPart(ctx(), second.id, 'Observer A', '111122223333', 'cec')).ok).toBe(true);
    expect((await addSeedPart(ctx(), second.id, 'Observer B', '444455556666', 'cec')).ok).toBe(true);
    const drawn = await performDraw(ctx(), second.id, 'cec:chair');
    expect(drawn.ok).toBe(true);
    if (!drawn.ok) return;
    for (const b of drawn.value.record!.ballotNumbers) {
      expect((await findParticipation(get().db, E, b.id))!.ballotNumber).toBe(b.ballotNumber);
    }
    expect((await listDraws(get().db, E)).map((d) => d.state)).toEqual(['drawn', 'superseded']);
  });

  it('records an illustration without touching the ballot numbers', async () => {
    const I = 'lottery-illustration';
    await createElection(ctx(), { ...testElection, id: I }, 'test');
    for (const [i, p] of lotteryParties.entries())
      await registerParty(ctx(), { electionId: I, party: p, ballotNumber: 10 + i }, 'test');
    const d = await freezeParticipants(ctx(), I, 'demo', { reason: LISTS_REASON });
    if (!d.ok) throw new Error('freeze failed');
    await addSeedPart(ctx(), d.value.id, 'Synthetic observer', '12345678901234567890', 'demo');
    const note = { ky: 'иллюстрация', ru: 'иллюстрация', en: 'illustration' };
    const r = await performDraw(ctx(), d.value.id, 'demo', { illustration: note });
    expect(r.ok && r.value.illustration).toEqual(note);
    for (const [i, p] of lotteryParties.entries())
      expect((await findParticipation(get().db, I, p.registrationNumber))!.ballotNumber).toBe(10 + i);
  });

  it('renders the ballot proof only for a drawn draw', async () => {
    const current = (await findCurrentDraw(get().db, E))!;
    const proof = await ballotProofOf(ctx(), current.id, 'A4');
    expect(proof.ok && proof.value.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const superseded = (await listDraws(get().db, E)).find((d) => d.state === 'superseded')!;
    expect((await ballotProofOf(ctx(), superseded.id, 'A3')).ok).toBe(true); // an earlier draw stays printable
    await redoDraw(ctx(), E, 'proof test', 'cec');
    const frozen = (await findCurrentDraw(get().db, E))!;
    expect(codes(await ballotProofOf(ctx(), frozen.id, 'A4'))).toEqual(['lottery.not_drawn']);
  });
});

describeEachDatabase('striking a roll before the draw', (get) => {
  const clock = tickingClock('2030-09-05T04:00:00Z');
  const ctx = (): AppContext => contextOn(get().db, clock);
  const S = 'strike-2030';
  let drawId = 0;

  beforeAll(async () => {
    await seedElection(ctx(), S);
    const frozen = await freezeParticipants(ctx(), S, 'cec:chair', { reason: LISTS_REASON });
    if (!frozen.ok) throw new Error('freeze failed');
    drawId = frozen.value.id;
    for (const [observer, digits] of [
      ['Observer A', '11112222333'],
      ['Observer B', '1234'], // mistyped: the dice showed 12345678901
      ['Observer B', '12345678901'],
    ] as const) {
      expect((await addSeedPart(ctx(), drawId, observer, digits, 'cec')).ok).toBe(true);
    }
  });

  it('refuses a strike without a reason, naming the field, and a roll that is not there or already struck', async () => {
    const blank = await strikeSeedPart(ctx(), drawId, 1, '   ', 'cec:chair');
    expect(codes(blank)).toEqual(['lottery.strike_reason_required']);
    expect(!blank.ok && blank.error[0]!.field).toBe('reason');
    const long = await strikeSeedPart(ctx(), drawId, 1, 'x'.repeat(501), 'cec:chair');
    expect(!long.ok && long.error[0]).toMatchObject({ code: 'lottery.strike_reason_too_long', field: 'reason' });
    expect(codes(await strikeSeedPart(ctx(), drawId, 3, 'typo', 'cec'))).toEqual(['lottery.roll_not_found']);
    expect(codes(await strikeSeedPart(ctx(), drawId, -1, 'typo', 'cec'))).toEqual(['lottery.roll_not_found']);
    expect(codes(await strikeSeedPart(ctx(), 999, 1, 'typo', 'cec'))).toEqual(['lottery.draw_not_found']);
    const d = (await findCurrentDraw(get().db, S))!;
    expect(d.seedParts.every((p) => p.struck === undefined)).toBe(true);
  });

  it('strikes a roll: kept in the record, marked when, by whom and why, no longer counted, logged before → after', async () => {
    const before = (await findCurrentDraw(get().db, S))!;
    const r = await strikeSeedPart(ctx(), drawId, 1, '  Four digits entered instead of eleven  ', 'cec:chair');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.revision).toBe(before.revision + 1);
    expect(r.value.seedParts).toHaveLength(3);
    expect(r.value.seedParts[1]).toMatchObject({
      observer: 'Observer B',
      digits: '1234',
      struck: { by: 'cec:chair', reason: 'Four digits entered instead of eleven', at: expect.any(String) },
    });
    expect(r.value.seedParts[0]!.struck).toBeUndefined();
    const log = await activityFor(get().db, 'lottery_draw', String(drawId));
    const last = log.at(-1)!;
    expect(last.action).toBe('lottery.strike_roll');
    expect(last.actor).toBe('cec:chair');
    expect(JSON.parse(last.before_json!)).toEqual({ state: 'seeded', seedParts: before.seedParts });
    expect(JSON.parse(last.after_json!)).toEqual({ state: 'seeded', seedParts: r.value.seedParts });
    expect(codes(await strikeSeedPart(ctx(), drawId, 1, 'again', 'cec'))).toEqual(['lottery.roll_already_struck']);
  });

  it('draws from the rolls not struck: the same record as a draw made without the struck roll', async () => {
    const r = await performDraw(ctx(), drawId, 'cec:chair');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { record } = r.value;
    expect(record.seed).toBe('1111222233312345678901');
    expect(record.seedParts).toEqual([
      { observer: 'Observer A', digits: '11112222333' },
      { observer: 'Observer B', digits: '12345678901' },
    ]);
    const struck = r.value.seedParts[1]!.struck!;
    expect(record.struckSeedParts).toEqual([
      { observer: 'Observer B', digits: '1234', reason: struck.reason, struckAt: struck.at },
    ]);
    expect(verifyDrawRecord(JSON.parse(JSON.stringify(record))).ok).toBe(true);
    const { struckSeedParts: _struck, ...rest } = record;
    const without = computeDraw({
      election: record.election,
      participants: record.participants,
      frozenAt: record.frozenAt,
      seedParts: record.seedParts,
      fixedLines: record.fixedLines.map((f) => ({ label: f.label, position: f.ballotNumber })),
      drawnAt: record.drawnAt,
    });
    expect(rest).toEqual(without);
  });

  it('refuses to strike a roll once the draw is made', async () => {
    expect(codes(await strikeSeedPart(ctx(), drawId, 0, 'too late', 'cec'))).toEqual(['lottery.already_drawn']);
    const d = (await findCurrentDraw(get().db, S))!;
    expect(d.seedParts[0]!.struck).toBeUndefined();
  });
});

describe('talapker lottery (CLI)', () => {
  let dir: string;
  const env = { ...process.env };
  let output: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talapker-lottery-cli-'));
    process.env.TALAPKER_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const ctx = await openApp(loadConfig(), tickingClock('2030-09-02T04:00:00Z'));
    await seedElection(ctx, 'cli-2030');
    await ctx.db.destroy();
  });
  afterAll(() => {
    process.env = env;
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(argv: string[]): Promise<number> {
    output = [];
    const capture = (chunk: unknown) => (output.push(String(chunk)), true);
    const o = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const e = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      return await lotteryCommand(argv);
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('prints usage for --help and refuses an unknown command', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(output.join('')).toContain('draw --election ID --seed DIGITS');
    expect(await run(['shuffle'])).toBe(2);
    expect(await run(['draw', '--election', 'cli-2030'])).toBe(2);
  });

  it('refuses a seed of fewer than 20 digits and draws with enough, printing the record', async () => {
    expect(await run(['draw', '--election', 'cli-2030', '--seed', '123456789'])).toBe(1);
    expect(output.join('')).toContain('freezing them needs a recorded reason');
    expect(
      await run(['draw', '--election', 'cli-2030', '--seed', '123456789', '--freeze-reason', 'CLI test parties']),
    ).toBe(1);
    expect(output.join('')).toContain('at least 20 are needed');
    expect(
      await run(['draw', '--election', 'cli-2030', '--seed', '98765432109', '--observer', 'Observer B', '--json']),
    ).toBe(0);
    const record = JSON.parse(output.join(''));
    expect(verifyDrawRecord(record).ok).toBe(true);
    expect(record.seedParts).toEqual([
      { observer: 'console', digits: '123456789' },
      { observer: 'Observer B', digits: '98765432109' },
    ]);
    const file = join(dir, 'record.json');
    writeFileSync(file, JSON.stringify(record));
    expect(await run(['verify', file])).toBe(0);
    expect(output.join('')).toContain('verified');
    // A second draw is refused: the draw is final.
    expect(await run(['draw', '--election', 'cli-2030', '--seed', '11111111111111111111'])).toBe(1);
    expect(output.join('')).toContain('final');
  });

  it('redoes a draw only with a reason, then draws again', async () => {
    expect(await run(['redo', '--election', 'cli-2030', '--reason', ' '])).toBe(1);
    expect(output.join('')).toContain('A redo needs a recorded reason.');
    expect(await run(['redo', '--election', 'cli-2030', '--reason', 'rehearsal'])).toBe(0);
    expect(output.join('')).toMatch(/draw 1 superseded; froze 5 participants again as draw 2 \(attempt 2\)/);
    expect(await run(['draw', '--election', 'cli-2030', '--seed', '55555555556666666666'])).toBe(0);
    expect(output.join('')).toContain('tickets, in ballot order:');
  });

  it('writes the ballot proof of a draw', async () => {
    const file = join(dir, 'proof.pdf');
    expect(await run(['proof', '--draw', '1', '--out', file, '--size', 'A3'])).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await run(['proof', '--draw', '1', '--out', file, '--size', 'B5'])).toBe(2);
    expect(await run(['proof', '--draw', '77', '--out', file])).toBe(1);
  });

  it('runs the sampler', async () => {
    expect(await run(['sample', '--seed', '314159265', '--ids', 'a,b,c', '--json'])).toBe(0);
    expect(JSON.parse(output.join(''))).toHaveLength(3);
  });
});
