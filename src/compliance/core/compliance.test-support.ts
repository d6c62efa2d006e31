// Builders for the rules' tests: a receipt, a report, a campaign and registry snapshots with sensible
// defaults, so that each test states only what it is about.
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import { findRulesProfile, type RulesProfile } from '../../domain/rules-profile.ts';
import type { Expenditure, Filing, Receipt, Refund } from '../../filings/index.ts';
import { analyseCampaign, registryQuery } from './analyse.ts';
import type { CampaignInput } from './campaign.ts';
import type { AnalysedFinding } from './finding.ts';
import { memoryRegistry, type RegistrySnapshots } from './memory-registry.ts';
import type {
  ArrearRecord,
  EntityRecord,
  PersonRecord,
  RegistryKind,
  SnapshotRef,
  StateBodyRecord,
} from './registry.ts';

export const SOM = 100;
export const somT = (n: number): Tyiyn => tyiyn(n * SOM);

export function kg2021(): RulesProfile {
  const p = findRulesProfile('kg-2021-parliament');
  if (!p) throw new Error('the 2021 profile ships with the platform');
  return p;
}

export const PIN_A = '11203198500011';
export const PIN_B = '20506197000022';
export const INN_A = '01001202110001';
export const INN_B = '01001202110002';

export const receipt = (lineId: string, over: Partial<Receipt> = {}): Receipt => ({
  lineId,
  date: '2021-11-01',
  donorType: 'individual',
  donorName: 'Токтогулова Чынара',
  donorPin: PIN_A,
  amount: somT(1_000),
  channel: 'bank_transfer',
  ...over,
});

export const entityReceipt = (lineId: string, over: Partial<Receipt> = {}): Receipt => {
  const { donorPin: _none, ...base } = receipt(lineId);
  return { ...base, donorType: 'legal_entity', donorName: 'ОсОО «Ала-Тоо Трейд»', donorInn: INN_A, ...over };
};

export const refund = (lineId: string, receiptLineId: string, amount: Tyiyn, over: Partial<Refund> = {}): Refund => ({
  lineId,
  date: '2021-11-20',
  receiptLineId,
  kind: 'returned_to_donor',
  reason: 'prohibited_donor',
  amount,
  ...over,
});

export const expenditure = (lineId: string, over: Partial<Expenditure> = {}): Expenditure => ({
  lineId,
  date: '2021-11-05',
  category: 'campaign_materials',
  payeeName: 'ОсОО «Жаңы Басма»',
  amount: somT(1_000),
  documentNumber: 'СФ-1',
  description: 'Листовки',
  ...over,
});

export interface ReportLines {
  receipts?: Receipt[];
  expenditures?: Expenditure[];
  refunds?: Refund[];
}

export function report(kind: Filing['header']['reportKind'], lines: ReportLines, periodFrom = '2021-10-20'): Filing {
  const sumOf = (xs: ReadonlyArray<{ amount: Tyiyn }>) => tyiyn(xs.reduce((s, x) => s + x.amount, 0));
  const receipts = lines.receipts ?? [];
  const expenditures = lines.expenditures ?? [];
  const refunds = lines.refunds ?? [];
  const totals = { receipts: sumOf(receipts), expenditures: sumOf(expenditures), refunds: sumOf(refunds) };
  return {
    format: 'talapker-filing-v1',
    header: {
      partyRegistrationNumber: 'PP-0001',
      electionId: 'parliament-2021',
      reportKind: kind,
      periodFrom,
      periodTo: '2021-12-05',
      account: { bank: 'Aiyl Bank', number: '1350100000000001' },
      openingBalance: tyiyn(0),
      closingBalance: tyiyn(totals.receipts - totals.expenditures - totals.refunds),
      totals,
      signer: { name: 'Асылбек Маматов', position: 'Treasurer' },
    },
    receipts,
    expenditures,
    refunds,
    attachments: [],
  };
}

export function campaign(reports: Filing[], over: Partial<CampaignInput> = {}): CampaignInput {
  return {
    election: 'parliament-2021',
    party: 'PP-0001',
    electionDay: '2021-11-28',
    electionStatus: 'campaign',
    today: '2021-11-15',
    reports: reports.map((filing) => ({ filing })),
    ...over,
  };
}

export const snapshotRef = (kind: RegistryKind): SnapshotRef => ({
  kind,
  id: `test:${kind}`,
  source: 'snapshot',
  asOf: '2021-11-01',
});

export const person = (over: Partial<PersonRecord> = {}): PersonRecord => ({
  pin: PIN_A,
  surname: 'Токтогулова',
  givenName: 'Чынара',
  patronymic: 'Асановна',
  birthDate: '1985-03-12',
  citizenship: 'KGZ',
  deathDate: null,
  ...over,
});

export const entity = (over: Partial<EntityRecord> = {}): EntityRecord => ({
  inn: INN_A,
  name: 'ОсОО «Ала-Тоо Трейд»',
  legalForm: 'commercial',
  registeredOn: '2010-04-01',
  liquidatedOn: null,
  foreignSharePct: 0,
  stateSharePct: 0,
  hasTaxPreferences: false,
  registeredCapital: somT(50_000_000),
  ...over,
});

export interface TestRegistries {
  persons?: PersonRecord[];
  entities?: EntityRecord[];
  arrears?: ArrearRecord[];
  stateBodies?: StateBodyRecord[];
}

/** Every registry consulted (empty unless given), as the snapshots of an imported registry would be. */
export function snapshots(r: TestRegistries = {}): RegistrySnapshots {
  return {
    persons: { ref: snapshotRef('persons'), records: r.persons ?? [person()] },
    entities: { ref: snapshotRef('entities'), records: r.entities ?? [entity()] },
    arrears: { ref: snapshotRef('arrears'), records: r.arrears ?? [] },
    stateBodies: { ref: snapshotRef('state-bodies'), records: r.stateBodies ?? [] },
  };
}

/** The whole analysis, as a store would run it. */
export function analyse(
  input: CampaignInput,
  registries: TestRegistries = {},
  profile: RulesProfile = kg2021(),
): AnalysedFinding[] {
  const answers = memoryRegistry(snapshots(registries)).answers(registryQuery(input));
  return analyseCampaign(input, answers, profile);
}

export const ofRule = (findings: readonly AnalysedFinding[], rule: string): AnalysedFinding[] =>
  findings.filter((f) => f.rule === rule);
