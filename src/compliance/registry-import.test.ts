// The registry import and the snapshot registry on both databases: rows written, rejected rows with their
// line and reason, resuming an interrupted file, refusing a wrong header, and answers from the newest
// complete snapshot of each kind.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { importRegistry } from './registry-import.service.ts';
import { SqlRegistry } from './sql-registry.ts';
import type { RegistryKind } from './core/registry.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function csv(lines: string[]): string {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const PERSONS_HEADER = 'pin,surname,given_name,patronymic,birth_date,citizenship,death_date';
const personLine = (i: number, citizenship = 'KGZ') =>
  `2010119${String(80 + (i % 20)).padStart(2, '0')}${String(i).padStart(5, '0')},Асанов,Бакыт,Асанович,19${80 + (i % 20)}-01-01,${citizenship},`;

const pinOf = (i: number) => personLine(i).slice(0, 14);

describeEachDatabase('registry import', (get) => {
  const run = (
    kind: RegistryKind,
    path: string,
    extra: { asOf?: string; stopAfterLine?: number; batchSize?: number } = {},
  ) =>
    importRegistry(get().db, { kind, path, actor: 'test', asOf: extra.asOf ?? '2020-09-01', batchSize: 3, ...extra });

  it('imports persons, rejecting bad rows with their line and reason', async () => {
    const path = csv([
      PERSONS_HEADER,
      personLine(1),
      '123,Short,Pin,,1980-01-01,KGZ,',
      personLine(2, 'kz'),
      '20101198000003,Асанов,Бакыт,,1980-02-30,KGZ,',
      personLine(1),
      personLine(4, 'STATELESS'),
      '20101198000005,Токтогулова,Чынара,,1980-01-01,KAZ,1979-01-01',
      '20101198000006,"Surname, with comma",Given,,1980-01-01,RUS,2019-05-05',
    ]);
    const r = await run('persons', path);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.complete).toBe(true);
    expect(r.value.written).toBe(3);
    expect(r.value.snapshot.row_count).toBe(3);
    expect(r.value.snapshot.rejected_count).toBe(5);
    expect(r.value.rejectedRows.map((x) => [x.line, x.code]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [3, 'identity.format'],
      [4, 'citizenship.invalid'],
      [5, 'date.invalid'],
      [6, 'identity.duplicate'],
      [8, 'death_date.before_birth'],
    ]);
    const answers = await new SqlRegistry(get().db).lookup({
      pins: ['20101198100001', '20101198000006', '29999999999999'],
      inns: [],
    });
    expect(answers.persons.get('20101198100001')?.record).toEqual({
      pin: '20101198100001',
      surname: 'Асанов',
      givenName: 'Бакыт',
      patronymic: 'Асанович',
      birthDate: '1981-01-01',
      citizenship: 'KGZ',
      deathDate: null,
    });
    expect(answers.persons.get('20101198000006')?.record.surname).toBe('Surname, with comma');
    expect(answers.persons.get('20101198000006')?.snapshot).toEqual({
      kind: 'persons',
      id: String(r.value.snapshot.id),
      source: 'snapshot',
      asOf: '2020-09-01',
    });
    expect(answers.persons.has('29999999999999')).toBe(false);
    expect(answers.consulted.map((s) => s.kind)).toEqual(['persons']);
  });

  it('refuses a file whose header is not the kind’s, and writes nothing', async () => {
    const r = await run('entities', csv([PERSONS_HEADER, personLine(1)]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]?.code).toBe('registry.header');
    const snaps = await get().db.selectFrom('registry_snapshots').selectAll().where('kind', '=', 'entities').execute();
    expect(snaps).toEqual([]);
  });

  it('continues an interrupted import of the same file after its last committed line', async () => {
    const lines = [PERSONS_HEADER, ...Array.from({ length: 10 }, (_, i) => personLine(100 + i))];
    const path = csv(lines);
    const first = await run('persons', path, { asOf: '2020-10-01', stopAfterLine: 5 });
    expect(first.ok && first.value.complete).toBe(false);
    const second = await run('persons', path, { asOf: '2020-10-01' });
    expect(second.ok).toBe(true);
    if (!second.ok || !first.ok) return;
    expect(second.value.snapshot.id).toBe(first.value.snapshot.id);
    expect(second.value.resumedFromLine).toBe(5);
    expect(second.value.written).toBe(6);
    expect(second.value.snapshot.row_count).toBe(10);
    expect(second.value.snapshot.status).toBe('complete');
    expect(second.value.rejected).toBe(0);
    // The newer snapshot now answers: the earlier one's persons are no longer known.
    const answers = await new SqlRegistry(get().db).lookup({ pins: [pinOf(1), pinOf(109)], inns: [] });
    expect([...answers.persons.keys()]).toEqual([pinOf(109)]);
    expect(answers.persons.get(pinOf(109))?.snapshot.asOf).toBe('2020-10-01');
    // An explicitly named snapshot still answers as of its own date.
    const older = await new SqlRegistry(get().db, {
      snapshots: { persons: Number(second.value.snapshot.id) - 1 },
    }).lookup({
      pins: [pinOf(1)],
      inns: [],
    });
    expect(older.persons.get(pinOf(1))?.snapshot.asOf).toBe('2020-09-01');
  });

  it('imports entities, arrears and state bodies and answers for PINs and INNs in one lookup', async () => {
    const entities = await run(
      'entities',
      csv([
        'inn,name,legal_form,registered_on,liquidated_on,foreign_share_pct,state_share_pct,has_tax_preferences,registered_capital',
        '01234567890123,ОсОО «Кут-Строй»,commercial,2015-03-01,,0,12.5,1,10000000',
        '01234567890124,Фонд,charity,2010-01-01,2019-12-31,0,0,0,0',
        '01234567890125,Bad,shop,2010-01-01,,0,0,0,0',
        '01234567890126,Bad,ngo,2010-01-01,,101,0,0,0',
        '01234567890127,Bad,ngo,2010-01-01,,0,0,2,0',
      ]),
    );
    expect(entities.ok && entities.value.rejectedRows.map((x) => x.code)).toEqual([
      'value.unknown',
      'percent.invalid',
      'flag.invalid',
    ]);
    await run(
      'arrears',
      csv([
        'identifier,kind,amount,as_of',
        '01234567890123,tax,150000,2020-08-01',
        '01234567890123,social_fund,2500,2020-08-15',
        '20101198000109,tax,100,2020-07-01',
        '20101198000109,rent,100,2020-07-01',
      ]),
    );
    await run('state-bodies', csv(['inn,name,kind', '09999999999999,Воинская часть 1234,military_unit']));
    const answers = await new SqlRegistry(get().db).lookup({
      pins: ['20101198000109'],
      inns: ['01234567890123', '01234567890124', '09999999999999'],
    });
    expect(answers.entities.get('01234567890123')?.record).toEqual({
      inn: '01234567890123',
      name: 'ОсОО «Кут-Строй»',
      legalForm: 'commercial',
      registeredOn: '2015-03-01',
      liquidatedOn: null,
      foreignSharePct: 0,
      stateSharePct: 12.5,
      hasTaxPreferences: true,
      registeredCapital: 10000000,
    });
    expect(answers.entities.get('01234567890124')?.record.liquidatedOn).toBe('2019-12-31');
    expect(answers.arrears.get('01234567890123')?.map((a) => [a.record.kind, a.record.amount])).toEqual([
      ['tax', 150000],
      ['social_fund', 2500],
    ]);
    expect(answers.arrears.get('20101198000109')?.length).toBe(1);
    expect(answers.stateBodies.get('09999999999999')?.record.kind).toBe('military_unit');
    expect(answers.consulted.map((s) => s.kind).sort()).toEqual(['arrears', 'entities', 'persons', 'state-bodies']);
  });

  it('looks up more numbers than one statement can carry', async () => {
    const lines = [PERSONS_HEADER, ...Array.from({ length: 12_000 }, (_, i) => personLine(20_000 + i))];
    const r = await run('persons', csv(lines), { asOf: '2020-11-01', batchSize: 5_000 });
    expect(r.ok && r.value.written).toBe(12_000);
    const pins = lines.slice(1).map((l) => l.slice(0, 14));
    const answers = await new SqlRegistry(get().db).lookup({ pins: [...pins, ...pins.slice(0, 10)], inns: [] });
    expect(answers.persons.size).toBe(12_000);
  });

  const stagingTables = async () =>
    (await get().db.introspection.getTables()).map((t) => t.name).filter((n) => n.includes('_import_'));

  it('reports a duplicate of a row an interrupted run staged, once the resumed run has read the file', async () => {
    const lines = [PERSONS_HEADER, ...Array.from({ length: 8 }, (_, i) => personLine(300 + i)), personLine(301)];
    const path = csv(lines);
    const first = await run('persons', path, { asOf: '2020-12-01', stopAfterLine: 5 });
    expect(first.ok && first.value.rejected).toBe(0);
    expect(await stagingTables()).toHaveLength(1);
    const second = await run('persons', path, { asOf: '2020-12-01' });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value.resumedFromLine).toBe(5);
    // Lines 6 to 10 read by this run, line 10 repeating line 3's number.
    expect(second.value.written).toBe(4);
    expect(second.value.rejectedRows).toEqual([expect.objectContaining({ line: 10, code: 'identity.duplicate' })]);
    expect(second.value.snapshot.row_count).toBe(8);
    expect(second.value.snapshot.rejected_count).toBe(1);
    expect(await stagingTables()).toEqual([]);
    const rows = await get()
      .db.selectFrom('registry_persons')
      .select('pin')
      .where('snapshot_id', '=', second.value.snapshot.id)
      .orderBy('pin')
      .execute();
    expect(rows.map((r) => r.pin)).toEqual(Array.from({ length: 8 }, (_, i) => pinOf(300 + i)).sort());
  });

  it('starts a file over when the staged rows of its interrupted run are lost', async () => {
    const path = csv([PERSONS_HEADER, ...Array.from({ length: 6 }, (_, i) => personLine(400 + i))]);
    const first = await run('persons', path, { asOf: '2020-12-02', stopAfterLine: 4 });
    if (!first.ok) throw new Error('the first run failed');
    // What a crash of PostgreSQL does to an unlogged table.
    const [staging] = await stagingTables();
    await sql`delete from ${sql.table(staging ?? '')}`.execute(get().db);
    const second = await run('persons', path, { asOf: '2020-12-02' });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value.snapshot.id).toBe(first.value.snapshot.id);
    expect(second.value.resumedFromLine).toBe(0);
    expect(second.value.written).toBe(6);
    expect(second.value.snapshot.row_count).toBe(6);
    const answers = await new SqlRegistry(get().db).lookup({ pins: [pinOf(400), pinOf(405)], inns: [] });
    expect(answers.persons.size).toBe(2);
  });

  it('keeps tabs, backslashes and line breaks inside a field as they are', async () => {
    const path = csv([PERSONS_HEADER, '20101198000501,"Tab\there",Back\\slash,"Two\r\nlines",1980-01-01,KGZ,']);
    const r = await run('persons', path, { asOf: '2021-01-01' });
    expect(r.ok && r.value.written).toBe(1);
    const answers = await new SqlRegistry(get().db).lookup({ pins: ['20101198000501'], inns: [] });
    expect(answers.persons.get('20101198000501')?.record).toMatchObject({
      surname: 'Tab\there',
      givenName: 'Back\\slash',
      patronymic: 'Two\r\nlines',
    });
  });
});
