// Fuzzing with mutated real files: whatever the bytes, no exception leaves a parser, no internal error
// is caught by a parser's last-resort guard, and no statement that comes out breaks the schema.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FuzzSeed, fuzzCases, runFuzzCase } from './fuzz-cases.ts';

const FIXTURES = new URL('../../../test/fixtures/bank/', import.meta.url);

function seeds(): FuzzSeed[] {
  const out: FuzzSeed[] = [];
  for (const dir of ['camt053', 'mt940', '1c']) {
    for (const f of readdirSync(new URL(`${dir}/`, FIXTURES))) {
      if (f.endsWith('.json')) continue;
      out.push({ name: `${dir}/${f}`, bytes: readFileSync(new URL(`${dir}/${f}`, FIXTURES)) });
    }
  }
  return out;
}

describe('fuzzing mutated real files', () => {
  it('3,000 mutated files: no escaped exception, no internal error, no invalid statement', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const c of fuzzCases(seeds(), 3000)) {
      cases += 1;
      const o = await runFuzzCase(c.bytes);
      if (o.escaped !== undefined || o.internalErrors > 0 || o.invalidStatements > 0) {
        failures.push(
          `${c.name} [${c.mutation}]: ${o.escaped instanceof Error ? o.escaped.stack : String(o.escaped ?? '')} internal=${o.internalErrors} invalid=${o.invalidStatements}`,
        );
      }
    }
    expect(cases).toBe(3000);
    expect(failures.slice(0, 5)).toEqual([]);
  }, 300_000);
});
