// Writes normalised statements as a 1C "1CClientBankExchange" file (format 1.02), the way banks of the
// region export them for 1C accounting: one account section per statement, one payment document per
// transaction. Encode the text with `encodeOneC` (windows-1251 by default, as banks send it).

import iconv from 'iconv-lite';
import { abs, fromScaled, isNegative, toScaled } from '../decimal.ts';
import type { Statement, StatementTransaction } from '../statement.ts';

export interface OneCWriterOptions {
  /** Name of the account holder (the electoral fund), written as payer or payee. */
  ownerName?: string;
  ownerInn?: string;
  /** Date the file was created, ISO; by default the end of the last statement (no clock is read). */
  createdOn?: string;
  sender?: string;
}

const ruDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
// Line breaks would end the Key=Value line early.
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');

export function writeOneC(statements: Statement[], options: OneCWriterOptions = {}): string {
  const first = statements[0];
  const last = statements[statements.length - 1];
  const from = statements.reduce((m, s) => (s.from < m ? s.from : m), first?.from ?? '1970-01-01');
  const to = statements.reduce((m, s) => (s.to > m ? s.to : m), last?.to ?? '1970-01-01');
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.02',
    'Кодировка=Windows',
    `Отправитель=${oneLine(options.sender ?? 'Talapker')}`,
    'Получатель=',
    `ДатаСоздания=${ruDate(options.createdOn ?? to)}`,
    'ВремяСоздания=00:00:00',
    `ДатаНачала=${ruDate(from)}`,
    `ДатаКонца=${ruDate(to)}`,
    ...statements.map((s) => `РасчСчет=${s.account}`),
    'Документ=Платежное поручение',
  ];
  for (const s of statements) {
    const credits = s.transactions.filter((t) => !isNegative(t.amount)).reduce((n, t) => n + toScaled(t.amount), 0n);
    const debits = s.transactions.filter((t) => isNegative(t.amount)).reduce((n, t) => n + toScaled(abs(t.amount)), 0n);
    lines.push('СекцияРасчСчет', `ДатаНачала=${ruDate(s.from)}`, `ДатаКонца=${ruDate(s.to)}`, `РасчСчет=${s.account}`);
    if (s.openingBalance !== undefined) lines.push(`НачальныйОстаток=${s.openingBalance}`);
    lines.push(`ВсегоПоступило=${fromScaled(credits)}`, `ВсегоСписано=${fromScaled(debits)}`);
    if (s.closingBalance !== undefined) lines.push(`КонечныйОстаток=${s.closingBalance}`);
    lines.push('КонецРасчСчет');
  }
  for (const s of statements) s.transactions.forEach((t, i) => document(lines, s, t, i, options));
  lines.push('КонецФайла');
  return `${lines.join('\r\n')}\r\n`;
}

function document(
  lines: string[],
  s: Statement,
  t: StatementTransaction,
  index: number,
  options: OneCWriterOptions,
): void {
  const debit = isNegative(t.amount);
  const owner = { name: options.ownerName ?? '', inn: options.ownerInn ?? '', account: s.account };
  const other = { name: t.counterpartyName ?? '', inn: t.counterpartyId ?? '', account: t.counterpartyAccount ?? '' };
  const payer = debit ? owner : other;
  const payee = debit ? other : owner;
  const date = ruDate(t.bookingDate);
  lines.push(
    'СекцияДокумент=Платежное поручение',
    `Номер=${oneLine(t.bankReference ?? String(index + 1))}`,
    `Дата=${date}`,
    `Сумма=${abs(t.amount)}`,
    `ПлательщикСчет=${payer.account}`,
    `ДатаСписано=${debit ? date : ''}`,
    `Плательщик=${payer.inn ? `ИНН ${payer.inn} ` : ''}${oneLine(payer.name)}`,
    `ПлательщикИНН=${payer.inn}`,
    `Плательщик1=${oneLine(payer.name)}`,
    `ПлательщикРасчСчет=${payer.account}`,
    `ПолучательСчет=${payee.account}`,
    `ДатаПоступило=${debit ? '' : date}`,
    `Получатель=${payee.inn ? `ИНН ${payee.inn} ` : ''}${oneLine(payee.name)}`,
    `ПолучательИНН=${payee.inn}`,
    `Получатель1=${oneLine(payee.name)}`,
    `ПолучательРасчСчет=${payee.account}`,
    'ВидОплаты=01',
    `НазначениеПлатежа=${oneLine(t.remittance ?? '')}`,
    'КонецДокумента',
  );
}

/** Bytes of a 1C file: windows-1251 (what 1C expects from banks) or UTF-8. */
export function encodeOneC(text: string, encoding: 'windows-1251' | 'utf-8' = 'windows-1251'): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'windows-1251');
}
