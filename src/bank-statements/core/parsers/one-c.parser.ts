// 1C "1CClientBankExchange" statements, the text format banks of the region export for the 1C
// accounting program: windows-1251 (or DOS cp866, or UTF-8), `Key=Value` lines, an account section
// (СекцияРасчСчет … КонецРасчСчет) with balances and one section per payment document
// (СекцияДокумент=… … КонецДокумента). A document is a debit or a credit depending on whether the
// statement's own account (РасчСчет) is the payer's or the payee's.

import iconv from 'iconv-lite';
import { problem } from '../../../platform/result.ts';
import { fromScaled, parseDecimal, negate, toScaled } from '../decimal.ts';
import { isRealDate } from '../statement.ts';
import type { StatementEvent, StatementParseResult, StatementTransaction } from '../statement.ts';
import { StatementBuilder, StatementCollector, type EmitEvent } from '../statement-builder.ts';
import { type ChunkSource, decodeStream, isUtf8, utf8 } from '../text-decoding.ts';
import { guarded, readAllLines, rowReporter, streamLines, type RowReporter } from './parser-guard.ts';

const PARSER = '1C';

export interface OneCOptions {
  /** 1C files do not name a currency; Kyrgyz banks' are in som. */
  currency?: string;
}

const MAGIC = '1CClientBankExchange';

interface Document {
  row: number;
  kind: string;
  fields: Map<string, string>;
}

interface AccountState {
  builder: StatementBuilder;
  row: number;
  credits: bigint;
  debits: bigint;
  statedCredits?: string;
  statedDebits?: string;
}

/** Push parser over decoded lines. */
export class OneCReader {
  private readonly currency: string;
  private readonly report: RowReporter;
  private sawMagic = false;
  private sawAnyLine = false;
  private finished = false;
  private section: 'header' | 'account' | 'document' | 'end' = 'header';
  private accountFields = new Map<string, string>();
  private accountRow = 0;
  private document: Document | undefined;
  private readonly headerAccounts: { account: string; row: number }[] = [];
  private header = new Map<string, string>();
  private readonly accounts = new Map<string, AccountState>();
  private statements = 0;
  private documents = 0;

  constructor(
    private readonly emit: EmitEvent,
    options: OneCOptions = {},
  ) {
    this.report = rowReporter(emit);
    this.currency = options.currency ?? 'KGS';
  }

