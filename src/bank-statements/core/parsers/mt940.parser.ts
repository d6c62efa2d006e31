// SWIFT MT940 customer statements, read line by line so that large files stream in bounded memory.
// Accepts what banks actually send: the FIN envelope `{1:…}{2:…}{4:` … `-}` or bare messages, bank
// header lines, `-` separators or none, several statements per file, :28:/:28C:, :60F:/:60M:,
// :62F:/:62M:, wrapped fields, 8-bit encodings. MT942 interim reports are recognised and refused.

import { problem } from '../../../platform/result.ts';
import type { StatementEvent, StatementParseResult, StatementTransaction } from '../statement.ts';
import { StatementBuilder, StatementCollector, type EmitEvent } from '../statement-builder.ts';
import { type ChunkSource, type TextEncodingName, LineSplitter, decodeBytes, decodeStream } from '../text-decoding.ts';
import { decodeDetails } from './mt940-details.ts';
import { guarded, readAllLines, rowReporter, streamLines, type RowReporter } from './parser-guard.ts';
import { type Mt940StatementLine, parseAccountField, parseBalanceField, parseStatementLine } from './mt940-fields.ts';

const PARSER = 'MT940';

export interface Mt940Options {
  /** Skip detection and decode as this encoding. */
  encoding?: TextEncodingName;
  /** Longest line kept whole; longer lines are cut (a file without line breaks is not a statement). */
  maxLineLength?: number;
  /** Most lines one field may have; the rest is dropped with a warning. */
  maxFieldLines?: number;
}

