// Bank statement texts with personal numbers (PINs) planted where banks and payers put them: inside a
// counterparty's name, split by spaces, dots or hyphens in a payment's purpose, and as a counterparty
// identifier with a `ПИН` label. The statement arrives through the intake like any bank's, after the
// demo's last week, so its money is in no report: the reconciliation lists it as unreported, and the
// demo has published the 2020 list. The privacy crawls then search every public output for these PINs.
import type { AppContext } from '../../src/platform/app-context.ts';
import { som, toDecimalString, tyiyn } from '../../src/domain/money.ts';
import { ELECTION_2020 } from '../../src/demo/elections.ts';
import { writeCamt053 } from '../../src/bank-statements/core/writers/camt053.writer.ts';
import type { StatementTransaction } from '../../src/bank-statements/core/statement.ts';
import { intakeStatement } from '../../src/bank-statements/intake.service.ts';
import { listAccounts } from '../../src/bank-statements/account.repository.ts';
import { listStatements } from '../../src/bank-statements/statement.repository.ts';

/** Synthetic, format-valid PINs, each planted once. */
export const BANK_PINS = {
  inName: '12503199100231',
  spacedPurpose: '22207198500118',
  labelledId: '20405199001234',
  dottedPurpose: '11112198700042',
  hyphenatedName: '23009199000077',
} as const;

export interface PlantedBankPins {
  electionId: string;
  partyRegistrationNumber: string;
  pins: string[];
  /** Purposes as the public must see them. */
  maskedPurposes: string[];
}

export async function plantBankPins(ctx: AppContext): Promise<PlantedBankPins> {
  const [account] = await listAccounts(ctx.db, { electionId: ELECTION_2020.id });
  if (!account) throw new Error('the demo has no bank accounts');
  const last = (await listStatements(ctx.db, { accountId: account.id })).at(-1);
  if (!last) throw new Error('the demo account has no statement');
  const from = '2020-10-16';
  const to = '2020-10-22';
  const p = BANK_PINS;
  const credit = (
    day: string,
    amount: number,
    t: Omit<StatementTransaction, 'bookingDate' | 'amount' | 'currency'>,
  ): StatementTransaction => ({
    bookingDate: day,
    amount: toDecimalString(som(amount)),
    currency: 'KGS',
    ...t,
  });
  const transactions: StatementTransaction[] = [
    credit('2020-10-16', 11_111, {
      counterpartyName: `Сыдыкова Айгуль ${p.inName} (синтетический)`,
      remittance: 'Добровольный взнос',
      bankReference: 'PIN-1',
    }),
    credit('2020-10-17', 22_222, {
      counterpartyName: 'Жумабаев Эрлан (синтетический)',
      remittance: `Пожертвование от ${p.spacedPurpose.slice(0, 4)} ${p.spacedPurpose.slice(4, 8)} ${p.spacedPurpose.slice(8, 12)} ${p.spacedPurpose.slice(12)}`,
      bankReference: 'PIN-2',
    }),
    credit('2020-10-18', 33_333, {
      counterpartyName: 'Осмонов Бакыт (синтетический)',
      counterpartyId: `ПИН ${p.labelledId}`,
      remittance: `Взнос, ПИН ${p.dottedPurpose.slice(0, 5)}.${p.dottedPurpose.slice(5, 10)}.${p.dottedPurpose.slice(10)}`,
      bankReference: 'PIN-3',
    }),
    credit('2020-10-19', 44_444, {
      counterpartyName: `ИП Алиев ПИН ${p.hyphenatedName.slice(0, 1)}-${p.hyphenatedName.slice(1, 9)}-${p.hyphenatedName.slice(9)}`,
      remittance: 'Взнос в избирательный фонд',
      bankReference: 'PIN-4',
    }),
  ];
  const added = som(11_111 + 22_222 + 33_333 + 44_444);
  const xml = writeCamt053(
    [
      {
        account: account.accountNumber,
        currency: 'KGS',
        statementNumber: '7',
        from,
        to,
        openingBalance: toDecimalString(last.closing),
        closingBalance: toDecimalString(tyiyn(last.closing + added)),
        transactions,
      },
    ],
    { messageId: `PINS-${account.accountNumber}-7`, createdAt: '2020-10-23T09:00:00' },
  );
  const r = await intakeStatement(
    { ...ctx, now: () => new Date('2020-10-23T09:00:00+06:00') },
    {
      bytes: Buffer.from(xml, 'utf8'),
      bank: account.bank,
      actor: `test-bank:${account.bank}`,
      fileName: 'planted-pins.xml',
    },
  );
  if (!r.ok) throw new Error(`planted statement refused: ${r.error.problems.map((x) => x.message).join('; ')}`);
  return {
    electionId: ELECTION_2020.id,
    partyRegistrationNumber: account.partyRegistrationNumber,
    pins: Object.values(BANK_PINS),
    maskedPurposes: ['Пожертвование от •••• •••• •••• ••', 'Взнос, ПИН •••••.•••••.••••'],
  };
}

/**
 * The digits of a text with spaces, dots and hyphens between digits taken out, so that a PIN written in
 * groups is one run again for a search of 14-digit runs.
 */
export const joinDigitGroups = (text: string): string => text.replace(/(?<=\d)[\s.\-\u00a0\u202f\u200b]+(?=\d)/g, '');
