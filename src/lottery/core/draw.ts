// The ballot-order draw as a public record: what was frozen, what the observers rolled, every
// ticket and the resulting ballot numbers, and the check that anyone can run on the JSON.
//
// The rule of the draw: seed = the observers' rolls concatenated in the stated order (a roll struck
// before the draw is listed apart, with its reason, and is not part of the seed); each party's
// ticket = firstFraction(registration number, seed) of Rivest's consistent sampler at full
// precision; parties go on the ballot in ascending ticket (ties by id). Fixed lines such as
// "Against all" take the numbers reserved for them, parties fill the others from 1 upwards.
// Pure: the clock and the dice come in as fields of the input.
import { z } from 'zod';
import { err, ok, problem, type Problem, type Result } from '../../platform/result.ts';
import { compareCodePoints, firstFraction, isWellFormedText, sha256Hex } from './sampler.ts';

export const DRAW_FORMAT = 'talapker-draw-v1';
/** Fewer digits than this could be searched for a favourable order; 20 decimal digits is ~66 bits. */
export const MIN_SEED_DIGITS = 20;

const text = z.string().min(1).refine(isWellFormedText, 'text with a lone surrogate cannot be hashed');
const instant = z.iso.datetime({ offset: true });
const ballotNumber = z.number().int().positive();

export const participantSchema = z.object({
  /** The party's registration number: the id that is hashed, so it must never be re-typed. */
  id: text,
  name: text,
});
export type Participant = z.infer<typeof participantSchema>;

export const seedPartSchema = z.object({
  observer: text,
  digits: z.string().regex(/^[0-9]+$/, 'a roll is decimal digits only'),
});
export type SeedPart = z.infer<typeof seedPartSchema>;

/** A roll struck before the draw (mistyped, say): published with the reason, never part of the seed. */
export const struckSeedPartSchema = seedPartSchema.extend({ reason: text, struckAt: instant });
export type StruckSeedPart = z.infer<typeof struckSeedPartSchema>;

export const fixedLineSchema = z.object({ label: text, ballotNumber });
export type FixedLine = z.infer<typeof fixedLineSchema>;

export const drawRecordSchema = z.object({
  format: z.literal(DRAW_FORMAT),
  election: z.object({ id: text, name: text }),
  participants: z.array(participantSchema).min(1),
  participantsCommitment: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
  frozenAt: instant,
  seedParts: z.array(seedPartSchema).min(1),
  // Absent when no roll was struck, so that such records read as they always did.
  struckSeedParts: z.array(struckSeedPartSchema).optional(),
  // Only "a string" here: a wrong seed is reported by the recomputation, in words, not as a schema error.
  seed: z.string(),
  tickets: z.array(z.object({ id: text, ticket: z.string().regex(/^0\.[0-9]+$/, 'a decimal fraction 0.ddd…') })),
  order: z.array(text),
  ballotNumbers: z.array(z.object({ id: text, ballotNumber })),
  fixedLines: z.array(fixedLineSchema),
  drawnAt: instant,
});
export type DrawRecord = z.infer<typeof drawRecordSchema>;

/** Where a fixed line goes: right after the last party, or at a ballot number set by law. */
export const fixedLinePlacementSchema = z.object({
  label: text,
  position: z.union([z.literal('after-parties'), ballotNumber]),
});
export type FixedLinePlacement = z.infer<typeof fixedLinePlacementSchema>;

export const drawInputSchema = z.object({
  election: z.object({ id: text, name: text }),
  participants: z.array(participantSchema).min(1),
  frozenAt: instant,
  seedParts: z.array(seedPartSchema).min(1),
  struckSeedParts: z.array(struckSeedPartSchema).default([]),
  fixedLines: z.array(fixedLinePlacementSchema).default([]),
  drawnAt: instant,
});
export type DrawInput = z.input<typeof drawInputSchema>;

/**
 * The canonical serialisation that the commitment hashes: the participants sorted by id in
 * Unicode code point order, each written as {"id":…,"name":…} (that key order, both strings
 * NFC-normalised), as JSON.stringify writes it (no spaces, no trailing newline), UTF-8 encoded.
 * For this shape it is also the RFC 8785 (JCS) form. Sorting makes the commitment independent of
 * the order in which the list was typed, as the draw itself is.
 */
