// The draw record: computing it, and catching every kind of edit to a published one.
import { describe, expect, it } from 'vitest';
import {
  assignBallotNumbers,
  canonicalParticipantsJson,
  commitParticipants,
  computeDraw,
  type DrawRecord,
  parseDrawInput,
  verifyDrawRecord,
} from './draw.ts';
import { sampleDrawInput, sampleStruckRoll } from '../lottery.test-support.ts';
import { sha256Hex, shuffle } from './sampler.ts';

const record = computeDraw(sampleDrawInput);
const copy = (): DrawRecord => structuredClone(record);
const problemsOf = (json: unknown) => {
  const result = verifyDrawRecord(json);
  return result.ok ? [] : result.error;
};
/** Changes the last digit of a digit string, so that the edit is one keystroke. */
const bumpLastDigit = (s: string): string => s.slice(0, -1) + String((Number(s.at(-1)) + 1) % 10);

describe('computeDraw', () => {
  it('orders the parties by ascending full-precision ticket, as the consistent sampler shuffles', () => {
    const ids = sampleDrawInput.participants.map((p) => p.id);
    const shuffled = shuffle(ids, '806314729575104418926');
    expect(record.seed).toBe('806314729575104418926');
    expect(record.order).toEqual(shuffled.map((t) => t.id));
    expect(record.tickets).toEqual(shuffled.map((t) => ({ id: t.id, ticket: t.ticketNumber })));
    expect(record.tickets.every((t) => t.ticket.length > 60)).toBe(true);
  });

  it('numbers the parties 1..n in draw order and puts "Against all" after them', () => {
    expect(record.ballotNumbers).toEqual(record.order.map((id, i) => ({ id, ballotNumber: i + 1 })));
    expect(record.fixedLines).toEqual([{ label: 'Баарына каршы / Против всех', ballotNumber: 15 }]);
  });

  it('produces a record that verifies, also after a JSON round trip', () => {
    expect(verifyDrawRecord(record)).toEqual({ ok: true, value: record });
    expect(verifyDrawRecord(JSON.parse(JSON.stringify(record))).ok).toBe(true);
  });

  it('does not depend on the order in which the participants were typed', () => {
    const reversed = computeDraw({ ...sampleDrawInput, participants: [...sampleDrawInput.participants].reverse() });
    expect(reversed).toEqual(record);
  });

  it('refuses input with too few digits, a repeated party or a list frozen after the draw', () => {
    const bad = parseDrawInput({
      ...sampleDrawInput,
      participants: [...sampleDrawInput.participants, sampleDrawInput.participants[0]],
      seedParts: [{ observer: 'A', digits: '123456' }],
      frozenAt: '2026-10-02T00:00:00+06:00',
    });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.error.map((p) => p.code)).toEqual([
      'draw.duplicate_participant',
      'draw.seed_too_short',
      'draw.frozen_after_draw',
    ]);
    expect(() => computeDraw({ ...sampleDrawInput, seedParts: [{ observer: 'A', digits: '1' }] })).toThrow(
      /at least 20/,
    );
  });

  it('refuses a roll that is not digits', () => {
    const bad = parseDrawInput({ ...sampleDrawInput, seedParts: [{ observer: 'A', digits: '12345678901234567890x' }] });
    expect(bad.ok ? [] : bad.error.map((p) => p.field)).toEqual(['seedParts[0].digits']);
  });
});

describe('a roll struck before the draw', () => {
  it('is listed apart with its reason and leaves the seed, tickets and order as they are without it', () => {
    const withStruck = computeDraw({ ...sampleDrawInput, struckSeedParts: [sampleStruckRoll] });
    expect(withStruck.struckSeedParts).toEqual([sampleStruckRoll]);
    const { struckSeedParts: _struck, ...rest } = withStruck;
    expect(rest).toEqual(record);
    expect(verifyDrawRecord(JSON.parse(JSON.stringify(withStruck))).ok).toBe(true);
    // A record with nothing struck reads as records always did.
    expect('struckSeedParts' in record).toBe(false);
  });

  it('counts only in the list of struck rolls: put back among the rolls, it changes the seed', () => {
    const withStruck = computeDraw({ ...sampleDrawInput, struckSeedParts: [sampleStruckRoll] });
    const { observer, digits } = sampleStruckRoll;
    const codes = problemsOf({ ...withStruck, seedParts: [{ observer, digits }, ...withStruck.seedParts] }).map(
      (p) => p.code,
    );
    expect(codes).toContain('draw.seed_mismatch');
  });
});