  line(raw: string, row: number): void {
    if (this.finished) return;
    const line = raw.trim();
    if (line.length === 0) return;
    if (!this.sawAnyLine) {
      this.sawAnyLine = true;
      if (line.replace(/^\uFEFF/, '') !== MAGIC) {
        this.report('onec.not_1c', `The file does not start with "${MAGIC}": it is not a 1C bank exchange file.`, row);
        this.finished = true;
        return;
      }
      this.sawMagic = true;
      return;
    }
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq).trim();
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    switch (key) {
      case 'СекцияРасчСчет':
        this.closeDocument();
        this.section = 'account';
        this.accountFields = new Map();
        this.accountRow = row;
        return;
      case 'КонецРасчСчет':
        if (this.section === 'account') this.openAccount(this.accountFields, this.accountRow);
        this.section = 'header';
        return;
      case 'СекцияДокумент':
        this.closeDocument();
        this.section = 'document';
        this.document = { row, kind: value, fields: new Map() };
        return;
      case 'КонецДокумента':
        this.closeDocument();
        this.section = 'header';
        return;
      case 'КонецФайла':
        this.closeDocument();
        this.section = 'end';
        return;
      default:
        break;
    }
    if (eq < 0) {
      this.report(
        'onec.line_invalid',
        `"${line.slice(0, 60)}" is not a Key=Value line; it is ignored.`,
        row,
        'warning',
      );
      return;
    }
    if (this.section === 'document' && this.document) {
      if (!this.document.fields.has(key)) this.document.fields.set(key, value);
    } else if (this.section === 'account') {
      if (!this.accountFields.has(key)) this.accountFields.set(key, value);
    } else if (this.section === 'header') {
      if (key === 'РасчСчет') this.headerAccounts.push({ account: value.replace(/\s+/g, ''), row });
      else if (!this.header.has(key)) this.header.set(key, value);
    }
  }

  end(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.sawMagic) {
      if (!this.sawAnyLine) this.report('onec.empty', 'The file is empty.', 1);
      return;
    }
    if (this.section === 'document') {
      this.report(
        'onec.truncated',
        'The file ends inside a payment document (no КонецДокумента); that document is read anyway.',
        this.document?.row ?? 1,
        'warning',
      );
      this.closeDocument();
    } else if (this.section !== 'end') {
      this.report('onec.no_end', 'The file has no КонецФайла line; it may be cut short.', 1, 'warning');
    }
    // Accounts named only in the header (no account section) still get a statement, without balances.
    for (const h of this.headerAccounts) {
      if (!this.accounts.has(h.account)) this.openAccount(new Map([['РасчСчет', h.account]]), h.row);
    }
    if (this.accounts.size === 0) {
      this.report(
        'onec.no_account',
        'The file names no account of its own (РасчСчет), so debits cannot be told from credits.',
        1,
      );
    }
    for (const [, a] of this.accounts) this.finishAccount(a);
    if (this.documents === 0 && this.accounts.size === 0) {
      this.report('onec.no_statements', 'No statement found in the 1C file.', 1);
    }
  }

  private openAccount(fields: Map<string, string>, row: number): void {
    const account = (fields.get('РасчСчет') ?? '').replace(/\s+/g, '');
    if (!account) {
      this.report('onec.account_missing', 'An account section (СекцияРасчСчет) has no РасчСчет.', row);
      return;
    }
    if (this.accounts.has(account)) {
      this.report(
        'onec.account_repeated',
        `The account ${account} has two account sections; the second is ignored.`,
        row,
        'warning',
      );
      return;
    }
    const builder = new StatementBuilder(this.statements++, this.emit);
    const d = builder.draft;
    d.account = account;
    d.currency = this.currency;
    const from = this.date(fields.get('ДатаНачала') ?? this.header.get('ДатаНачала'), 'ДатаНачала', row);
    const to = this.date(fields.get('ДатаКонца') ?? this.header.get('ДатаКонца'), 'ДатаКонца', row);
    if (from) d.from = from;
    if (to) d.to = to;
    const created = this.date(this.header.get('ДатаСоздания'), 'ДатаСоздания', row);
    if (created) d.createdOn = created;
    const opening = this.amount(fields.get('НачальныйОстаток'), 'НачальныйОстаток', row, true);
    const closing = this.amount(fields.get('КонечныйОстаток'), 'КонечныйОстаток', row, true);
    if (opening !== undefined) d.opening = { amount: opening, ...(from ? { date: from } : {}) };
    if (closing !== undefined) d.closing = { amount: closing, ...(to ? { date: to } : {}) };
    const state: AccountState = { builder, row, credits: 0n, debits: 0n };
    const statedCredits = this.amount(fields.get('ВсегоПоступило'), 'ВсегоПоступило', row, false);
    const statedDebits = this.amount(fields.get('ВсегоСписано'), 'ВсегоСписано', row, false);
    if (statedCredits !== undefined) state.statedCredits = statedCredits;
    if (statedDebits !== undefined) state.statedDebits = statedDebits;
    this.accounts.set(account, state);
  }

  private finishAccount(a: AccountState): void {
    // The bank states its own totals of money in and out; a difference means documents are missing.
    const check = (stated: string | undefined, computed: bigint, what: string, key: string) => {
      if (stated === undefined || toScaled(stated) === computed) return;
      this.report(
        'onec.total_mismatch',
        `${key} says ${stated} ${what}, but the documents add up to ${fromScaled(computed)}.`,
        a.row,
        'warning',
        {
          field: key,
          params: { stated, computed: fromScaled(computed) },
        },
      );
    };
    check(a.statedCredits, a.credits, 'received', 'ВсегоПоступило');
    check(a.statedDebits, a.debits, 'paid out', 'ВсегоСписано');
    a.builder.finish({ row: a.row });
  }

  private closeDocument(): void {
    const doc = this.document;
    this.document = undefined;
    if (!doc) return;
    this.documents += 1;
    const f = doc.fields;
    // Amounts in 1C are always positive; the direction comes from the accounts.
    const amount = this.amount(f.get('Сумма'), 'Сумма', doc.row, false);
    if (amount === undefined) {
      if (!f.get('Сумма'))
        this.report('onec.amount_missing', 'The payment document has no Сумма; it is left out.', doc.row, 'error', {
          field: 'Сумма',
        });
      return;
    }
    const payer = (f.get('ПлательщикСчет') || f.get('ПлательщикРасчСчет') || '').replace(/\s+/g, '');
    const payee = (f.get('ПолучательСчет') || f.get('ПолучательРасчСчет') || '').replace(/\s+/g, '');
    const debitOf = this.accounts.get(payer);
    const creditOf = this.accounts.get(payee);
    if (!debitOf && !creditOf) {
      this.report(
        'onec.document_unrelated',
        `Neither the payer's account (${payer || 'none'}) nor the payee's (${payee || 'none'}) is an account of this statement; the document is left out.`,
        doc.row,
        'warning',
      );
      return;
    }
    // A transfer between two accounts of the same file is a debit on one statement and a credit on the other.
    if (debitOf) this.addTransaction(debitOf, doc, amount, 'debit');
    if (creditOf) this.addTransaction(creditOf, doc, amount, 'credit');
  }

  private addTransaction(a: AccountState, doc: Document, amount: string, side: 'debit' | 'credit'): void {
    const f = doc.fields;
    const other = side === 'credit' ? 'Плательщик' : 'Получатель';
    const dateKey = side === 'credit' ? 'ДатаПоступило' : 'ДатаСписано';
    const booked = this.date(f.get(dateKey) || undefined, dateKey, doc.row);
    const documentDate = this.date(f.get('Дата'), 'Дата', doc.row);
    const bookingDate = booked ?? documentDate;
    if (!bookingDate) {
      this.report(
        'onec.date_missing',
        `The payment document has neither ${dateKey} nor Дата; it is left out.`,
        doc.row,
        'error',
        { field: dateKey },
      );
      return;
    }
    const tx: StatementTransaction = {
      bookingDate,
      amount: side === 'debit' ? negate(amount) : amount,
      currency: this.currency,
    };
    const inn = f.get(`${other}ИНН`);
    const name = f.get(`${other}1`) || stripInn(f.get(other) ?? '', inn);
    if (name) tx.counterpartyName = name.replace(/\s+/g, ' ');
    const account = (f.get(`${other}Счет`) || f.get(`${other}РасчСчет`) || '').replace(/\s+/g, '');
    if (account) tx.counterpartyAccount = account;
    if (inn) tx.counterpartyId = inn;
    const purpose =
      f.get('НазначениеПлатежа') ||
      [1, 2, 3, 4, 5, 6]
        .map((i) => f.get(`НазначениеПлатежа${i}`) ?? '')
        .join(' ')
        .trim();
    if (purpose) tx.remittance = purpose;
    const number = f.get('Номер');
    if (number) tx.bankReference = number;
    if (side === 'credit') a.credits += toScaled(amount);
    else a.debits += toScaled(amount);
    a.builder.addTransaction(tx);
  }

  /** A decimal value; `signed` says whether a minus is meaningful (balances) or an error (totals). */
  private amount(raw: string | undefined, key: string, row: number, signed: boolean): string | undefined {
    if (raw === undefined || raw === '') return undefined;
    const parsed = parseDecimal(raw.replace(/\s+/g, ''), 'either');
    if (!parsed.ok || (!signed && parsed.value.startsWith('-'))) {
      this.report('onec.amount_invalid', `${key}=${raw} is not an amount.`, row, 'error', {
        field: key,
        params: { value: raw },
      });
      return undefined;
    }
    return parsed.value;
  }

  private date(raw: string | undefined, key: string, row: number): string | undefined {
    if (raw === undefined || raw === '') return undefined;
    const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw.trim());
    if (m && isRealDate(Number(m[3]), Number(m[2]), Number(m[1]))) return `${m[3]}-${m[2]}-${m[1]}`;
    this.report('onec.date_invalid', `${key}=${raw} is not a real date (DD.MM.YYYY).`, row, 'error', {
      field: key,
      params: { value: raw },
    });
    return undefined;
  }
}