export function canonicalParticipantsJson(participants: readonly Participant[]): string {
  const entries = participants.map((p) => ({ id: p.id.normalize('NFC'), name: p.name.normalize('NFC') }));
  entries.sort((a, b) => compareCodePoints(a.id, b.id));
  return JSON.stringify(entries);
}

/** SHA-256 hex of the canonical participants JSON, published when the list is frozen, before any roll. */
export function commitParticipants(participants: readonly Participant[]): string {
  return sha256Hex(canonicalParticipantsJson(participants));
}

export const seedFromParts = (parts: readonly SeedPart[]): string => parts.map((p) => p.digits).join('');

/** Every participant's full-precision ticket, in ballot order (ascending ticket, ties by id). */
export function drawTickets(participants: readonly Participant[], seed: string): { id: string; ticket: string }[] {
  const seedHash = sha256Hex(seed);
  const tickets = participants.map((p) => ({ id: p.id, ticket: firstFraction(p.id, seed, seedHash) }));
  return tickets.sort((a, b) =>
    a.ticket !== b.ticket ? (a.ticket < b.ticket ? -1 : 1) : compareCodePoints(a.id, b.id),
  );
}

/** Problems with the fixed lines' positions for a ballot of `partyCount` parties; none means they fit. */
export function checkFixedLinePositions(
  partyCount: number,
  positions: readonly (number | 'after-parties')[],
): Problem[] {
  const total = partyCount + positions.length;
  const problems: Problem[] = [];
  const seen = new Set<number>();
  positions.forEach((position, i) => {
    if (position === 'after-parties') return;
    if (position > total) {
      problems.push(
        problem(
          'draw.fixed_line_out_of_range',
          `fixed line ${i + 1} is placed at ${position}, but the ballot has only ${total} lines`,
          {
            field: `fixedLines[${i}]`,
            params: { position, total },
          },
        ),
      );
    } else if (seen.has(position)) {
      problems.push(
        problem('draw.fixed_line_collision', `two fixed lines are placed at ballot number ${position}`, {
          field: `fixedLines[${i}]`,
          params: { position },
        }),
      );
    }
    seen.add(position);
  });
  return problems;
}

/**
 * Ballot numbers: lines at a fixed number keep it, parties take the free numbers from 1 upwards in
 * draw order, and 'after-parties' lines take what is left, in the order given.
 * Throws when the positions do not fit (see checkFixedLinePositions).
 */
export function assignBallotNumbers(
  order: readonly string[],
  fixedLines: readonly FixedLinePlacement[],
): { ballotNumbers: { id: string; ballotNumber: number }[]; fixedLines: FixedLine[] } {
  const problems = checkFixedLinePositions(
    order.length,
    fixedLines.map((f) => f.position),
  );
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join('; '));
  const reserved = new Set(fixedLines.flatMap((f) => (f.position === 'after-parties' ? [] : [f.position])));
  const free: number[] = [];
  for (let n = 1; n <= order.length + fixedLines.length; n++) if (!reserved.has(n)) free.push(n);
  // There are exactly as many free numbers as parties and 'after-parties' lines, so none runs out.
  const freeNumber = (i: number): number => {
    const n = free[i];
    if (n === undefined) throw new RangeError(`no free ballot number left for line ${i + 1}`);
    return n;
  };
  const ballotNumbers = order.map((id, i) => ({ id, ballotNumber: freeNumber(i) }));
  let next = order.length;
  const placed = fixedLines.map((f) => ({
    label: f.label,
    ballotNumber: f.position === 'after-parties' ? freeNumber(next++) : f.position,
  }));
  return { ballotNumbers, fixedLines: placed };
}