describe('participants commitment', () => {
  it('has a documented canonical form: sorted by id, {"id","name"}, no spaces', () => {
    const json = canonicalParticipantsJson([
      { id: '2', name: 'Бир "эки"' },
      { id: '10', name: 'Ү' },
    ]);
    expect(json).toBe('[{"id":"10","name":"Ү"},{"id":"2","name":"Бир \\"эки\\""}]');
    expect(
      commitParticipants([
        { id: '10', name: 'Ү' },
        { id: '2', name: 'Бир "эки"' },
      ]),
    ).toBe(sha256Hex(json));
  });

  it('changes when one letter of one name changes, and not when the list is reordered', () => {
    const ps = sampleDrawInput.participants;
    expect(commitParticipants([...ps].reverse())).toBe(commitParticipants(ps));
    const renamed = ps.map((p, i) => (i === 3 ? { ...p, name: `${p.name}.` } : p));
    expect(commitParticipants(renamed)).not.toBe(commitParticipants(ps));
  });

  it('is the same for composed and decomposed spellings of ң ө ү', () => {
    const nfd = sampleDrawInput.participants.map((p) => ({ id: p.id.normalize('NFD'), name: p.name.normalize('NFD') }));
    expect(commitParticipants(nfd)).toBe(commitParticipants(sampleDrawInput.participants));
  });
});

describe('assignBallotNumbers', () => {
  const order = ['c', 'a', 'b'];
  it('keeps a line at a fixed number and fills the other numbers with the parties', () => {
    expect(assignBallotNumbers(order, [{ label: 'Against all', position: 1 }])).toEqual({
      ballotNumbers: [
        { id: 'c', ballotNumber: 2 },
        { id: 'a', ballotNumber: 3 },
        { id: 'b', ballotNumber: 4 },
      ],
      fixedLines: [{ label: 'Against all', ballotNumber: 1 }],
    });
  });

  it('mixes fixed numbers and after-parties lines', () => {
    const got = assignBallotNumbers(order, [
      { label: 'Against all', position: 'after-parties' },
      { label: 'Middle', position: 2 },
    ]);
    expect(got.ballotNumbers.map((b) => b.ballotNumber)).toEqual([1, 3, 4]);
    expect(got.fixedLines).toEqual([
      { label: 'Against all', ballotNumber: 5 },
      { label: 'Middle', ballotNumber: 2 },
    ]);
  });

  it('refuses positions outside the ballot or two lines at one number', () => {
    expect(() => assignBallotNumbers(order, [{ label: 'X', position: 5 }])).toThrow(/only 4 lines/);
    expect(() =>
      assignBallotNumbers(order, [
        { label: 'X', position: 2 },
        { label: 'Y', position: 2 },
      ]),
    ).toThrow(/two fixed lines/);
  });
});