/** "ИНН 21203198800123 Асанов Бакыт" → "Асанов Бакыт" (the INN has its own field). */
function stripInn(s: string, inn: string | undefined): string {
  const t = s.trim();
  const prefix = inn ? `ИНН ${inn}` : undefined;
  if (prefix && t.toUpperCase().startsWith(prefix.toUpperCase())) return t.slice(prefix.length).trim();
  return t.replace(/^ИНН\s*\d+\s*/i, '').trim();
}

const KEY_WORDS = /СекцияДокумент|СекцияРасчСчет|Кодировка/;

/**
 * 1C files say `Кодировка=Windows` (windows-1251) or `Кодировка=DOS` (cp866), but the bytes decide:
 * valid UTF-8 is UTF-8; otherwise whichever Cyrillic code page makes the section keywords legible.
 */
export function detectOneCEncoding(bytes: Uint8Array): { encoding: string; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024));
  if (isUtf8(sample, sample.length < bytes.byteLength)) return { encoding: 'utf-8', bomLength: 0 };
  const win = iconv.decode(sample, 'windows-1251');
  if (/Кодировка\s*=\s*DOS/i.test(win) || !KEY_WORDS.test(win)) {
    const dos = iconv.decode(sample, 'cp866');
    if (KEY_WORDS.test(dos)) return { encoding: 'cp866', bomLength: 0 };
  }
  return { encoding: 'windows-1251', bomLength: 0 };
}