function duplicateParticipantProblems(participants: readonly Participant[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  participants.forEach((p, i) => {
    const key = p.id.normalize('NFC');
    if (seen.has(key)) {
      problems.push(
        problem('draw.duplicate_participant', `party ${p.id} is listed twice`, {
          field: `participants[${i}].id`,
          params: { id: p.id },
        }),
      );
    }
    seen.add(key);
  });
  return problems;
}

function seedLengthProblems(seed: string): Problem[] {
  if (seed.length >= MIN_SEED_DIGITS) return [];
  return [
    problem(
      'draw.seed_too_short',
      `the observers' rolls give ${seed.length} digits; at least ${MIN_SEED_DIGITS} are needed`,
      {
        field: 'seedParts',
        params: { digits: seed.length, minimum: MIN_SEED_DIGITS },
      },
    ),
  ];
}

/** Problems with the timeline: the list must be frozen (and committed to) before the dice are rolled. */
function timelineProblems(frozenAt: string, drawnAt: string): Problem[] {
  if (Date.parse(frozenAt) < Date.parse(drawnAt)) return [];
  return [
    problem(
      'draw.frozen_after_draw',
      `the participants list was frozen at ${frozenAt}, not before the draw at ${drawnAt}`,
      {
        field: 'frozenAt',
        params: { frozenAt, drawnAt },
      },
    ),
  ];
}

/** Problems with a draw input, so that the edge can refuse it with reasons before computeDraw. */
export function parseDrawInput(input: unknown): Result<z.output<typeof drawInputSchema>, Problem[]> {
  const parsed = drawInputSchema.safeParse(input);
  if (!parsed.success) return err(schemaProblems(parsed.error));
  const v = parsed.data;
  const problems = [
    ...duplicateParticipantProblems(v.participants),
    ...seedLengthProblems(seedFromParts(v.seedParts)),
    ...timelineProblems(v.frozenAt, v.drawnAt),
    ...checkFixedLinePositions(
      v.participants.length,
      v.fixedLines.map((f) => f.position),
    ),
  ];
  return problems.length > 0 ? err(problems) : ok(v);
}

/** Runs the draw. Throws on input that parseDrawInput refuses: callers parse at the edge first. */
export function computeDraw(input: DrawInput): DrawRecord {
  const parsed = parseDrawInput(input);
  if (!parsed.ok) throw new RangeError(`invalid draw input: ${parsed.error.map((p) => p.message).join('; ')}`);
  const v = parsed.value;
  const participants = [...v.participants].sort((a, b) => compareCodePoints(a.id, b.id));
  const seed = seedFromParts(v.seedParts);
  const tickets = drawTickets(participants, seed);
  const order = tickets.map((t) => t.id);
  const { ballotNumbers, fixedLines } = assignBallotNumbers(order, v.fixedLines);
  return {
    format: DRAW_FORMAT,
    election: v.election,
    participants,
    participantsCommitment: commitParticipants(participants),
    frozenAt: v.frozenAt,
    seedParts: v.seedParts,
    ...(v.struckSeedParts.length > 0 ? { struckSeedParts: v.struckSeedParts } : {}),
    seed,
    tickets,
    order,
    ballotNumbers,
    fixedLines,
    drawnAt: v.drawnAt,
  };
}

function schemaProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const field = issue.path
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
      .join('')
      .replace(/^\./, '');
    return problem('draw.invalid', `${field || 'record'}: ${issue.message}`, { field: field || undefined });
  });
}

function mismatch(
  code: string,
  message: string,
  field: string,
  recorded: string | number,
  recomputed: string | number,
): Problem {
  return problem(code, message, { field, params: { recorded, recomputed } });
}

