// What the annual reports' pages share: their addresses and the words of each kind of line.
import type { Locale } from '../../domain/election.ts';
import type { Severity } from '../../compliance/index.ts';
import type { ReceiptChannel } from '../../filings/index.ts';
import type { AnnualDonorType, AnnualExpenditureCategory, AssetKind, LiabilityKind } from '../core/annual-report.ts';
import { t } from '../annual-reports.messages.ts';

const enc = encodeURIComponent;

/** Paths without the locale (for the language switcher); pages prefix `/${locale}`. */
export const annualPath = {
  party: (reg: string) => `/parties/${enc(reg)}/annual-reports`,
  year: (reg: string, year: number, version?: number) =>
    `/parties/${enc(reg)}/annual-reports/${year}${version === undefined ? '' : `?version=${version}`}`,
  donor: (id: string) => `/annual-reports/donors/${enc(id)}`,
  treasurer: '/treasurer/annual-reports',
};

/** Downloads have no locale: their content is data, not words. */
export const downloadPath = {
  json: (reg: string, year: number) => `/parties/${enc(reg)}/annual-reports/${year}/report.json`,
  csv: (reg: string, year: number) => `/parties/${enc(reg)}/annual-reports/${year}/donations.csv`,
};

export const donorTypeText = (l: Locale, k: AnnualDonorType) => t(l, `annual.donorType.${k}`);
export const channelText = (l: Locale, k: ReceiptChannel) => t(l, `annual.channel.${k}`);
export const categoryText = (l: Locale, k: AnnualExpenditureCategory) => t(l, `annual.category.${k}`);
export const assetText = (l: Locale, k: AssetKind) => t(l, `annual.asset.${k}`);
export const liabilityText = (l: Locale, k: LiabilityKind) => t(l, `annual.liability.${k}`);
export const severityText = (l: Locale, s: Severity) => t(l, `annual.severity.${s}`);