function encodingProblem(encoding: string): StatementEvent | undefined {
  if (encoding === 'windows-1251' || encoding === 'utf-8') return undefined;
  return {
    kind: 'problem',
    problem: problem('text.encoding_guessed', `The 1C file was read as ${encoding}.`, {
      severity: 'warning',
      params: { encoding },
    }),
  };
}

/** Parses a whole 1C file held in memory. */
export function parseOneC(input: string | Uint8Array, options: OneCOptions = {}): StatementParseResult {
  const collector = new StatementCollector();
  guarded(PARSER, collector.emit, () => {
    let text: string;
    if (typeof input === 'string') text = input;
    else {
      const enc = detectOneCEncoding(input);
      const n = encodingProblem(enc.encoding);
      if (n) collector.emit(n);
      const body = Buffer.from(input.buffer, input.byteOffset + enc.bomLength, input.byteLength - enc.bomLength);
      text = enc.encoding === 'utf-8' ? utf8(body) : iconv.decode(body, enc.encoding);
    }
    readAllLines(text, new OneCReader(collector.emit, options));
  });
  return collector.result();
}

/** Streams statement events from a 1C file; transactions come as documents are read. */
export async function* parseOneCStream(source: ChunkSource, options: OneCOptions = {}): AsyncGenerator<StatementEvent> {
  const queue: StatementEvent[] = [];
  const reader = new OneCReader((e) => queue.push(e), options);
  const onEncoding = (e: string) => {
    const n = encodingProblem(e);
    if (n) queue.push(n);
  };
  yield* streamLines(PARSER, decodeStream(source, { detect: detectOneCEncoding, onEncoding }), reader, queue);
}
