// Every published vector of both Rivest samplers, read from the copied fixture files, plus the
// properties that make the consistent sampler fit for a public ballot-order draw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstFraction,
  firstTicket,
  nextFraction,
  nextTicket,
  rivest2011Sample,
  sampler,
  sha256Hex,
  sha256Uniform,
  shuffle,
  trim,
  type Ticket,
} from './sampler.ts';
import {
  consistentVectors,
  expectedOutput,
  rivest2011Vectors,
  type SamplerVector,
  vectorIds,
} from '../lottery.test-support.ts';

function runVector(v: SamplerVector): unknown[] {
  const tickets = sampler(vectorIds(v.ids), String(v.seed), {
    withReplacement: v.with_replacement,
    drop: v.drop,
    take: v.take ?? undefined,
    digits: v.digits,
  });
  return [...tickets].map((t) => (v.output === 'id' ? t.id : [t.ticketNumber, t.id, t.generation]));
}

describe('consistent sampler: published primitives', () => {
  it('covers every primitive in the fixture', () => {
    expect(consistentVectors.primitives_published.map((p) => p.fn)).toEqual([
      'sha256_hex',
      'sha256_uniform',
      'first_fraction',
      'next_fraction',
      'next_ticket',
      'trim',
      'first_ticket for each id',
    ]);
  });

  for (const p of consistentVectors.primitives_published) {
    it(`${p.fn} ${JSON.stringify(p.input ?? p.id ?? p.ids)}`, () => {
      switch (p.fn) {
        case 'sha256_hex':
          expect(sha256Hex(p.input as string)).toBe(p.expected);
          break;
        case 'sha256_uniform':
          expect(sha256Uniform(p.input as string)).toBe(p.expected);
          break;
        case 'first_fraction':
          expect(firstFraction(p.id!, p.seed!)).toBe(p.expected);
          break;
        case 'next_fraction':
          expect(nextFraction(p.input as string)).toBe(p.expected);
          break;
        case 'next_ticket': {
          const t = p.input as { ticket_number: string; id: string; generation: number };
          const next = nextTicket({ ticketNumber: t.ticket_number, id: t.id, generation: t.generation });
          const e = p.expected as typeof t;
          expect(next).toEqual({ ticketNumber: e.ticket_number, id: e.id, generation: e.generation });
          break;
        }
        case 'trim':
          expect(trim(p.input as string, p.digits!)).toBe(p.expected);
          break;
        case 'first_ticket for each id': {
          const got = Object.fromEntries(p.ids!.map((id) => [id, firstTicket(id, p.seed!).ticketNumber]));
          expect(got).toEqual(p.expected);
          break;
        }
        default:
          throw new Error(`no test for published primitive ${p.fn}`);
      }
    });
  }
});

describe('consistent sampler: published samples', () => {
  for (const [i, v] of consistentVectors.sampler_published.entries()) {
    const what = `${v.with_replacement ? 'with' : 'without'} replacement, drop ${v.drop}, take ${v.take ?? 'all'}, digits ${v.digits}`;
    it(`#${i + 1} seed ${v.seed}, ${what}`, () => {
      expect(runVector(v)).toEqual(expectedOutput(v));
    });
  }

  it('draw_with_replacement doctest of consistent_sampler.py: next ticket of a generation-2 ticket', () => {
    expect(nextTicket({ ticketNumber: '0.234', id: 'x', generation: 2 })).toEqual({
      ticketNumber: '0.547830802749402616364646686795722512609112766306951592422621788875312684400211',
      id: 'x',
      generation: 3,
    });
  });
});

describe('Rivest 2011 sampler', () => {
  for (const { data, expected } of rivest2011Vectors.tests) {
    it(`seed ${JSON.stringify(data.seed)}: ${data.count} from 1..${data.total} with duplicates allowed`, () => {
      const got = rivest2011Sample({ seed: data.seed, a: 1, b: data.total, n: data.count, withReplacement: true });
      expect(got).toEqual({ previous: [], sample: expected });
    });
  }

  // The transcript in the docstring of Rivest's sampler.py: pick 32 (611) repeats pick 8 and is rejected.
  const transcriptSeed = '3546311556112163624615351222';
  const transcript = [
    740, 180, 264, 789, 238, 448, 272, 611, 761, 208, 596, 88, 160, 113, 766, 427, 184, 816, 653, 411, 779, 331, 339,
    487, 594, 235, 65, 527, 821, 490, 461, 251, 471, 414, 174, 567, 300, 134, 144, 357, 786, 792, 218, 550, 787, 537,
    197,
  ];
  it('reproduces the reference transcript without replacement (a duplicate rejected)', () => {
    const got = rivest2011Sample({ seed: transcriptSeed, a: 1, b: 876, n: 47, withReplacement: false });
    expect(got.sample).toEqual(transcript);
  });

  it('expands an earlier sample: the first `skip` picks come back as the previous sample', () => {
    const got = rivest2011Sample({ seed: transcriptSeed, a: 1, b: 876, n: 47, withReplacement: false, skip: 21 });
    expect(got.previous).toEqual(transcript.slice(0, 21));
    expect(got.sample).toEqual(transcript.slice(21));
  });
});

