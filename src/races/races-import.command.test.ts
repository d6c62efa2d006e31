// `talapker import districts|district-candidates`: the usage, every problem listed on stderr with a
// non-zero exit and nothing written, the summary of a file taken in.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/databases.ts';
import {
  CANDIDATES_CSV,
  DISTRICTS_CSV,
  RACE_ELECTION,
  raceTestContext,
  setupRaceElection,
  type RaceTestContext,
} from './races.test-support.ts';
import { racesImportCommand } from './races-import.command.ts';
import { getDistrictTotals } from './races.service.ts';

describe('talapker import districts|district-candidates', () => {
  let t: RaceTestContext;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'races-cli-'));
  const file = (name: string, body: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };
  const run = async (argv: string[]) => {
    const out = { stdout: '', stderr: '' };
    const code = await racesImportCommand(argv, t.ctx, {
      stdout: (s) => (out.stdout += s),
      stderr: (s) => (out.stderr += s),
    });
    return { code, ...out };
  };
  beforeAll(async () => {
    const db = await openTestDatabase('sqlite');
    close = db.close;
    t = raceTestContext(db.db);
    await setupRaceElection(t.ctx);
  });
  afterAll(async () => {
    t.close();
    await close();
  });

  it('refuses wrong arguments with the usage, and a missing file', async () => {
    expect((await run(['districts', RACE_ELECTION.id])).code).toBe(2);
    expect((await run(['toString', RACE_ELECTION.id, 'x.csv'])).code).toBe(2);
    expect((await run(['districts'])).stderr).toContain('usage: talapker import districts ELECTION_ID FILE.csv');
    expect((await run(['districts', RACE_ELECTION.id, join(dir, 'missing.csv')])).code).toBe(1);
  });

  it('lists every problem by row and column, exits 1 and writes nothing', async () => {
    const bad = file('bad.csv', `${DISTRICTS_CSV}\n04,,Б,,ward,Ош,0\n01,А,Б,,constituency,Ош,1\n`);
    const r = await run(['districts', RACE_ELECTION.id, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Refused: 4 problems; nothing was written.');
    expect(r.stderr).toContain('Row 5, column “name_ky”: the value is empty.');
    expect(r.stderr).toContain('Row 6, column “code”: the code “01” is already used in row 2.');
    expect(await getDistrictTotals(t.ctx, RACE_ELECTION.id)).toEqual({ districts: 0, seats: 0 });
    const cp1251 = file('cp1251.csv', Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xc0, 0xe1]));
    expect((await run(['districts', RACE_ELECTION.id, cp1251])).stderr).toContain('not in UTF-8');
    const elsewhere = await run(['districts', 'no-such-election', file('ok.csv', DISTRICTS_CSV)]);
    expect([elsewhere.code, elsewhere.stderr]).toEqual([1, expect.stringContaining('no election “no-such-election”')]);
  });

  it('takes in the districts and then their candidates', async () => {
    const d = await run(['districts', RACE_ELECTION.id, file('districts.csv', DISTRICTS_CSV)]);
    expect(d).toEqual({ code: 0, stdout: 'Imported 3 districts with 47 seats.\n', stderr: '' });
    const c = await run(['district-candidates', RACE_ELECTION.id, file('candidates.csv', CANDIDATES_CSV)]);
    expect(c).toEqual({ code: 0, stdout: 'Imported 4 single-mandate candidates.\n', stderr: '' });
  });
});