describe('verifyDrawRecord', () => {
  it('catches one edited digit of the seed, with one clear message', () => {
    const edited = copy();
    edited.seed = bumpLastDigit(edited.seed);
    const problems = problemsOf(edited);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'draw.seed_mismatch', field: 'seed' });
    expect(problems[0]!.message).toBe(
      `the seed does not equal the concatenation of the observers' rolls: record says ${edited.seed}, the rolls give ${record.seed}`,
    );
  });

  it("catches an edited observer's roll: the seed and the recorded tickets no longer follow from the rolls", () => {
    const edited = copy();
    edited.seedParts[1]!.digits = bumpLastDigit(edited.seedParts[1]!.digits);
    const codes = problemsOf(edited).map((p) => p.code);
    expect(codes).toContain('draw.seed_mismatch');
    expect(codes.filter((c) => c === 'draw.ticket_mismatch')).toHaveLength(record.participants.length);
  });

  it('names the party whose ticket was edited, with both values', () => {
    const edited = copy();
    const t = edited.tickets[4]!;
    const original = t.ticket;
    t.ticket = bumpLastDigit(t.ticket);
    expect(problemsOf(edited).map((p) => p.message)).toEqual([
      `ticket for party ${t.id} does not match: record says ${t.ticket}, recomputed ${original}`,
    ]);
  });

  it('catches a swap in the order and in the ballot numbers', () => {
    const edited = copy();
    [edited.order[0], edited.order[1]] = [edited.order[1]!, edited.order[0]!];
    [edited.ballotNumbers[0]!.ballotNumber, edited.ballotNumbers[1]!.ballotNumber] = [2, 1];
    const messages = problemsOf(edited).map((p) => p.message);
    expect(messages).toEqual([
      `place 1 in the order does not match: record says ${record.order[1]}, recomputed ${record.order[0]}`,
      `place 2 in the order does not match: record says ${record.order[0]}, recomputed ${record.order[1]}`,
      `ballot number for party ${record.order[0]} does not match: record says 2, recomputed 1`,
      `ballot number for party ${record.order[1]} does not match: record says 1, recomputed 2`,
    ]);
  });

  it('catches a renamed party through the commitment', () => {
    const edited = copy();
    edited.participants[0]!.name = 'Башка ат';
    expect(problemsOf(edited).map((p) => p.code)).toEqual(['draw.commitment_mismatch']);
  });

  it('catches a party slipped into the list after the commitment', () => {
    const edited = copy();
    edited.participants.push({ id: '9999-3301-ПП', name: 'Кечиккен партия' });
    const codes = problemsOf(edited).map((p) => p.code);
    expect(codes).toContain('draw.commitment_mismatch');
    expect(codes).toContain('draw.ticket_missing');
    expect(codes).toContain('draw.order_mismatch');
  });

  it('catches a missing, unknown or repeated ticket or ballot number', () => {
    const edited = copy();
    const dropped = edited.tickets.pop()!;
    edited.tickets.push({ id: 'ghost', ticket: '0.5' }, { ...edited.tickets[0]! });
    edited.ballotNumbers.pop();
    const messages = problemsOf(edited).map((p) => p.message);
    expect(messages).toContain('ticket recorded for ghost, which is not a participant');
    expect(messages).toContain(`ticket for party ${edited.tickets[0]!.id} is recorded twice`);
    expect(messages).toContain(`no ticket is recorded for party ${dropped.id} (recomputed ${dropped.ticket})`);
    expect(messages.some((m) => m.startsWith(`no ballot number is recorded for party ${record.order.at(-1)}`))).toBe(
      true,
    );
  });

  it('catches a fixed line moved onto a party number', () => {
    const edited = copy();
    edited.fixedLines[0]!.ballotNumber = 1;
    const problems = problemsOf(edited);
    expect(problems.length).toBe(record.participants.length);
    expect(problems.every((p) => p.code === 'draw.ballot_number_mismatch')).toBe(true);
  });

  it('reports fixed lines that cannot fit', () => {
    const edited = copy();
    edited.fixedLines.push({ label: 'Second', ballotNumber: 15 });
    expect(problemsOf(edited).map((p) => p.code)).toEqual(['draw.fixed_line_collision']);
  });

  it('reports a list frozen after the draw', () => {
    expect(problemsOf({ ...copy(), frozenAt: record.drawnAt }).map((p) => p.code)).toEqual(['draw.frozen_after_draw']);
  });

  it('reports the shape of a record that is not a draw record, field by field', () => {
    const problems = problemsOf({ ...copy(), format: 'other', seedParts: [{ observer: 'A', digits: '12a' }] });
    expect(problems.map((p) => p.field)).toEqual(['format', 'seedParts[0].digits']);
    expect(problemsOf('not a record')[0]?.code).toBe('draw.invalid');
  });

  it('refuses a record whose participants repeat, before recomputing', () => {
    const edited = copy();
    edited.participants.push({ ...edited.participants[0]! });
    expect(problemsOf(edited).map((p) => p.code)).toEqual(['draw.duplicate_participant']);
  });
});