describe('input rules', () => {
  it('hashes NFC: a decomposed Kyrgyz letter gives the same ticket as the composed one', () => {
    const composed = 'Өнүгүү'; // U+04E8 … U+04AF
    const decomposed = composed.normalize('NFD');
    expect(firstFraction(decomposed, 'seed')).toBe(firstFraction(composed, 'seed'));
  });

  it('refuses duplicate ids, including two spellings of one NFC form', () => {
    expect(() => shuffle(['a', 'b', 'a'], '1')).toThrow(/duplicate ids: a/);
    expect(() => shuffle(['é', 'e\u0301'], '1')).toThrow(/duplicate/);
  });

  it('refuses text with a lone surrogate', () => {
    expect(() => shuffle(['\ud800'], '1')).toThrow(/well-formed/);
  });

  it('a truncated ticket keeps its leading 9s plus `digits` digits', () => {
    expect(trim('0.999', 2)).toBe('0.999');
    expect(trim('0.12345', 0)).toBe('0.');
  });
});

// Property tests: what a draw needs from the sampler, whatever the ids and seed.
const idList = fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), {
  minLength: 1,
  maxLength: 25,
  selector: (s) => s.normalize('NFC'),
});
const seed = fc.string({ unit: 'grapheme', maxLength: 30 });
const idsOf = (tickets: Ticket[]): string[] => tickets.map((t) => t.id);

describe('consistent sampler: properties', () => {
  it('the order is a permutation of the ids, in ascending full-precision ticket', () => {
    fc.assert(
      fc.property(idList, seed, (ids, s) => {
        const tickets = shuffle(ids, s);
        expect([...idsOf(tickets)].sort()).toEqual([...ids].sort());
        for (let i = 1; i < tickets.length; i++) {
          expect(tickets[i - 1]!.ticketNumber < tickets[i]!.ticketNumber).toBe(true);
        }
      }),
    );
  });

  it('removing one participant leaves the relative order of the others unchanged', () => {
    fc.assert(
      fc.property(idList, seed, fc.nat(), (ids, s, k) => {
        const removed = ids[k % ids.length]!;
        const rest = ids.filter((id) => id !== removed);
        const full = idsOf(shuffle(ids, s)).filter((id) => id !== removed);
        expect(idsOf(shuffle(rest, s))).toEqual(full);
      }),
    );
  });

  it('the same seed and list give the same result, in whatever order the list was typed', () => {
    fc.assert(
      fc.property(idList, seed, (ids, s) => {
        const once = shuffle(ids, s);
        expect(shuffle(ids, s)).toEqual(once);
        expect(shuffle([...ids].reverse(), s)).toEqual(once);
      }),
    );
  });

  it('with replacement, each id gets strictly larger tickets generation by generation', () => {
    fc.assert(
      fc.property(idList, seed, (ids, s) => {
        const last = new Map<string, Ticket>();
        for (const t of sampler(ids, s, { withReplacement: true, take: 3 * ids.length, digits: 'full' })) {
          const before = last.get(t.id);
          expect(t.generation).toBe((before?.generation ?? 0) + 1);
          if (before) expect(t.ticketNumber > before.ticketNumber).toBe(true);
          last.set(t.id, t);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('drop and take cut the same stream', () => {
    fc.assert(
      fc.property(idList, seed, fc.nat(10), fc.nat(10), (ids, s, drop, take) => {
        const all = [...sampler(ids, s, { withReplacement: true, take: drop + take })];
        expect([...sampler(ids, s, { withReplacement: true, drop, take })]).toEqual(all.slice(drop));
      }),
      { numRuns: 30 },
    );
  });

  it('next_fraction always lands strictly between x and 1', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789999'), maxLength: 40 }), (digits) => {
        const x = `0.${digits}`;
        const y = nextFraction(x);
        expect(y > `${x}0`).toBe(true);
        expect(y.startsWith('0.')).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
