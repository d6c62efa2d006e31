import { describe, expect, it } from 'vitest';
import { memoryRegistry } from './memory-registry.ts';
import { csvRows, parseRegistryCsv, REGISTRY_HEADERS } from './registry-csv.ts';
import { snapshotRef } from './compliance.test-support.ts';

const file = (kind: keyof typeof REGISTRY_HEADERS, ...rows: string[]) =>
  [REGISTRY_HEADERS[kind].join(','), ...rows].join('\n');

describe('csvRows', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM, and skips blank lines', () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n';
    expect([...csvRows(text)]).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['two\nlines', 'z'] },
    ]);
  });

  it('numbers rows by the line they start on, after a multi-line field', () => {
    expect([...csvRows('"a\nb",c\nd,e')].map((r) => r.line)).toEqual([1, 3]);
  });
});

describe('parseRegistryCsv', () => {
  it('reads persons, with empty patronymic and death date as none', () => {
    const r = parseRegistryCsv(
      'persons',
      file(
        'persons',
        '11203198500011,Токтогулова,Чынара,,1985-03-12,KGZ,',
        '20101198000033,Каримов,Арман,Ж,1980-01-01,STATELESS,2021-06-01',
      ),
    );
    expect(r.ok && r.value.rejected).toEqual([]);
    expect(r.ok && r.value.records[0]).toEqual({
      pin: '11203198500011',
      surname: 'Токтогулова',
      givenName: 'Чынара',
      patronymic: null,
      birthDate: '1985-03-12',
      citizenship: 'KGZ',
      deathDate: null,
    });
    expect(r.ok && r.value.records[1]?.deathDate).toBe('2021-06-01');
  });

  it('rejects bad rows one by one, with line, column and reason, and keeps the good ones', () => {
    const r = parseRegistryCsv(
      'persons',
      file(
        'persons',
        '1120319850001,Токтогулова,Чынара,,1985-03-12,KGZ,',
        '11203198500011,Токтогулова,Чынара,,1985-02-30,KG,',
        '11203198500011,,Чынара,,1985-03-12,KGZ',
        '20101198000033,Каримов,Арман,,1980-01-01,STATELESS,1979-01-01',
        '20404198800077,Жээнбеков,Азамат,,1988-04-04,KGZ,',
      ),
    );
    if (!r.ok) throw new Error('header is right');
    expect(r.value.records.map((p) => p.pin)).toEqual(['20404198800077']);
    expect(r.value.rejected.map((p) => [p.row, p.field ?? null, p.code])).toEqual([
      [2, 'pin', 'registry.row.field'],
      [3, 'birth_date', 'registry.row.field'],
      [3, 'citizenship', 'registry.row.field'],
      [4, null, 'registry.row.columns'],
      [5, 'death_date', 'registry.row.field'],
    ]);
    expect(r.value.rejected[0]?.message).toContain('line 2, pin');
  });

  it('reads entities: forms, shares with decimals, preferences 0/1, capital in tyiyn', () => {
    const r = parseRegistryCsv(
      'entities',
      file(
        'entities',
        '01001202110005,"ОАО ""Токмок Энерго""",commercial,2003-03-03,,12.5,30,1,800000000',
        '01001202110006,Бизнес,shop,2003-03-03,,0,0,0,1',
        '01001202110007,Бизнес,commercial,2003-03-03,2002-01-01,101,0,2,1.5',
      ),
    );
    if (!r.ok) throw new Error('header is right');
    expect(r.value.records).toEqual([
      {
        inn: '01001202110005',
        name: 'ОАО "Токмок Энерго"',
        legalForm: 'commercial',
        registeredOn: '2003-03-03',
        liquidatedOn: null,
        foreignSharePct: 12.5,
        stateSharePct: 30,
        hasTaxPreferences: true,
        registeredCapital: 800000000,
      },
    ]);
    expect(r.value.rejected.map((p) => `${p.row}:${p.field}`)).toEqual([
      '3:legal_form',
      '4:foreign_share_pct',
      '4:has_tax_preferences',
      '4:registered_capital',
    ]);
    // The dates are compared once the row's fields are readable.
    const dates = parseRegistryCsv(
      'entities',
      file('entities', '01001202110007,Бизнес,ngo,2003-03-03,2002-01-01,0,0,0,1'),
    );
    expect(dates.ok && dates.value.rejected.map((p) => p.field)).toEqual(['liquidated_on']);
  });

  it('reads arrears and state bodies', () => {
    const arrears = parseRegistryCsv(
      'arrears',
      file('arrears', '01001202110011,social_fund,4500000,2021-10-15', 'x,tax,1,2021-01-01'),
    );
    expect(arrears.ok && arrears.value.records).toEqual([
      { identifier: '01001202110011', kind: 'social_fund', amount: 4500000, asOf: '2021-10-15' },
    ]);
    expect(arrears.ok && arrears.value.rejected[0]?.row).toBe(3);
    const bodies = parseRegistryCsv(
      'state-bodies',
      file('state-bodies', '02001202110002,Воинская часть 12345,military_unit', '02001202110003,Суд,tribunal'),
    );
    expect(bodies.ok && bodies.value.records).toEqual([
      { inn: '02001202110002', name: 'Воинская часть 12345', kind: 'military_unit' },
    ]);
    expect(bodies.ok && bodies.value.rejected[0]?.field).toBe('kind');
  });

  it('refuses a file whose header is not the format’s', () => {
    const r = parseRegistryCsv('arrears', 'identifier,kind,amount\n1,tax,1');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error[0]?.code).toBe('registry.header');
    expect(parseRegistryCsv('arrears', '').ok).toBe(false);
  });
});

describe('memoryRegistry', () => {
  it('answers only what was asked, keeps every arrears record, and lists what it consulted', async () => {
    const port = memoryRegistry({
      stateBodies: { ref: snapshotRef('state-bodies'), records: [{ inn: '02', name: 'Суд', kind: 'court' }] },
      arrears: {
        ref: snapshotRef('arrears'),
        records: [
          { identifier: '01', kind: 'tax', amount: 5 as never, asOf: '2021-01-01' },
          { identifier: '01', kind: 'social_fund', amount: 6 as never, asOf: '2021-02-01' },
        ],
      },
    });
    const a = await port.lookup({ pins: [], inns: ['01', '02', '03'] });
    expect(a.arrears.get('01')).toHaveLength(2);
    expect([...a.stateBodies.keys()]).toEqual(['02']);
    expect(a.persons.size).toBe(0);
    expect(a.consulted.map((s) => s.kind)).toEqual(['arrears', 'state-bodies']);
  });
});
