// Helpers for the annual reports' tests: a context with a clock in 2024 (so 2022 and 2023 are over and
// 2023's deadline has not passed), a party, and a document builder whose totals and cash add up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import { loadConfig } from '../platform/config.ts';
import { LocalBlobStore } from '../platform/blobs/local-blob-store.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import { ensureParty } from '../accounts/test-support.ts';
import { ANNUAL_REPORT_FORMAT, type AnnualReportInput } from './core/annual-report.ts';

export const ANNUAL_PARTY = 'AR-0001';
/** A donor's PIN: it must never appear in anything public. */
export const DONOR_PIN = '21503198500777';
export const DONOR_ADDRESS = 'Бишкек, ул. Секретная, 7, кв. 3';
export const STATE_BODY_INN = '02803199910011';

type DonationInput = AnnualReportInput['receipts']['donations'][number];

export const donation = (lineId: string, date: string, over: Partial<DonationInput> = {}): DonationInput => ({
  lineId,
  date,
  donorType: 'individual',
  donorName: 'Асанов Бакыт Маратович',
  donorPin: DONOR_PIN,
  donorAddress: DONOR_ADDRESS,
  amount: 5_000_000,
  channel: 'bank_transfer',
  ...over,
});

export interface DocumentOptions {
  party?: string;
  year?: number;
  opening?: number;
  dues?: number;
  donations?: DonationInput[];
  stateFunding?: number;
  other?: number;
  expenditures?: AnnualReportInput['expenditures'];
  liabilities?: AnnualReportInput['liabilities'];
}

/** A consistent document: every total the sum of its lines, closing cash the cash among the assets. */
export function annualDocument(o: DocumentOptions = {}): AnnualReportInput {
  const year = o.year ?? 2023;
  const donations = o.donations ?? [donation('D-1', `${year}-03-15`)];
  const dues = o.dues ?? 12_000_000;
  const state = o.stateFunding ?? 0;
  const other = o.other ?? 0;
  const expenditures = o.expenditures ?? [
    { category: 'staff', amount: 9_000_000 },
    { category: 'rent_and_utilities', amount: 3_000_000, description: 'Office in Bishkek' },
  ];
  const liabilities = o.liabilities ?? [{ kind: 'payables', amount: 150_000 }];
  const opening = o.opening ?? 1_000_000;
  const receipts = dues + donations.reduce((s, d) => s + d.amount, 0) + state + other;
  const spent = expenditures.reduce((s, e) => s + e.amount, 0);
  const closing = opening + receipts - spent;
  const assets = [
    { kind: 'cash' as const, amount: closing },
    { kind: 'equipment' as const, amount: 2_500_000 },
  ];
  return {
    format: ANNUAL_REPORT_FORMAT,
    header: {
      partyRegistrationNumber: o.party ?? ANNUAL_PARTY,
      year,
      signer: { name: 'Токтогулова Айгүл', position: 'Treasurer' },
    },
    cash: { opening, closing },
    receipts: {
      membershipDues: dues,
      donations,
      stateFunding: state,
      other,
      ...(other > 0 ? { otherDescription: 'Sales of the party newspaper' } : {}),
    },
    expenditures,
    assets,
    liabilities,
    totals: {
      receipts,
      expenditures: spent,
      assets: assets.reduce((s, a) => s + a.amount, 0),
      liabilities: liabilities.reduce((s, a) => s + a.amount, 0),
    },
  };
}

export interface AnnualTestContext {
  ctx: AppContext;
  close(): void;
}

/** A context over the database with a clock on 10 February 2024 that a test may move on. */
export function annualTestContext(
  db: Kysely<Database>,
  env: Record<string, string> = {},
): AnnualTestContext & { setNow(iso: string): void } {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-annual-'));
  let now = new Date('2024-02-10T06:00:00Z');
  const ctx: AppContext = {
    db,
    blobs: new LocalBlobStore(join(dir, 'blobs')),
    config: loadConfig({ TALAPKER_DATA_DIR: dir, ...env }),
    now: () => now,
    events: new EventBus(),
    memo: new Memo(),
  };
  return {
    ctx,
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function setupAnnualParty(ctx: AppContext, party = ANNUAL_PARTY): Promise<void> {
  await ensureParty(ctx, party);
}