/** Compares a recorded id → value list with the recomputed one, naming each missing, extra or wrong entry. */
function compareById<V extends string | number>(
  what: { code: string; noun: string; field: string },
  recorded: readonly { id: string; value: V }[],
  recomputed: ReadonlyMap<string, V>,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  recorded.forEach(({ id, value }, i) => {
    const field = `${what.field}[${i}]`;
    const expected = recomputed.get(id);
    if (expected === undefined) {
      problems.push(
        problem(`${what.code}_unknown`, `${what.noun} recorded for ${id}, which is not a participant`, {
          field,
          params: { id },
        }),
      );
    } else if (seen.has(id)) {
      problems.push(
        problem(`${what.code}_repeated`, `${what.noun} for party ${id} is recorded twice`, { field, params: { id } }),
      );
    } else if (value !== expected) {
      problems.push(
        mismatch(
          `${what.code}_mismatch`,
          `${what.noun} for party ${id} does not match: record says ${value}, recomputed ${expected}`,
          field,
          value,
          expected,
        ),
      );
    }
    seen.add(id);
  });
  for (const [id, expected] of recomputed) {
    if (!seen.has(id)) {
      problems.push(
        problem(`${what.code}_missing`, `no ${what.noun} is recorded for party ${id} (recomputed ${expected})`, {
          field: what.field,
          params: { id, recomputed: expected },
        }),
      );
    }
  }
  return problems;
}

/**
 * Checks a published draw record from scratch: its shape, the commitment to the participants,
 * the seed against the rolls, every ticket, the order and the ballot numbers. Everything is
 * recomputed from the participants and the rolls, never from the record's own seed or tickets,
 * so one edited field gives one clear problem rather than a cascade.
 */
export function verifyDrawRecord(json: unknown): Result<DrawRecord, Problem[]> {
  const parsed = drawRecordSchema.safeParse(json);
  if (!parsed.success) return err(schemaProblems(parsed.error));
  const record = parsed.data;

  const duplicates = duplicateParticipantProblems(record.participants);
  if (duplicates.length > 0) return err(duplicates); // the draw is undefined for a list with repeats

  const problems: Problem[] = [...timelineProblems(record.frozenAt, record.drawnAt)];
  const commitment = commitParticipants(record.participants);
  if (commitment !== record.participantsCommitment) {
    problems.push(
      mismatch(
        'draw.commitment_mismatch',
        `the participants commitment does not match the participants list: record says ${record.participantsCommitment}, recomputed ${commitment}`,
        'participantsCommitment',
        record.participantsCommitment,
        commitment,
      ),
    );
  }

  const seed = seedFromParts(record.seedParts);
  problems.push(...seedLengthProblems(seed));
  if (record.seed !== seed) {
    problems.push(
      mismatch(
        'draw.seed_mismatch',
        `the seed does not equal the concatenation of the observers' rolls: record says ${record.seed}, the rolls give ${seed}`,
        'seed',
        record.seed,
        seed,
      ),
    );
  }

  const tickets = drawTickets(record.participants, seed);
  problems.push(
    ...compareById(
      { code: 'draw.ticket', noun: 'ticket', field: 'tickets' },
      record.tickets.map((t) => ({ id: t.id, value: t.ticket })),
      new Map(tickets.map((t) => [t.id, t.ticket])),
    ),
  );

  const order = tickets.map((t) => t.id);
  for (let i = 0; i < Math.max(order.length, record.order.length); i++) {
    const [said, computed] = [record.order[i], order[i]];
    if (said !== computed) {
      problems.push(
        mismatch(
          'draw.order_mismatch',
          `place ${i + 1} in the order does not match: record says ${said ?? '(nothing)'}, recomputed ${computed ?? '(nothing)'}`,
          `order[${i}]`,
          said ?? '',
          computed ?? '',
        ),
      );
    }
  }

  // The fixed lines' recorded numbers are where the law put them; parties must fill the rest.
  const fixedPositions = record.fixedLines.map((f) => f.ballotNumber);
  const fixedProblems = checkFixedLinePositions(order.length, fixedPositions);
  problems.push(...fixedProblems);
  if (fixedProblems.length === 0) {
    const placements = record.fixedLines.map((f) => ({ label: f.label, position: f.ballotNumber }));
    const { ballotNumbers } = assignBallotNumbers(order, placements);
    problems.push(
      ...compareById(
        { code: 'draw.ballot_number', noun: 'ballot number', field: 'ballotNumbers' },
        record.ballotNumbers.map((b) => ({ id: b.id, value: b.ballotNumber })),
        new Map(ballotNumbers.map((b) => [b.id, b.ballotNumber])),
      ),
    );
  }

  return problems.length > 0 ? err(problems) : ok(record);
}