const KNOWN_TAGS = new Set([
  '20',
  '21',
  '25',
  '25P',
  '28',
  '28C',
  '60F',
  '60M',
  '61',
  '62F',
  '62M',
  '64',
  '65',
  '86',
  'NS',
  '13',
  '13D',
  '34F',
  '90D',
  '90C',
]);
// Tags only an MT942 interim report has: floor limit, date-time indication, number and sum of entries.
const MT942_TAGS = new Set(['13', '13D', '34F', '90D', '90C']);
const TAG_LINE = /^:([0-9]{2}[A-Z]?|NS):/;
const BLOCKS = /^(?:\{[0-9A-Z]{1,3}:(?:[^{}]|\{[^{}]*\})*\})*(?:\{4:)?/;
const MESSAGE_END = /^-(?:\}|XXX)?/;
const CONTROL = /[\x00\x02\x04-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
const HAS_CONTROL = /[\x00\x02\x04-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const ENVELOPE_CONTROL = /[\x01\x03]/g;
const IBAN_LIKE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;
// Placeholders banks put in the customer-reference slot; EREF (Rabobank) means "see /EREF/ in :86:".
const NO_REFERENCE = new Set(['NONREF', 'NOTPROVIDED', 'EREF']);

interface Field {
  tag: string;
  lines: string[];
  row: number;
}

interface PendingLine {
  line: Mt940StatementLine;
  row: number;
  details?: string[];
  detailsRow?: number;
}

interface Message {
  builder: StatementBuilder;
  row: number;
  refused: boolean;
  accountCurrency?: string;
  pending?: PendingLine;
}

/** Push parser: feed it lines with their 1-based numbers, then `end`. */
export class Mt940Reader {
  private field: Field | undefined;
  private message: Message | undefined;
  private statements = 0;
  private fields = 0;
  private pendingColon: number | undefined;
  private next942 = false;
  private warnedControl = false;
  private warnedLong = false;
  private readonly maxLine: number;
  private readonly maxFieldLines: number;
  private readonly report: RowReporter;

  constructor(
    private readonly emit: EmitEvent,
    options: Mt940Options = {},
  ) {
    this.report = rowReporter(emit);
    this.maxLine = options.maxLineLength ?? 10_000;
    this.maxFieldLines = options.maxFieldLines ?? 200;
  }

  line(raw: string, row: number): void {
    let line = raw.replace(ENVELOPE_CONTROL, '');
    if (HAS_CONTROL.test(line)) {
      line = line.replace(CONTROL, '');
      if (!this.warnedControl) {
        this.warnedControl = true;
        this.report(
          'mt940.control_characters',
          'The file contains control characters (binary data); they are ignored.',
          row,
          'warning',
        );
      }
    }
    if (line.length > this.maxLine) {
      line = line.slice(0, this.maxLine);
      if (!this.warnedLong) {
        this.warnedLong = true;
        this.report(
          'mt940.line_too_long',
          `A line is longer than ${this.maxLine} characters; it is cut.`,
          row,
          'warning',
        );
      }
    }
    if (this.pendingColon !== undefined) {
      // A tag broken after its first colon (":" / "86:…"), seen in some savings banks' exports.
      const colonRow = this.pendingColon;
      this.pendingColon = undefined;
      if (/^\d{2}[A-Z]?:/.test(line)) {
        this.dispatch(`:${line}`, colonRow);
        return;
      }
      this.dispatch(':', colonRow);
    }
    if (line === ':') {
      this.pendingColon = row;
      return;
    }
    this.dispatch(line, row);
  }

  private dispatch(line: string, row: number): void {
    if (line.startsWith('{')) {
      const blocks = BLOCKS.exec(line)?.[0] ?? '';
      if (/\{2:[IO]942/.test(blocks)) this.next942 = true;
      if (blocks.length > 0) {
        const rest = line.slice(blocks.length);
        if (rest.trim().length > 0) this.dispatch(rest, row);
        return;
      }
    }
    const end = MESSAGE_END.exec(line);
    if (end && (line.length === end[0].length || line.trim() === end[0] || line[end[0].length] === '{')) {
      this.endMessage();
      const rest = line.slice(end[0].length);
      if (rest.startsWith('{')) this.dispatch(rest, row);
      return;
    }
    const tag = TAG_LINE.exec(line);
    if (tag && KNOWN_TAGS.has(tag[1] ?? '')) {
      this.startField(tag[1] ?? '', line.slice(tag[0].length), row);
      return;
    }
    if (this.field) {
      if (this.field.lines.length < this.maxFieldLines) this.field.lines.push(line);
      else if (this.field.lines.length === this.maxFieldLines) {
        this.field.lines.push('');
        this.report(
          'mt940.field_too_long',
          `The :${this.field.tag}: field has more than ${this.maxFieldLines} lines; the rest is ignored.`,
          this.field.row,
          'warning',
        );
      }
    }
    // Otherwise: a bank header line ("ABNANL2A", "940", "0000 01INGBNL2AXXXX00001") between messages.
  }

  end(): void {
    if (this.pendingColon !== undefined) this.dispatch(':', this.pendingColon);
    this.endMessage();
    if (this.fields === 0) {
      this.emit({
        kind: 'problem',
        problem: problem(
          'mt940.no_statements',
          'No MT940 statement found: the file has no :20:, :25:, :60F:, :61:, :62F: fields.',
          { severity: 'error' },
        ),
      });
    }
  }

  private startField(tag: string, first: string, row: number): void {
    this.fields += 1;
    this.finishField();
    if (tag === '20') this.endMessage();
    if (!this.message) this.openMessage(row);
    // :86: belongs to the :61: just before it; any other field closes that statement line.
    if (tag !== '86') this.flushPending();
    this.field = { tag, lines: [first], row };
  }

  private openMessage(row: number): void {
    this.message = { builder: new StatementBuilder(this.statements++, this.emit), row, refused: this.next942 };
    if (this.next942) this.refuse942(row);
    this.next942 = false;
  }

  private refuse942(row: number): void {
    this.report(
      'mt940.mt942_refused',
      'This is an MT942 interim transaction report, not an MT940 statement: it has no booked opening and closing balances, so it is refused. Ask the bank for the MT940 end-of-day statement.',
      row,
    );
  }

  private endMessage(): void {
    this.finishField();
    this.flushPending();
    const m = this.message;
    this.message = undefined;
    if (!m) return;
    if (m.refused) {
      this.emit({ kind: 'discard', statementIndex: m.builder.index });
      return;
    }
    m.builder.draft.currency ??= m.accountCurrency;
    m.builder.finish({ row: m.row });
  }

  private finishField(): void {
    const f = this.field;
    const m = this.message;
    this.field = undefined;
    if (!f || !m) return;
    const d = m.builder.draft;
    const first = (f.lines[0] ?? '').trim();
    if (MT942_TAGS.has(f.tag)) {
      if (!m.refused) {
        m.refused = true;
        this.refuse942(f.row);
      }
      return;
    }
    switch (f.tag) {
      case '25':
      case '25P': {
        const a = parseAccountField(first);
        if (a.account) d.account = a.account;
        else this.report('mt940.account_missing', 'The :25: account field is empty.', f.row);
        if (a.currency) m.accountCurrency = a.currency;
        return;
      }
      case '28':
      case '28C':
        if (first) d.statementNumber = first;
        return;
      case '60F':
      case '60M':
      case '62F':
      case '62M': {
        const opening = f.tag.startsWith('60');
        const b = parseBalanceField(first);
        if (!b.ok) {
          this.report('mt940.balance_invalid', `:${f.tag}: ${b.reason}.`, f.row, 'error', { field: f.tag });
          return;
        }
        if (b.value.badDate) {
          this.report('mt940.date_invalid', `:${f.tag}: the date ${b.value.badDate} does not exist.`, f.row, 'error', {
            field: f.tag,
            params: { date: b.value.badDate },
          });
        }
        const balance = {
          amount: b.value.amount,
          currency: b.value.currency,
          ...(b.value.date ? { date: b.value.date } : {}),
        };
        if (opening) {
          d.opening ??= balance;
          d.currency ??= b.value.currency;
        } else {
          d.closing = balance;
        }
        return;
      }
      case '61': {
        const parsed = parseStatementLine(f.lines);
        if (!parsed.ok) {
          this.report(
            'mt940.statement_line_invalid',
            `:61: ${parsed.reason}; the transaction is left out.`,
            f.row,
            'error',
            { field: '61' },
          );
          return;
        }
        m.pending = { line: parsed.value, row: f.row };
        return;
      }
      case '86':
        if (m.pending && !m.pending.details) {
          m.pending.details = f.lines;
          m.pending.detailsRow = f.row;
          this.flushPending();
        }
        // Otherwise it is information about the whole statement (after :62F:), not about a transaction.
        return;
      default:
        return;
    }
  }

  private flushPending(): void {
    const m = this.message;
    const p = m?.pending;
    if (!m || !p) return;
    m.pending = undefined;
    if (m.refused) return;
    const tx = this.transaction(m, p);
    if (tx) m.builder.addTransaction(tx);
  }

  private transaction(m: Message, p: PendingLine): StatementTransaction | undefined {
    const { line, row } = p;
    if (line.badDate !== undefined) {
      this.report('mt940.date_invalid', `:61: the date ${line.badDate} does not exist.`, row, 'error', {
        field: '61',
        params: { date: line.badDate },
      });
    }
    const bookingDate = line.bookingDate ?? line.valueDate;
    if (!bookingDate) {
      this.report('mt940.date_missing', ':61: has no usable date; the transaction is left out.', row, 'error', {
        field: '61',
      });
      return undefined;
    }
    const currency = m.builder.draft.currency ?? m.accountCurrency;
    if (!currency) {
      this.report(
        'mt940.currency_missing',
        ':61: comes before any balance (:60F:) that would give its currency; the transaction is left out.',
        row,
        'error',
        { field: '61' },
      );
      return undefined;
    }
    const tx: StatementTransaction = { bookingDate, amount: line.amount, currency };
    if (line.valueDate) tx.valueDate = line.valueDate;
    const details = p.details ? decodeDetails(p.details) : {};
    if (details.malformed && p.detailsRow !== undefined) {
      this.report(
        'mt940.details_malformed',
        `:86: is structured but malformed (${details.malformed}); it is read as far as possible.`,
        p.detailsRow,
        'warning',
        { field: '86' },
      );
    }
    if (details.counterpartyName) tx.counterpartyName = details.counterpartyName;
    const supplementary = line.supplementary;
    const account =
      details.counterpartyAccount ?? (supplementary && IBAN_LIKE.test(supplementary) ? supplementary : undefined);
    if (account) tx.counterpartyAccount = account;
    if (details.counterpartyId) tx.counterpartyId = details.counterpartyId;
    const remittance = details.remittance ?? (p.details ? undefined : supplementary);
    if (remittance) tx.remittance = remittance;
    // The bank's own reference; the account owner's reference stands in when the bank gives none.
    const customer = line.customerReference;
    const bankReference =
      line.bankReference ?? (customer && !NO_REFERENCE.has(customer.toUpperCase()) ? customer : undefined);
    if (bankReference) tx.bankReference = bankReference;
    if (details.endToEndReference) tx.endToEndReference = details.endToEndReference;
    if (line.reversal) tx.reversal = true;
    return tx;
  }
}

function encodingNotice(encoding: string): StatementEvent | undefined {
  if (encoding === 'utf-8') return undefined;
  return {
    kind: 'problem',
    problem: problem(
      'text.encoding_guessed',
      `The file is not UTF-8; it was read as ${encoding}. Check names with accented or Cyrillic letters.`,
      {
        severity: 'warning',
        params: { encoding },
      },
    ),
  };
}

/** Streams statement events from MT940 text arriving in chunks (bytes or strings). */
export async function* parseMt940Stream(
  source: ChunkSource,
  options: Mt940Options = {},
): AsyncGenerator<StatementEvent> {
  const queue: StatementEvent[] = [];
  const reader = new Mt940Reader((e) => queue.push(e), options);
  const lines = new LineSplitter(options.maxLineLength ? options.maxLineLength * 4 : undefined);
  const decodeOptions = {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    onEncoding: (e: string) => {
      const n = encodingNotice(e);
      if (n) queue.push(n);
    },
  };
  yield* streamLines(PARSER, decodeStream(source, decodeOptions), reader, queue, lines);
}

/** Parses a whole MT940 file held in memory. */
export function parseMt940(input: string | Uint8Array, options: Mt940Options = {}): StatementParseResult {
  const collector = new StatementCollector();
  guarded(PARSER, collector.emit, () => {
    let text: string;
    if (typeof input === 'string') {
      text = input;
    } else {
      const decoded = decodeBytes(input, options.encoding);
      const n = encodingNotice(decoded.encoding);
      if (n) collector.emit(n);
      text = decoded.text;
    }
    readAllLines(text, new Mt940Reader(collector.emit, options));
  });
  return collector.result();
}
