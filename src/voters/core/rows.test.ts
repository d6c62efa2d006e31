import { describe, expect, it } from 'vitest';
import { readHeader } from './csv-columns.ts';
import { splitCsvLine } from './csv-line.ts';
import { parseStationRow, STATION_COLUMNS } from './station-rows.ts';
import { parseVoterRow, VOTER_COLUMNS, VOTER_OPTIONAL_COLUMNS } from './voter-rows.ts';

const voterCols = (() => {
  const h = readHeader([...VOTER_COLUMNS], VOTER_COLUMNS, VOTER_OPTIONAL_COLUMNS);
  if (!h.ok) throw new Error('header');
  return h.value;
})();
const voterRow = (line: string) =>
  parseVoterRow(splitCsvLine(line) ?? [], voterCols, 2, '2026-11-01', (n) => n === '1001');

describe('import rows', () => {
  it('splits quoted cells and refuses an unclosed quote', () => {
    expect(splitCsvLine('a,"b, c","d ""e"""')).toEqual(['a', 'b, c', 'd "e"']);
    expect(splitCsvLine('a,"b')).toBeNull();
    expect(splitCsvLine('a,,c')).toEqual(['a', '', 'c']);
  });

  it('reads a voter and folds the surname', () => {
    const r = voterRow('11503199099001,Асанова,Айгүл,Бакыт кызы,1990-03-15,1001,1');
    expect(r.ok && r.value).toMatchObject({
      pin: '11503199099001',
      surnameKey: 'asanova',
      biometricRegistered: true,
      deathDate: null,
    });
  });

  it('rejects a bad PIN, day, station or flag with the line and the column', () => {
    const codes = [
      '1150319909900,Асанова,А,,1990-03-15,1001,1',
      '11503199099001,Асанова,А,,1990-02-30,1001,1',
      '11503199099001,Асанова,А,,1990-03-15,9999,1',
      '11503199099001,Асанова,А,,1990-03-15,1001,yes',
      '11503199099001,,А,,1990-03-15,1001,1',
    ].map((l) => {
      const r = voterRow(l);
      return r.ok ? 'ok' : `${r.error[0]?.code}@${r.error[0]?.row}:${r.error[0]?.field}`;
    });
    expect(codes).toEqual([
      'voter.pin_length@2:pin',
      'voter.birth_date@2:birth_date',
      'voter.station@2:station_number',
      'voter.biometric@2:biometric_registered',
      'voter.surname@2:surname',
    ]);
  });

  it('refuses a header with a missing or unknown column', () => {
    const h = readHeader(['pin', 'surname', 'nickname'], VOTER_COLUMNS);
    expect(h.ok ? [] : h.error.map((p) => p.code)).toContain('header.unknown_column');
    expect(h.ok ? [] : h.error.filter((p) => p.code === 'header.missing_column').length).toBe(5);
  });

  it('reads a station and reports every problem of a bad one', () => {
    const h = readHeader([...STATION_COLUMNS], STATION_COLUMNS);
    if (!h.ok) throw new Error('header');
    const good = parseStationRow(
      splitCsvLine(
        '7001,Москва,Москва,Moscow,"Москва, элчилик","Москва, посольство","Moscow, embassy",ru,Moscow,55.75,37.62,08:00–20:00,1,Abroad',
      ) ?? [],
      h.value,
      2,
    );
    expect(good.ok && good.value).toMatchObject({ number: '7001', country: 'RU', lat: 55.75, accessible: true });
    const bad = parseStationRow(splitCsvLine('7002,,,,,,,Russia,,95,,,maybe,') ?? [], h.value, 3);
    expect(bad.ok ? [] : bad.error.map((p) => p.code)).toEqual([
      'station.name_missing',
      'station.address_missing',
      'station.country',
      'station.city',
      'station.coordinate',
      'station.accessible',
    ]);
  });
});
