// Test support shared by the lottery tests: the published sampler vectors (copied into
// test/fixtures/lottery, see PROVENANCE.md) in our shapes, and one realistic draw input.
import { readFileSync } from 'node:fs';
import type { DrawInput, StruckSeedPart } from './core/draw.ts';

export interface PrimitiveVector {
  fn: string;
  input?: unknown;
  id?: string;
  ids?: string[];
  seed?: string;
  digits?: number;
  expected: unknown;
}

export interface SamplerVector {
  ids: string[] | string;
  seed: number | string;
  with_replacement: boolean;
  drop: number;
  take: number | null;
  digits: number;
  output: 'id' | 'tuple';
  expected: unknown[];
}

export interface Rivest2011Vector {
  notes?: string[];
  data: { count: number; seed: string; total: number };
  expected: number[];
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/lottery/${name}`, import.meta.url), 'utf8'));

export const consistentVectors = fixture('consistent_sampler_vectors.json') as {
  primitives_published: PrimitiveVector[];
  sampler_published: SamplerVector[];
};

export const rivest2011Vectors = fixture('rivest_sampler_2011_tests.json') as { tests: Rivest2011Vector[] };

/** The fixtures describe Python int ids in words; str() turns them into '0', '1', … */
export function vectorIds(ids: string[] | string): string[] {
  if (Array.isArray(ids)) return ids;
  const m = /^integers (\d+)\.\.(\d+)/.exec(ids);
  if (!m) throw new Error(`unknown id description: ${ids}`);
  const [from, to] = [Number(m[1]), Number(m[2])];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** A vector's expected output in our shape: ids as strings, tuples as [ticket, id, generation]. */
export function expectedOutput(v: SamplerVector): unknown[] {
  return v.expected.map((e) => {
    if (v.output === 'id') return String(e);
    const [ticket, id, generation] = e as [string, string | number, number];
    return [ticket, String(id), generation];
  });
}

/** A parliamentary draw: 14 parties (fictional names, registration-number ids), three observers' rolls. */
export const sampleDrawInput: DrawInput = {
  election: { id: 'parliament-2026', name: 'Жогорку Кеңешке шайлоо 2026' },
  participants: [
    ['1021-3301-ПП', 'Жаңы Күч'],
    ['1045-3301-ПП', 'Өнүгүү жолу'],
    ['1102-3301-ПП', 'Түндүк Шамал'],
    ['1187-3301-ПП', 'Элдик Биримдик'],
    ['1203-3301-ПП', 'Көк Асман'],
    ['1256-3301-ПП', 'Мекен Үнү'],
    ['1301-3301-ПП', 'Ынтымак'],
    ['1322-3301-ПП', 'Тоолор жана Өрөөндөр'],
    ['1398-3301-ПП', 'Жаштардын тандоосу'],
    ['1410-3301-ПП', 'Айыл чарба биримдиги'],
    ['1477-3301-ПП', 'Таза Суу'],
    ['1502-3301-ПП', 'Санарип Келечек'],
    ['1533-3301-ПП', 'Мыйзам жана Адилеттүүлүк'],
    ['1590-3301-ПП', 'Эмгекчилер партиясы'],
  ].map(([id, name]) => ({ id: id ?? '', name: name ?? '' })),
  frozenAt: '2026-10-01T09:00:00+06:00',
  seedParts: [
    { observer: 'Observer of party 1021-3301-ПП', digits: '8063147' },
    { observer: 'Observer of the OSCE/ODIHR mission', digits: '2957510' },
    { observer: 'Member of the CEC', digits: '4418926' },
  ],
  fixedLines: [{ label: 'Баарына каршы / Против всех', position: 'after-parties' }],
  drawnAt: '2026-10-01T10:30:00+06:00',
};

/** A roll of sampleDrawInput's first observer typed with two digits swapped, and struck before the draw. */
export const sampleStruckRoll: StruckSeedPart = {
  observer: 'Observer of party 1021-3301-ПП',
  digits: '8063174',
  reason: 'Two digits swapped when typing; entered again',
  struckAt: '2026-10-01T10:05:00+06:00',
};
