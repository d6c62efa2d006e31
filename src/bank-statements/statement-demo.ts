// The banks' part of the demo: weekly statements of every 2020 party's electoral fund account, derived
// from the very money of the demo finance reports (src/filings/filing-demo.ts, `buildFilingDemo`, the
// same fixed seed), written in the formats banks send — camt.053 and MT940, and one week in 1C — and
// received through the same intake as a bank officer's upload. So the bank and the reports agree,
// except where a difference is planted on purpose for the reconciliation to find:
//   - an unreported donation: money a donor paid into one party's account that no report mentions;
//   - a reported expense that never left another party's account;
//   - an amount typo: one digit of a reported receipt differs from what the bank booked.
// (The finance demo plants a cash receipt of its own, which reconciliation lists as cash.)
// The commission's demo also publishes the 2020 list of unreported transactions.
//
// Banks name a counterparty as they please: some bookings carry the donor's name in Latin letters or
// in capitals, and payments leave the account a day after the reported date, within the tolerance.
// Everything is SYNTHETIC: donors, companies, accounts and amounts.
import type { AppContext } from '../platform/app-context.ts';
import { toDecimalString, tyiyn, type Tyiyn } from '../domain/money.ts';
import { toLatin } from '../domain/transliteration.ts';
import type { Capability } from '../platform/capability.ts';
import { ELECTION_2020 } from '../demo/elections.ts';
import { PARTIES_2020 } from '../demo/parties-2020.ts';
import { rngFor } from '../demo/random.ts';
import { buildFilingDemo, type DemoReport, type Filing } from '../filings/index.ts';
import type { Statement, StatementTransaction } from './core/statement.ts';
import { writeCamt053 } from './core/writers/camt053.writer.ts';
import { writeMt940 } from './core/writers/mt940.writer.ts';
import { encodeOneC, writeOneC } from './core/writers/one-c.writer.ts';
import { intakeStatement } from './intake.service.ts';
import { registerAccount } from './account.service.ts';
import { reconcileElection } from './reconciliation.service.ts';
import { setPublication } from './bank-public.service.ts';
import { listAccounts } from './account.repository.ts';

const COMMISSION = 'demo-commission';

/** Codes of the two authorised banks of 2020 (domain notes §1), as bank officers' accounts name them. */
export const DEMO_BANK_CODES: Readonly<Record<string, string>> = { 'ОАО «РСК Банк»': 'RSK', 'ОАО «Айыл Банк»': 'AIYL' };
const BICS: Readonly<Record<string, string>> = { RSK: 'KICBKG22', AIYL: 'AIYLKG22' };

/** Ballot numbers (2020) of the parties that carry the planted differences, apart from the finance demo's. */
export const PLANTED_BANK = {
  unreportedDonation: 4,
  expenseNeverPaid: 7,
  amountTypo: 11,
  /** The one party whose third week arrives as a 1C file. */
  oneC: 16,
} as const;

/** The unreported donation, as the bank booked it. */
export const UNREPORTED_DONATION = {
  date: '2020-09-21',
  amount: tyiyn(175_000_00),
  name: 'Асанбеков Нурлан Токтогулович (синтетический)',
  pin: '22104198600315',
  remittance: 'Добровольное пожертвование в избирательный фонд',
} as const;

export const ACCOUNT_OPENED_ON = '2020-09-04';
/** Weekly statements from the opening of the accounts until after the last report's period. */
export const STATEMENT_WEEKS: ReadonlyArray<{ from: string; to: string }> = [
  { from: '2020-09-04', to: '2020-09-10' },
  { from: '2020-09-11', to: '2020-09-17' },
  { from: '2020-09-18', to: '2020-09-24' },
  { from: '2020-09-25', to: '2020-10-01' },
  { from: '2020-10-02', to: '2020-10-08' },
  { from: '2020-10-09', to: '2020-10-15' },
];

export interface DemoAccount {
  partyRegistrationNumber: string;
  ballotNumber: number;
  bank: string;
  accountNumber: string;
  ownerName: string;
}

export interface DemoBankFile {
  account: DemoAccount;
  week: number;
  format: 'camt053' | 'mt940' | '1c';
  fileName: string;
  bytes: Buffer;
  statement: Statement;
}

/** The reports as last filed (the latest version of each): what the party says happened. */
function latestFilings(reports: readonly DemoReport[], reg: string): Filing[] {
  return reports
    .filter((r) => r.partyRegistrationNumber === reg)
    .flatMap((r) => r.versions.slice(-1).map((v) => v.filing));
}

