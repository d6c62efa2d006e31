// The comparison the commission and journalists look at: per party, what the platforms say was spent
// on its ads during the period (its own pages, and separately the pages the commission linked to it as
// supporters), in som, against the online advertising the party declared for the same days. Pure.
//
// Findings (shaped like the compliance capability's, with stable ids):
//   ads.undeclared_spend   warning  even the lower bound of the own pages' spend exceeds the declaration;
//                                   `excess` is the difference in tyiyn, the evidence names every rate;
//   ads.third_party_spend  warning  pages linked as supporters spent for the party (any upper bound > 0);
//   ads.unlinked_advertiser notice  an advertiser of the country's reports the commission has linked to
//                                   no party.
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import { formatMinor } from './ad-report.ts';
import type { Period, PeriodSpend } from './cumulative.ts';
import { rateOn, toSom, type ExchangeRate, type SomRange } from './rates.ts';

export type LinkKind = 'own' | 'supporter';
export type LinkStatus = 'confirmed' | 'rejected';

export interface AdLink {
  key: string;
  party: string;
  kind: LinkKind;
  status: LinkStatus;
}

export interface ConvertedSpend extends PeriodSpend {
  /** Null when no rate of the currency was published on or before the report's last day. */
  som: SomRange | null;
}

export interface SomTotal {
  min: Tyiyn;
  max: Tyiyn;
  /** Every rate used, one per currency and date. */
  rates: ExchangeRate[];
  /** Advertisers whose figures could not be converted (no rate): left out of min and max. */
  unconverted: string[];
}

export interface PartyAdSpend {
  party: string;
  own: SomTotal;
  supporter: SomTotal;
  /** The party's declared online advertising during the period. */
  declared: Tyiyn;
  /** Whether the party filed any report at all. */
  filed: boolean;
  ownAdvertisers: ConvertedSpend[];
  supporterAdvertisers: ConvertedSpend[];
}

export const AD_RULES = ['ads.undeclared_spend', 'ads.third_party_spend', 'ads.unlinked_advertiser'] as const;
export type AdRule = (typeof AD_RULES)[number];

export interface AdFinding {
  id: string;
  rule: AdRule;
  severity: 'warning' | 'notice';
  election: string;
  /** Empty for an advertiser linked to nobody. */
  party: string;
  amount?: Tyiyn;
  excess?: Tyiyn;
  evidence: Record<string, unknown>;
}

export interface ComparisonInput {
  electionId: string;
  period: Period;
  spends: readonly PeriodSpend[];
  links: readonly AdLink[];
  rates: readonly ExchangeRate[];
  parties: readonly string[];
  /** Declared online advertising per party that filed; a party absent here filed nothing. */
  declared: ReadonlyMap<string, Tyiyn>;
}

export interface Comparison {
  parties: PartyAdSpend[];
  unlinked: ConvertedSpend[];
  findings: AdFinding[];
}

export function convertSpend(s: PeriodSpend, rates: readonly ExchangeRate[]): ConvertedSpend {
  const rate = rateOn(rates, s.currency, s.end.to);
  return { ...s, som: rate ? toSom(s.spend, rate) : null };
}

export function somTotal(spends: readonly ConvertedSpend[]): SomTotal {
  let min = 0;
  let max = 0;
  const rates = new Map<string, ExchangeRate>();
  const unconverted: string[] = [];
  for (const s of spends) {
    if (!s.som) {
      unconverted.push(s.key);
      continue;
    }
    min += s.som.min;
    max += s.som.max;
    rates.set(`${s.som.rate.currency} ${s.som.rate.date}`, s.som.rate);
  }
  return { min: tyiyn(min), max: tyiyn(max), rates: [...rates.values()], unconverted };
}

const advertiserEvidence = (s: ConvertedSpend) => ({
  key: s.key,
  name: s.name,
  currency: s.currency,
  spend: { min: formatMinor(s.spend.min), max: formatMinor(s.spend.max) },
  som: s.som ? { min: s.som.min, max: s.som.max } : null,
  rate: s.som ? s.som.rate : null,
  report: { file: s.end.fileName, sha256: s.end.sha256, from: s.end.from, to: s.end.to },
  base: s.base ? { file: s.base.fileName, sha256: s.base.sha256, to: s.base.to } : null,
  includesEarlier: s.includesEarlier,
});

/** Confirmed links only, one per advertiser and party. */
function confirmedLinks(links: readonly AdLink[]): AdLink[] {
  return links.filter((l) => l.status === 'confirmed');
}

export function compareAdSpend(input: ComparisonInput): Comparison {
  const converted = input.spends.map((s) => convertSpend(s, input.rates));
  const links = confirmedLinks(input.links);
  const linkedKeys = new Set(links.map((l) => l.key));
  const findings: AdFinding[] = [];
  const parties: PartyAdSpend[] = input.parties.map((party) => {
    const of = (kind: LinkKind) =>
      converted.filter((s) => links.some((l) => l.key === s.key && l.party === party && l.kind === kind));
    const ownAdvertisers = of('own');
    const supporterAdvertisers = of('supporter');
    const own = somTotal(ownAdvertisers);
    const supporter = somTotal(supporterAdvertisers);
    const declared = input.declared.get(party) ?? tyiyn(0);
    const filed = input.declared.has(party);
    const common = { period: input.period, declared, filed };
    if (own.min > declared) {
      findings.push({
        id: `ads.undeclared_spend:${input.electionId}:${party}`,
        rule: 'ads.undeclared_spend',
        severity: 'warning',
        election: input.electionId,
        party,
        amount: own.min,
        excess: tyiyn(own.min - declared),
        evidence: {
          ...common,
          platformMin: own.min,
          platformMax: own.max,
          difference: own.min - declared,
          rates: own.rates,
          unconverted: own.unconverted,
          advertisers: ownAdvertisers.map(advertiserEvidence),
        },
      });
    }
    if (supporter.max > 0) {
      findings.push({
        id: `ads.third_party_spend:${input.electionId}:${party}`,
        rule: 'ads.third_party_spend',
        severity: 'warning',
        election: input.electionId,
        party,
        amount: supporter.max,
        evidence: {
          ...common,
          platformMin: supporter.min,
          platformMax: supporter.max,
          rates: supporter.rates,
          unconverted: supporter.unconverted,
          advertisers: supporterAdvertisers.map(advertiserEvidence),
        },
      });
    }
    return { party, own, supporter, declared, filed, ownAdvertisers, supporterAdvertisers };
  });
  const unlinked = converted.filter((s) => !linkedKeys.has(s.key));
  for (const s of unlinked)
    findings.push({
      id: `ads.unlinked_advertiser:${input.electionId}:${s.key}`,
      rule: 'ads.unlinked_advertiser',
      severity: 'notice',
      election: input.electionId,
      party: '',
      ...(s.som ? { amount: s.som.max } : {}),
      evidence: { period: input.period, advertiser: advertiserEvidence(s) },
    });
  return { parties, unlinked, findings };
}
