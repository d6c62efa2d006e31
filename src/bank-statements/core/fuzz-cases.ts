// Mutated bank files for fuzzing (the fuzz test and the statements benchmark): byte flips, truncation,
// duplicated and dropped segments, swapped lines, structural characters dropped in. Deterministic for
// a given seed, so that a failing case can be replayed. `runFuzzCase` says whether the parsers kept
// their promise: no exception escapes, no internal error is caught, no statement breaks the schema.

import { parseStatementBytes } from './parse-statement.ts';
import { parseCamt053 } from './parsers/camt053.parser.ts';
import { parseMt940 } from './parsers/mt940.parser.ts';
import { parseOneC } from './parsers/one-c.parser.ts';
import { statementSchema } from './statement.ts';
import type { StatementParseResult } from './statement.ts';
import { mulberry32 } from '../../platform/seeded-random.ts';

export interface FuzzSeed {
  name: string;
  bytes: Uint8Array;
}

export interface FuzzCase {
  name: string;
  mutation: string;
  bytes: Uint8Array;
}

/** mulberry32: small, fast, and good enough to spread mutations. */
export const random = mulberry32;

const STRUCTURAL = Array.from(Buffer.from('<>/:?{}-=\n\r\x00\xff&;"\'', 'latin1'));

type Mutation = (b: Uint8Array, r: () => number) => Uint8Array;

const int = (r: () => number, n: number) => Math.floor(r() * n);

const MUTATIONS: Record<string, Mutation> = {
  flip(b, r) {
    const out = Uint8Array.from(b);
    const n = 1 + int(r, 8);
    for (let i = 0; i < n && out.length > 0; i++) out[int(r, out.length)] = int(r, 256);
    return out;
  },
  truncate(b, r) {
    return b.subarray(0, int(r, b.length + 1));
  },
  duplicate(b, r) {
    const from = int(r, b.length + 1);
    const to = Math.min(b.length, from + int(r, 2000));
    const at = int(r, b.length + 1);
    return Buffer.concat([b.subarray(0, at), b.subarray(from, to), b.subarray(at)]);
  },
  drop(b, r) {
    const from = int(r, b.length + 1);
    const to = Math.min(b.length, from + int(r, 500));
    return Buffer.concat([b.subarray(0, from), b.subarray(to)]);
  },
  structural(b, r) {
    const out = Buffer.from(b);
    const n = 1 + int(r, 5);
    const parts: Uint8Array[] = [];
    let last = 0;
    const cuts = Array.from({ length: n }, () => int(r, out.length + 1)).sort((x, y) => x - y);
    for (const c of cuts) {
      parts.push(out.subarray(last, c), Uint8Array.of(STRUCTURAL[int(r, STRUCTURAL.length)] ?? 0));
      last = c;
    }
    parts.push(out.subarray(last));
    return Buffer.concat(parts);
  },
  swapLines(b, r) {
    const lines = Buffer.from(b).toString('latin1').split('\n');
    const i = int(r, lines.length);
    const j = int(r, lines.length);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  digits(b, r) {
    const out = Uint8Array.from(b);
    for (let i = 0; i < 20 && out.length > 0; i++) {
      const k = int(r, out.length);
      const c = out[k] ?? 0;
      if (c >= 0x30 && c <= 0x39) out[k] = 0x30 + int(r, 10);
      else if (c === 0x2c || c === 0x2e) out[k] = r() < 0.5 ? 0x2c : 0x2e;
    }
    return out;
  },
};

const NAMES = Object.keys(MUTATIONS);

/** `count` mutated files, cycling through the seeds; one to three mutations each. */
export function* fuzzCases(seeds: FuzzSeed[], count: number, seed = 20210910): Generator<FuzzCase> {
  const r = random(seed);
  for (let i = 0; i < count; i++) {
    const s = seeds[i % seeds.length];
    if (!s) return;
    let bytes = s.bytes;
    const applied: string[] = [];
    const n = 1 + int(r, 3);
    for (let k = 0; k < n; k++) {
      const name = NAMES[int(r, NAMES.length)] ?? 'flip';
      bytes = (MUTATIONS[name] as Mutation)(bytes, r);
      applied.push(name);
    }
    yield { name: s.name, mutation: applied.join('+'), bytes };
  }
}

export interface FuzzOutcome {
  /** An exception that left a parser: always a bug. */
  escaped?: unknown;
  /** Exceptions a parser's last-resort guard caught: bugs too, only contained. */
  internalErrors: number;
  /** Statements that break the schema: the parsers promise never to emit one. */
  invalidStatements: number;
}

/** Runs one mutated file through detection and through each text parser directly. */
export async function runFuzzCase(bytes: Uint8Array): Promise<FuzzOutcome> {
  const outcome: FuzzOutcome = { internalErrors: 0, invalidStatements: 0 };
  const judge = (r: StatementParseResult) => {
    outcome.internalErrors += r.problems.filter((p) => p.code === 'parser.internal_error').length;
    outcome.invalidStatements += r.statements.filter((s) => !statementSchema.safeParse(s).success).length;
  };
  try {
    judge(await parseStatementBytes(bytes));
    judge(parseCamt053(bytes));
    judge(parseMt940(bytes));
    judge(parseOneC(bytes));
  } catch (e) {
    outcome.escaped = e;
  }
  return outcome;
}