const addDay = (iso: string, n: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** One digit of an amount changed (a typo, as reconciliation's `amountSlip` calls it "one_digit"). */
export function typoOf(amount: Tyiyn): Tyiyn {
  const digits = String(amount).split('');
  // The thousands-of-tyiyn digit: a mistake of tens of som, neither trivial nor absurd.
  const i = Math.max(0, digits.length - 4);
  const d = Number(digits[i]);
  digits[i] = String(d === 9 ? 8 : d + 1);
  return tyiyn(Number(digits.join('')));
}

/** The payer's number as banks print it: an organisation's INN, else a person's PIN. */
function payerId(r: { donorInn?: string | undefined; donorPin?: string | undefined } | undefined): {
  counterpartyId?: string;
} {
  const id = r?.donorInn ?? r?.donorPin;
  return id ? { counterpartyId: id } : {};
}

interface Booking {
  date: string;
  amount: Tyiyn;
  transaction: StatementTransaction;
}

/** Every booking on one party's account, from its reports, with the planted differences. */
function bookingsOf(account: DemoAccount, filings: readonly Filing[]): Booking[] {
  const rng = rngFor(`bank:${ELECTION_2020.id}:${account.partyRegistrationNumber}`);
  const out: Booking[] = [];
  const last = STATEMENT_WEEKS.at(-1)?.to ?? ACCOUNT_OPENED_ON;
  const book = (
    date: string,
    amount: number,
    fields: Omit<StatementTransaction, 'bookingDate' | 'amount' | 'currency'>,
  ) =>
    out.push({
      date,
      amount: tyiyn(amount),
      transaction: {
        bookingDate: date,
        valueDate: date,
        amount: toDecimalString(tyiyn(amount)),
        currency: 'KGS',
        ...fields,
      },
    });
  const bankName = (name: string): string => {
    // Banks print payers' names as their systems hold them: as given, in capitals, or in Latin letters.
    const style = rng.int(0, 2);
    return style === 0 ? name : style === 1 ? name.toUpperCase() : toLatin(name);
  };
  let typoDone = false;
  let skipDone = false;
  for (const f of filings) {
    for (const r of f.receipts) {
      if (r.channel === 'cash') continue; // Cash never reaches the account: the finance demo's own planted finding.
      let amount: number = r.amount;
      if (account.ballotNumber === PLANTED_BANK.amountTypo && !typoDone && r.donorType === 'individual') {
        amount = typoOf(r.amount);
        typoDone = true;
      }
      book(r.date, amount, {
        counterpartyName: r.donorType === 'individual' ? bankName(r.donorName) : r.donorName,
        ...payerId(r),
        remittance:
          r.donorType === 'party_own_funds'
            ? 'Перечисление собственных средств партии'
            : 'Добровольное пожертвование в избирательный фонд',
        ...(r.bankReference ? { bankReference: r.bankReference } : {}),
      });
    }
    for (const e of f.expenditures) {
      if (account.ballotNumber === PLANTED_BANK.expenseNeverPaid && !skipDone && e.category !== 'election_deposit') {
        skipDone = true; // Reported as paid; the bank never saw it leave.
        continue;
      }
      // A payment order is executed the day it is given or the next working day.
      const date = e.category === 'election_deposit' ? e.date : rng.int(0, 1) === 0 ? e.date : addDay(e.date, 1);
      book(date > last ? e.date : date, -e.amount, {
        counterpartyName: e.payeeName,
        ...(e.payeeInn ? { counterpartyId: e.payeeInn } : {}),
        remittance: `${e.description}, ${e.documentNumber}`,
        bankReference: e.documentNumber,
      });
    }
    for (const x of f.refunds) {
      const receipt = f.receipts.find((r) => r.lineId === x.receiptLineId);
      book(x.date, -x.amount, {
        counterpartyName: receipt?.donorName ?? '',
        ...payerId(receipt),
        remittance: 'Возврат части пожертвования сверх предельного размера',
      });
    }
  }
  if (account.ballotNumber === PLANTED_BANK.unreportedDonation) {
    book(UNREPORTED_DONATION.date, UNREPORTED_DONATION.amount, {
      counterpartyName: UNREPORTED_DONATION.name,
      counterpartyId: UNREPORTED_DONATION.pin,
      remittance: UNREPORTED_DONATION.remittance,
      bankReference: 'PP-UNREP-0001',
    });
  }
  // Within a day the bank books money in before money out, so the balance never dips below zero.
  return out.sort((a, b) => a.date.localeCompare(b.date) || Number(b.amount > 0) - Number(a.amount > 0));
}

/** Every account and weekly file of the demo banks: pure, the same on every run. */
export function buildStatementDemo(reports: readonly DemoReport[] = buildFilingDemo()): {
  accounts: DemoAccount[];
  files: DemoBankFile[];
} {
  const accounts: DemoAccount[] = [];
  const files: DemoBankFile[] = [];
  for (const [i, party] of PARTIES_2020.entries()) {
    const ballot = i + 1;
    const filings = latestFilings(reports, party.registrationNumber);
    const header = filings[0]?.header;
    if (!header) continue;
    const bank = DEMO_BANK_CODES[header.account.bank] ?? 'RSK';
    const account: DemoAccount = {
      partyRegistrationNumber: party.registrationNumber,
      ballotNumber: ballot,
      bank,
      accountNumber: header.account.number,
      ownerName: `Избирательный фонд: ${party.name.ru}`,
    };
    accounts.push(account);
    const bookings = bookingsOf(account, filings);
    let balance = 0;
    STATEMENT_WEEKS.forEach((week, w) => {
      const inWeek = bookings.filter((b) => b.date >= week.from && b.date <= week.to);
      const transactions = inWeek.map((b) => b.transaction);
      const opening = balance;
      for (const b of inWeek) balance += b.amount;
      const number = w + 1;
      const oneC = ballot === PLANTED_BANK.oneC && w === 2;
      const format: DemoBankFile['format'] = oneC ? '1c' : ballot % 2 === 0 ? 'camt053' : 'mt940';
      const statement: Statement = {
        account: account.accountNumber,
        currency: 'KGS',
        ...(format === '1c'
          ? {}
          : { statementNumber: format === 'mt940' ? `${String(number).padStart(5, '0')}/001` : String(number) }),
        from: week.from,
        to: week.to,
        openingBalance: toDecimalString(tyiyn(opening)),
        closingBalance: toDecimalString(tyiyn(balance)),
        transactions,
      };
      const createdAt = `${addDay(week.to, 1)}T09:00:00`;
      const bytes =
        format === 'camt053'
          ? Buffer.from(
              writeCamt053([statement], { messageId: `${bank}-${account.accountNumber}-${number}`, createdAt }),
              'utf8',
            )
          : format === 'mt940'
            ? Buffer.from(writeMt940([statement], { envelope: true, bic: BICS[bank] ?? 'TALAPKER' }), 'utf8')
            : encodeOneC(
                writeOneC([statement], { ownerName: account.ownerName, createdOn: addDay(week.to, 1), sender: bank }),
              );
      const ext = format === 'camt053' ? 'xml' : format === 'mt940' ? 'sta' : 'txt';
      files.push({
        account,
        week: number,
        format,
        fileName: `${bank}-${account.accountNumber}-${week.to}.${ext}`,
        bytes,
        statement,
      });
    });
  }
  return { accounts, files };
}

/** Registers the accounts, receives every weekly file in date order, reconciles, publishes. */
export const statementDemo: NonNullable<Capability['demo']> = async (ctx) => {
  if ((await listAccounts(ctx.db, { electionId: ELECTION_2020.id })).length > 0)
    return 'bank statements: already present';
  const { accounts, files } = buildStatementDemo();
  const at = (iso: string): AppContext => ({ ...ctx, now: () => new Date(iso) });
  for (const a of accounts) {
    const r = await registerAccount(
      at('2020-09-03T10:00:00+06:00'),
      {
        electionId: ELECTION_2020.id,
        partyRegistrationNumber: a.partyRegistrationNumber,
        bank: a.bank,
        accountNumber: a.accountNumber,
        currency: 'KGS',
        openedOn: ACCOUNT_OPENED_ON,
      },
      COMMISSION,
    );
    if (!r.ok) throw new Error(`demo account refused: ${r.error.map((p) => p.message).join('; ')}`);
  }
  // Banks report weekly, the morning after the week ends.
  const ordered = [...files].sort((a, b) => a.week - b.week || a.account.ballotNumber - b.account.ballotNumber);
  for (const f of ordered) {
    const r = await intakeStatement(at(`${addDay(f.statement.to, 1)}T09:00:00+06:00`), {
      bytes: f.bytes,
      bank: f.account.bank,
      actor: `demo-bank:${f.account.bank}`,
      fileName: f.fileName,
      reconcile: false,
    });
    if (!r.ok)
      throw new Error(`demo statement refused (${f.fileName}): ${r.error.problems.map((p) => p.message).join('; ')}`);
  }
  // Once, after all the weeks: the same result as after each one, at a fraction of the loading time.
  const after = at('2020-10-16T10:00:00+06:00');
  const runs = await reconcileElection(after, ELECTION_2020.id, { trigger: 'demo', actor: COMMISSION });
  const published = await setPublication(after, ELECTION_2020.id, true, COMMISSION);
  if (!published.ok) throw new Error('demo publication refused');
  return `bank statements: ${accounts.length} accounts, ${files.length} weekly statements, ${runs.length} reconciliations`;
};
