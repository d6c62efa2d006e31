// The comparison at its boundaries: a platform figure equal to the declaration is no finding, one som
// over is; a range whose least is within the declaration is no finding however high its most; supporter
// pages and advertisers linked to nobody; and the rate and its date are carried into the finding.
import { describe, expect, it } from 'vitest';
import { tyiyn } from '../../domain/money.ts';
import { compareAdSpend, type AdLink } from './comparison.ts';
import type { PeriodSpend, StoredReport } from './cumulative.ts';
import type { ExchangeRate } from './rates.ts';

const REPORT: StoredReport = {
  id: 1,
  source: 'meta',
  currency: 'USD',
  from: null,
  to: '2030-10-03',
  fileName: 'r.csv',
  sha256: 'a'.repeat(64),
};
const RATE: ExchangeRate = { date: '2030-10-02', currency: 'USD', rate: '80.0000' };
const PERIOD = { from: '2030-09-05', to: '2030-10-04' };

const spend = (key: string, minUsdCents: number, maxUsdCents = minUsdCents): PeriodSpend => ({
  key,
  name: key,
  pageId: null,
  disclaimer: null,
  source: 'meta',
  currency: 'USD',
  spend: { min: minUsdCents, max: maxUsdCents },
  ads: 1,
  end: REPORT,
  base: null,
  includesEarlier: false,
});
const own = (key: string, party = 'P'): AdLink => ({ key, party, kind: 'own', status: 'confirmed' });

function compare(spends: PeriodSpend[], links: AdLink[], declaredSom: number, rates = [RATE]) {
  return compareAdSpend({
    electionId: 'e',
    period: PERIOD,
    spends,
    links,
    rates,
    parties: ['P', 'Q'],
    declared: new Map([['P', tyiyn(declaredSom * 100)]]),
  });
}

describe('compareAdSpend', () => {
  it('finds nothing when the platforms’ figure equals the declaration', () => {
    // 1 000 USD at 80 som = 80 000 som.
    const c = compare([spend('a', 100_000)], [own('a')], 80_000);
    expect(c.parties[0]!.own).toMatchObject({ min: 8_000_000, max: 8_000_000 });
    expect(c.findings).toEqual([]);
  });

  it('finds undeclared spend one som over, with the difference and the rate used', () => {
    // 80 000 som declared, 1 000.0125 USD… not representable; 1 000 USD against 79 999 som instead.
    const c = compare([spend('a', 100_000)], [own('a')], 79_999);
    expect(c.findings).toHaveLength(1);
    expect(c.findings[0]).toMatchObject({
      id: 'ads.undeclared_spend:e:P',
      rule: 'ads.undeclared_spend',
      party: 'P',
      amount: 8_000_000,
      excess: 100,
      evidence: { declared: 7_999_900, difference: 100, rates: [RATE] },
    });
  });

  it('holds a range by its least: a high most alone is no finding', () => {
    const c = compare([spend('a', 0, 10_000), spend('b', 50_000, 60_000)], [own('a'), own('b')], 40_000);
    expect(c.parties[0]!.own).toMatchObject({ min: 4_000_000, max: 5_600_000 });
    expect(c.findings).toEqual([]);
    expect(compare([spend('b', 50_001, 60_000)], [own('b')], 40_000).findings.map((f) => f.excess)).toEqual([80]);
  });

  it('counts a party that filed nothing as declaring nothing', () => {
    const c = compare([spend('q', 100)], [own('q', 'Q')], 0);
    expect(c.findings[0]).toMatchObject({ party: 'Q', excess: 8_000, evidence: { filed: false } });
  });

  it('keeps supporter pages apart, and notes advertisers linked to nobody', () => {
    const links: AdLink[] = [
      { key: 's', party: 'P', kind: 'supporter', status: 'confirmed' },
      { key: 'r', party: 'P', kind: 'own', status: 'rejected' },
    ];
    const c = compare([spend('s', 0, 10_000), spend('r', 500)], links, 0);
    expect(c.parties[0]!.own.max).toBe(0);
    expect(c.parties[0]!.supporter).toMatchObject({ min: 0, max: 800_000 });
    expect(c.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['ads.third_party_spend', 'warning'],
      ['ads.unlinked_advertiser', 'notice'],
    ]);
    expect(c.unlinked.map((s) => s.key)).toEqual(['r']);
  });

  it('leaves out, and names, figures it has no rate for', () => {
    const c = compare([spend('a', 100_000)], [own('a')], 0, []);
    expect(c.parties[0]!.own).toMatchObject({ min: 0, max: 0, unconverted: ['a'] });
    expect(c.findings).toEqual([]);
  });
});
