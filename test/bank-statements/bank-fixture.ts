// Helpers of the statement intake tests: a context with blobs in a temporary folder and a clock, an
// election in its campaign with two parties whose electoral fund accounts sit at two different banks,
// and statements built in memory and written by the project's own writers in any of the formats.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../src/platform/app-context.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { LocalBlobStore } from '../../src/platform/blobs/local-blob-store.ts';
import type { Election, Party } from '../../src/domain/election.ts';
import { toDecimalString, tyiyn } from '../../src/domain/money.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../../src/elections/index.ts';
import { registerParty } from '../../src/parties/index.ts';
import { registerAccount } from '../../src/bank-statements/account.service.ts';
import type { Statement, StatementTransaction } from '../../src/bank-statements/core/statement.ts';
import { writeCamt053 } from '../../src/bank-statements/core/writers/camt053.writer.ts';
import { writeMt940 } from '../../src/bank-statements/core/writers/mt940.writer.ts';
import { encodeOneC, writeOneC } from '../../src/bank-statements/core/writers/one-c.writer.ts';
import { EventBus } from '../../src/platform/event-bus.ts';
import { Memo } from '../../src/platform/memo.ts';

export const BANK_ELECTION: Election = {
  id: 'bank-2030',
  kind: 'parliamentary',
  name: { ky: 'Банк сыноо шайлоосу', ru: 'Тестовые выборы (банк)', en: 'Bank test election' },
  electionDay: '2030-10-06',
  calledOn: '2030-07-01',
  campaignStart: '2030-09-01',
  campaignEnd: '2030-10-04',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'campaign',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

export const CLOSED_ELECTION: Election = {
  ...BANK_ELECTION,
  id: 'bank-closed-2029',
  electionDay: '2029-10-07',
  calledOn: '2029-07-01',
  campaignStart: '2029-09-01',
  campaignEnd: '2029-10-05',
  status: 'closed',
};

function party(reg: string, name: string): Party {
  return {
    registrationNumber: reg,
    name: { ky: name, ru: name, en: name },
    shortName: { ky: name, ru: name, en: name },
    leader: '',
    foundedOn: '2010-01-01',
    address: 'Бишкек',
    phone: '',
    website: '',
    logoBlobKey: null,
  };
}

export const PARTY_A = party('BK-001', 'Партия Айдын (синтетическая)');
export const PARTY_B = party('BK-002', 'Партия Бийик (синтетическая)');
export const BANK_A = 'BANKA';
export const BANK_B = 'BANKB';
export const ACCOUNT_A = '1240000000000011';
export const ACCOUNT_B = '1250000000000022';
export const OPENED_ON = '2030-09-01';

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
}

export interface BankTestContext {
  ctx: AppContext;
  clock: TestClock;
  dir: string;
  close(): void;
}

export function bankTestContext(db: Kysely<Database>): BankTestContext {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-bank-'));
  let at = new Date('2030-09-20T06:00:00Z');
  const clock: TestClock = {
    now: () => (at = new Date(at.getTime() + 1)),
    set: (iso) => void (at = new Date(iso)),
  };
  const ctx: AppContext = {
    db,
    blobs: new LocalBlobStore(join(dir, 'blobs')),
    config: loadConfig({ TALAPKER_DATA_DIR: dir }),
    now: clock.now,
    events: new EventBus(),
    memo: new Memo(),
  };
  return { ctx, clock, dir, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The election, both parties and their accounts (party A at bank A, party B at bank B). */
export async function setupBankElection(ctx: AppContext): Promise<void> {
  await ensureBuiltInRulesProfiles(ctx);
  for (const e of [BANK_ELECTION, CLOSED_ELECTION]) {
    const r = await createElection(ctx, e, 'test');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  for (const p of [PARTY_A, PARTY_B]) {
    const r = await registerParty(ctx, { electionId: BANK_ELECTION.id, party: p, ballotNumber: null }, 'test');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const a = await registerAccount(
    ctx,
    {
      electionId: BANK_ELECTION.id,
      partyRegistrationNumber: PARTY_A.registrationNumber,
      bank: BANK_A,
      accountNumber: ACCOUNT_A,
      openedOn: OPENED_ON,
    },
    'test',
  );
  const b = await registerAccount(
    ctx,
    {
      electionId: BANK_ELECTION.id,
      partyRegistrationNumber: PARTY_B.registrationNumber,
      bank: BANK_B,
      accountNumber: ACCOUNT_B,
      openedOn: OPENED_ON,
    },
    'test',
  );
  if (!a.ok || !b.ok) throw new Error(JSON.stringify([a, b]));
}

export interface Tx {
  date: string;
  /** Som, signed; money in positive. */
  som: number;
  name?: string;
  id?: string;
  ref?: string;
}

/** A statement whose closing balance follows from the opening and the transactions (amounts in som). */
export function statement(p: {
  account?: string;
  number?: number | null;
  from: string;
  to: string;
  openingSom: number;
  txs?: Tx[];
  closingSom?: number;
}): Statement {
  const txs = p.txs ?? [];
  const tyiynOf = (s: number) => tyiyn(Math.round(s * 100));
  const closing =
    p.closingSom !== undefined
      ? tyiynOf(p.closingSom)
      : tyiyn(tyiynOf(p.openingSom) + txs.reduce((n, t) => n + tyiynOf(t.som), 0));
  return {
    account: p.account ?? ACCOUNT_A,
    currency: 'KGS',
    ...(p.number === null ? {} : { statementNumber: String(p.number ?? 1) }),
    from: p.from,
    to: p.to,
    openingBalance: toDecimalString(tyiynOf(p.openingSom)),
    closingBalance: toDecimalString(closing),
    transactions: txs.map((t): StatementTransaction => ({
      bookingDate: t.date,
      amount: toDecimalString(tyiynOf(t.som)),
      currency: 'KGS',
      ...(t.name ? { counterpartyName: t.name } : {}),
      ...(t.id ? { counterpartyId: t.id } : {}),
      ...(t.ref ? { bankReference: t.ref } : {}),
    })),
  };
}

export type Format = 'camt053' | 'mt940' | '1c';

export function fileOf(statements: Statement[], format: Format = 'camt053'): Buffer {
  if (format === 'camt053') return Buffer.from(writeCamt053(statements), 'utf8');
  if (format === 'mt940') return Buffer.from(writeMt940(statements, { envelope: true }), 'utf8');
  return encodeOneC(writeOneC(statements, { ownerName: 'Избирательный фонд (синтетический)' }));
}

/** The first two weeks of party A's account: 100,000 in, 30,000 out, then 50,000 in. */
export const WEEK_1 = statement({
  number: 1,
  from: '2030-09-01',
  to: '2030-09-07',
  openingSom: 0,
  txs: [
    { date: '2030-09-02', som: 100_000, name: 'Асанов Асан (синтетический)', id: '21503198500123', ref: 'PP-1' },
    { date: '2030-09-05', som: -30_000, name: 'ОсОО «Медиа» (синтетическое)', id: '01203201710055', ref: 'INV-1' },
  ],
});
export const WEEK_2 = statement({
  number: 2,
  from: '2030-09-08',
  to: '2030-09-14',
  openingSom: 70_000,
  txs: [{ date: '2030-09-10', som: 50_000, name: 'Бекова Айгуль (синтетическая)', id: '12011990004567', ref: 'PP-2' }],
});
