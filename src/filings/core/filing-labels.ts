// Words for the filing format in ky, ru and en: a label for every enum value, for every section and field,
// and the category groupings the CEC publishes (domain notes §3). Pages, the XLSX template, the importer
// (which accepts these labels back) and the problem messages all take their words from here.
import type { Locale, Localized } from '../../domain/election.ts';
import type { ReportKind } from '../../domain/rules-profile.ts';
import type {
  DonorType,
  ExpenditureCategory,
  LineSection,
  ReceiptChannel,
  RefundKind,
  RefundReason,
} from './filing.ts';
import { expenditureCategorySchema } from './filing.ts';
import labels from './filing-labels.json' with { type: 'json' };

export const donorTypeLabels: Record<DonorType, Localized> = labels.donorType;

export const receiptChannelLabels: Record<ReceiptChannel, Localized> = labels.receiptChannel;

export const expenditureCategoryLabels: Record<ExpenditureCategory, Localized> = labels.expenditureCategory;

export const reportKindLabels: Record<ReportKind, Localized> = labels.reportKind;

export const refundKindLabels: Record<RefundKind, Localized> = labels.refundKind;

export const refundReasonLabels: Record<RefundReason, Localized> = labels.refundReason;

export const sectionLabels: Record<LineSection | 'header' | 'attachments', Localized> = labels.section;

/**
 * Labels of fields, keyed by the last one or two segments of their path ("account.number" before
 * "number"). Line fields double as the column headers of the XLSX template and the CSV import.
 */
export const fieldLabels: Record<string, Localized> = labels.field;

/** The label of a field path such as `receipts[3].amount` or `header.account.number`; the path itself if unknown. */
export function fieldLabel(path: string, locale: Locale): string {
  const segments = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s !== '');
  const lastTwo = segments.slice(-2).join('.');
  const last = segments.at(-1) ?? '';
  return (fieldLabels[lastTwo] ?? fieldLabels[last])?.[locale] ?? path;
}

// ---- Receipt categories: the CEC publishes receipts by source, which the donor type determines. ----

export const RECEIPT_CATEGORIES = [
  'own_funds',
  'party_funds',
  'donations_individuals',
  'donations_legal_entities',
  'refunds_of_erroneous_payments',
  'other',
] as const;
export type ReceiptCategory = (typeof RECEIPT_CATEGORIES)[number];

export const receiptCategoryLabels: Record<ReceiptCategory, Localized> = labels.receiptCategory;

/** Whose electoral fund the report is about: the same donor type falls in a different CEC category. */
export type FundHolder = 'party' | 'candidate';

/**
 * The CEC receipt category of a donor type. v1 has no donor type for refunds paid in error, so filers
 * report them as 'other' and `refunds_of_erroneous_payments` is listed for the published tables only.
 */
export function receiptCategoryOf(donorType: DonorType, holder: FundHolder = 'party'): ReceiptCategory {
  switch (donorType) {
    case 'individual':
      return 'donations_individuals';
    case 'legal_entity':
      return 'donations_legal_entities';
    case 'party_own_funds':
      return holder === 'party' ? 'own_funds' : 'party_funds';
    case 'candidate_own_funds':
      // Candidates on a party list open no fund of their own (domain notes §2): money they give to the
      // party's fund is a citizen's donation.
      return holder === 'candidate' ? 'own_funds' : 'donations_individuals';
    case 'other':
      return 'other';
  }
}

// ---- Expenditure groups: the CEC's headings, each with the categories it adds up. ----

export const EXPENDITURE_GROUPS = [
  'election_deposit',
  'state_services',
  'services',
  'campaign_materials',
  'advertising',
  'transport',
  'other',
  'refund_of_erroneous_payment',
] as const;
export type ExpenditureGroup = (typeof EXPENDITURE_GROUPS)[number];

function categoriesStartingWith(prefix: string): ExpenditureCategory[] {
  return expenditureCategorySchema.options.filter((c) => c.startsWith(prefix));
}

export const expenditureCategoryGroups: Record<ExpenditureGroup, readonly ExpenditureCategory[]> = {
  election_deposit: ['election_deposit'],
  state_services: ['state_services'],
  // The categories in the order the schema lists them, so that a new one is grouped where it belongs.
  services: categoriesStartingWith('services_'),
  // The accessible materials are a separate figure *within* campaign materials, so both add up here.
  campaign_materials: ['campaign_materials', 'campaign_materials_accessible'],
  advertising: categoriesStartingWith('advertising_'),
  transport: ['transport'],
  other: ['other'],
  refund_of_erroneous_payment: ['refund_of_erroneous_payment'],
};

export const expenditureGroupLabels: Record<ExpenditureGroup, Localized> = labels.expenditureGroup;

export function expenditureGroupOf(category: ExpenditureCategory): ExpenditureGroup {
  for (const group of EXPENDITURE_GROUPS) {
    if (expenditureCategoryGroups[group].includes(category)) return group;
  }
  // Unreachable while the test "every category is in exactly one group" passes.
  throw new Error(`expenditure category without a group: ${category}`);
}

/** Every enum of the format with its labels, for the template's drop-down lists and the importer. */
export const enumLabels = {
  donorType: donorTypeLabels,
  channel: receiptChannelLabels,
  category: expenditureCategoryLabels,
  kind: refundKindLabels,
  reason: refundReasonLabels,
  reportKind: reportKindLabels,
} as const;
