// `talapker import stations|voters`: usage, the rejected rows listed by line on stderr, the summary.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { votersImportCommand } from './voters-import.command.ts';
import { findVoterByPin } from './voter-list.repository.ts';

describe('talapker import stations|voters', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'voters-cli-'));
  const run = async (argv: string[]) => {
    const out = { stdout: '', stderr: '' };
    const code = await votersImportCommand(argv, ctx, {
      stdout: (s) => (out.stdout += s),
      stderr: (s) => (out.stderr += s),
    });
    return { code, ...out };
  };
  beforeAll(async () => {
    const t = await openTestDatabase('sqlite');
    ctx = { db: t.db, now: () => new Date('2026-12-01T08:00:00Z') } as unknown as AppContext;
    close = t.close;
  });
  afterAll(() => close());

  it('refuses wrong arguments with the usage', async () => {
    expect((await run(['voters', 'x.csv'])).code).toBe(2);
    expect((await run(['voters', 'x.csv', '--as-of', '2026-02-30'])).code).toBe(2);
    expect((await run(['stations'])).stderr).toContain('usage: talapker import stations FILE.csv');
    expect((await run(['voters', join(dir, 'missing.csv'), '--as-of', '2026-11-01'])).code).toBe(1);
  });

  it('imports stations and voters, listing the rejected rows by line', async () => {
    const stations = join(dir, 'stations.csv');
    writeFileSync(
      stations,
      'number,name_ky,name_ru,name_en,address_ky,address_ru,address_en,country,city,lat,lon,hours,accessible,district_commission\n' +
        '1001,Мектеп,Школа,School,Бишкек,Бишкек,Bishkek,KG,Bishkek,42.87,74.59,08:00–20:00,1,Bishkek\n',
    );
    const s = await run(['stations', stations]);
    expect(s).toMatchObject({ code: 0, stdout: 'Imported 1 polling stations; 0 rows rejected.\n' });
    const voters = join(dir, 'voters.csv');
    writeFileSync(
      voters,
      'pin,surname,given_name,patronymic,birth_date,station_number,biometric_registered\n' +
        '11503199099001,Асанова,Айгүл,,1990-03-15,1001,1\n' +
        '11503199099002,Асанова,Айгүл,,1990-03-15,1001,2\n',
    );
    const v = await run(['voters', voters, '--as-of', '2026-11-01']);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('1 voters, 1 rows rejected');
    expect(v.stderr).toContain('line 3: biometric_registered must be 0 or 1, not "2".');
    expect((await findVoterByPin(ctx.db, '11503199099001'))?.station_number).toBe('1001');
  });
});
