// The mapping of camt.053 to the normalised statement: what the streaming reader (camt053.parser.ts)
// captured of a statement (its number, period, account, balances) and of each entry (amount, status,
// dates, references, the TxDtls of a batch) becomes statement events. Holds one statement and one
// entry at a time; a batch's TxDtls are emitted one by one and checked against the entry's amount.
import type { Problem } from '../../../platform/result.ts';
import { negate, parseDecimal, toScaled, fromScaled, fractionDigits } from '../decimal.ts';
import { isIsoDate } from '../statement.ts';
import type { StatementTransaction } from '../statement.ts';
import { StatementBuilder, type BalanceDraft, type EmitEvent } from '../statement-builder.ts';
import { type XmlNode, at, textAt } from './xml-capture.ts';
import { dateOf, nodeText, partyId, partyName, remittanceOf, sameCurrency } from './camt053-fields.ts';

// Banks send `NOTPROVIDED` where the payer gave no end-to-end reference; it identifies nothing.
const NO_REFERENCE = new Set(['NOTPROVIDED', 'NONREF']);
const CURRENCY = /^[A-Z]{3}$/;

/** How the mapping reports a problem: through the reader, which also stops on refusals. */
export type Report = (
  code: string,
  message: string,
  where: Omit<Problem, 'code' | 'message'>,
  severity?: 'error' | 'warning',
) => void;

interface StatementState {
  builder: StatementBuilder;
  depth: number;
  path: string;
  entries: number;
  /** Candidates for the statement number; the legal sequence number is the one printed on paper. */
  numbers: { Id?: string; LglSeqNb?: string; ElctrncSeqNb?: string };
  opening?: { rank: number; balance: BalanceDraft };
  closing?: BalanceDraft;
}

interface EntryState {
  depth: number;
  path: string;
  parts: Map<string, XmlNode>;
  details: number;
  first?: XmlNode;
  batchSum: bigint;
  batchDigits: number;
  batchComplete: boolean;
}

export class Camt053Mapping {
  private statement: StatementState | undefined;
  private entry: EntryState | undefined;
  private statements = 0;
  /** Currency of the statement's first entry: the fallback when neither account nor balances say. */
  private firstCurrency: string | undefined;
  private lastGoodDate = '';

  constructor(
    private readonly emit: EmitEvent,
    private readonly report: Report,
  ) {}

  /** Statements begun so far. */
  get count(): number {
    return this.statements;
  }

  /** Depth of the open Stmt element, if one is open. */
  get statementDepth(): number | undefined {
    return this.statement?.depth;
  }

  /** Depth of the open Ntry element, if one is open. */
  get entryDepth(): number | undefined {
    return this.entry?.depth;
  }

  /** One of the entry's own elements (Amt, Sts, BookgDt…); the first of each name counts. */
  entryPart(node: XmlNode): void {
    this.entry?.parts.set(node.name, this.entry.parts.get(node.name) ?? node);
  }

  /** Drops the open statement (the document was refused): its transactions are to be forgotten. */
  discard(): void {
    if (!this.statement) return;
    this.emit({ kind: 'discard', statementIndex: this.statement.builder.index });
    this.statement = undefined;
  }

  /** A Stmt opened at `depth` inside the element path `parent`. */
  startStatement(depth: number, parent: string): void {
    if (this.statement) this.finishStatement();
    const index = this.statements++;
    this.statement = {
      builder: new StatementBuilder(index, this.emit),
      depth,
      path: `${parent}/Stmt[${index + 1}]`,
      entries: 0,
      numbers: {},
    };
  }

  statementPart(node: XmlNode): void {
    const s = this.statement;
    if (!s) return;
    const d = s.builder.draft;
    const field = `${s.path}/${node.name}`;
    switch (node.name) {
      case 'Id':
      case 'LglSeqNb':
      case 'ElctrncSeqNb':
        s.numbers[node.name] ??= nodeText(node);
        return;
      case 'CreDtTm':
        d.createdOn = this.date(nodeText(node), s.path, 'CreDtTm');
        return;
      case 'FrToDt':
        d.from = this.date(textAt(node, 'FrDtTm') ?? textAt(node, 'FrDt'), field, 'FrDtTm');
        d.to = this.date(textAt(node, 'ToDtTm') ?? textAt(node, 'ToDt'), field, 'ToDtTm');
        return;
      case 'Acct': {
        d.account = (textAt(node, 'Id', 'IBAN') ?? textAt(node, 'Id', 'Othr', 'Id'))?.replace(/\s+/g, '');
        const ccy = textAt(node, 'Ccy');
        if (ccy && /^[A-Z]{3}$/.test(ccy)) d.currency = ccy;
        return;
      }
      case 'Bal':
        this.balance(node, field);
        return;
      default:
        return;
    }
  }

  private balance(node: XmlNode, field: string): void {
    const s = this.statement;
    if (!s) return;
    const code = textAt(node, 'Tp', 'CdOrPrtry', 'Cd');
    // OPBD is the opening booked balance; PRCD (previous closing) stands in for it when absent.
    const openingRank = code === 'OPBD' ? 2 : code === 'PRCD' ? 1 : 0;
    if (openingRank === 0 && code !== 'CLBD') return;
    const amount = this.amount(at(node, 'Amt'), textAt(node, 'CdtDbtInd'), field);
    if (!amount) return;
    const balance: BalanceDraft = { amount: amount.value };
    if (amount.currency) balance.currency = amount.currency;
    const date = this.date(textAt(node, 'Dt', 'Dt') ?? textAt(node, 'Dt', 'DtTm'), field, 'Dt');
    if (date) balance.date = date;
    if (code === 'CLBD') {
      s.closing ??= balance;
      s.builder.draft.closing = s.closing;
    } else if (!s.opening || s.opening.rank < openingRank) {
      s.opening = { rank: openingRank, balance };
      s.builder.draft.opening = balance;
    }
  }

  finishStatement(): void {
    const s = this.statement;
    if (!s) return;
    if (this.entry) this.finishEntry();
    this.statement = undefined;
    const d = s.builder.draft;
    d.currency ??= d.opening?.currency ?? d.closing?.currency ?? this.firstCurrency;
    d.statementNumber = s.numbers.LglSeqNb ?? s.numbers.ElctrncSeqNb ?? s.numbers.Id;
    this.firstCurrency = undefined;
    s.builder.finish({ field: s.path });
  }

  // ---- entries ----

  startEntry(depth: number): void {
    const s = this.statement;
    if (!s) return;
    s.entries += 1;
    this.entry = {
      depth,
      path: `${s.path}/Ntry[${s.entries}]`,
      parts: new Map(),
      details: 0,
      batchSum: 0n,
      batchDigits: 2,
      batchComplete: true,
    };
  }

  detailsRead(node: XmlNode): void {
    const e = this.entry;
    if (!e) return;
    e.details += 1;
    if (e.details === 1) {
      // Hold the first TxDtls: with only one, the entry's own amount is authoritative.
      e.first = node;
      return;
    }
    if (e.details === 2 && e.first) {
      this.emitDetails(e, e.first, 1);
      e.first = undefined;
    }
    this.emitDetails(e, node, e.details);
  }

  private emitDetails(e: EntryState, details: XmlNode, n: number): void {
    const tx = this.transaction(e, details, `${e.path}/NtryDtls/TxDtls[${n}]`);
    if (tx) {
      e.batchSum += toScaled(tx.amount);
      e.batchDigits = Math.max(e.batchDigits, fractionDigits(tx.amount));
      this.statement?.builder.addTransaction(tx);
    } else {
      e.batchComplete = false;
    }
  }

  finishEntry(): void {
    const e = this.entry;
    if (!e) return;
    this.entry = undefined;
    if (!this.booked(e)) return;
    if (e.details <= 1) {
      const tx = this.transaction(e, e.first, e.path);
      if (tx) this.statement?.builder.addTransaction(tx);
      return;
    }
    // A batch booked as one entry: its details were emitted one by one; they must add up to the entry.
    const total = this.entryAmount(e, false);
    if (total && e.batchComplete && toScaled(total.value) !== e.batchSum) {
      this.report(
        'camt053.batch_sum_mismatch',
        `The ${e.details} transactions of this batch add up to ${fromScaled(e.batchSum, e.batchDigits)}, but the entry is ${total.value}.`,
        {
          field: e.path,
          params: { entry: total.value, details: fromScaled(e.batchSum, e.batchDigits), count: e.details },
        },
        'warning',
      );
    }
  }

  private booked(e: EntryState): boolean {
    const sts = e.parts.get('Sts');
    const status = (textAt(sts, 'Cd') ?? textAt(sts, 'Prtry') ?? (sts ? nodeText(sts) : undefined))?.toUpperCase();
    if (status === undefined || status === 'BOOK') return true;
    this.report(
      'camt053.entry_not_booked',
      `An entry with status ${status} is not a booked transaction and is left out.`,
      {
        field: `${e.path}/Sts`,
        params: { status },
      },
      'warning',
    );
    return false;
  }

  private entryAmount(e: EntryState, reportProblems: boolean) {
    return this.amount(e.parts.get('Amt'), nodeText(e.parts.get('CdtDbtInd')), e.path, reportProblems);
  }

  /** One normalised transaction from an entry and (optionally) one of its TxDtls. */
  private transaction(e: EntryState, details: XmlNode | undefined, field: string): StatementTransaction | undefined {
    const s = this.statement;
    if (!s) return undefined;
    const batch = e.details > 1;
    const entryDirection = nodeText(e.parts.get('CdtDbtInd'));
    let amount;
    if (batch && details) {
      const direction = textAt(details, 'CdtDbtInd') ?? entryDirection;
      const entryCcy = e.parts.get('Amt')?.attrs?.['Ccy'];
      const node =
        at(details, 'Amt') ??
        at(details, 'AmtDtls', 'TxAmt', 'Amt') ??
        sameCurrency(at(details, 'AmtDtls', 'InstdAmt', 'Amt'), entryCcy) ??
        sameCurrency(at(details, 'AmtDtls', 'CntrValAmt', 'Amt'), entryCcy);
      if (!node) {
        this.report(
          'camt053.details_amount_missing',
          'A transaction inside a batch entry has no amount of its own; it is left out.',
          { field },
        );
        return undefined;
      }
      amount = this.amount(node, direction, field);
    } else {
      amount = this.entryAmount(e, true);
    }
    if (!amount) return undefined;
    const currency = amount.currency ?? s.builder.draft.currency;
    if (!currency) {
      this.report('camt053.currency_missing', 'The amount has no currency and the account states none.', {
        field: `${field}/Amt`,
      });
      return undefined;
    }
    this.firstCurrency ??= currency;
    const valueDate = this.date(dateOf(e.parts.get('ValDt')), e.path, 'ValDt');
    let bookingDate = this.date(dateOf(e.parts.get('BookgDt')), e.path, 'BookgDt');
    if (!bookingDate) {
      const d = s.builder.draft;
      bookingDate = valueDate ?? d.to ?? d.createdOn;
      this.report(
        'camt053.booking_date_missing',
        `The entry has no booking date; ${bookingDate ? `${bookingDate} (value date or statement date) is used` : 'it is left out'}.`,
        {
          field: `${e.path}/BookgDt`,
        },
        bookingDate ? 'warning' : 'error',
      );
      if (!bookingDate) return undefined;
    }
    const tx: StatementTransaction = { bookingDate, amount: amount.value, currency };
    if (valueDate) tx.valueDate = valueDate;
    const credit = amount.direction === 'CRDT';
    const party = credit ? 'Dbtr' : 'Cdtr';
    const parties = at(details, 'RltdPties');
    const direct = at(parties, party);
    const ultimate = at(parties, `Ultmt${party}`);
    const name = partyName(direct) ?? partyName(ultimate);
    if (name) tx.counterpartyName = name;
    const account =
      textAt(parties, `${party}Acct`, 'Id', 'IBAN') ?? textAt(parties, `${party}Acct`, 'Id', 'Othr', 'Id');
    if (account) tx.counterpartyAccount = account.replace(/\s+/g, '');
    const id = partyId(direct) ?? partyId(ultimate);
    if (id) tx.counterpartyId = id;
    const remittance = remittanceOf(details) ?? (batch ? undefined : nodeText(e.parts.get('AddtlNtryInf')));
    if (remittance) tx.remittance = remittance;
    const bankRef = textAt(details, 'Refs', 'AcctSvcrRef') ?? nodeText(e.parts.get('AcctSvcrRef'));
    if (bankRef) tx.bankReference = bankRef;
    const e2e = textAt(details, 'Refs', 'EndToEndId');
    if (e2e && !NO_REFERENCE.has(e2e.toUpperCase())) tx.endToEndReference = e2e;
    const reversal = nodeText(e.parts.get('RvslInd'))?.toLowerCase();
    if (reversal === 'true' || reversal === '1') tx.reversal = true;
    return tx;
  }

  /** A signed amount from an `Amt` element and its credit/debit indicator; `at` + `/Amt` names it in problems. */
  private amount(
    node: XmlNode | undefined,
    direction: string | undefined,
    at: string,
    reportProblems = true,
  ): { value: string; currency?: string; direction: 'CRDT' | 'DBIT' } | undefined {
    if (!node) return this.amountProblem(reportProblems, at, 'camt053.amount_missing', 'The amount (Amt) is missing.');
    const raw = node.text.trim();
    const parsed = parseDecimal(raw, '.');
    if (!parsed.ok || raw.startsWith('-') || raw.startsWith('+')) {
      const precision = !parsed.ok && parsed.reason === 'too_many_decimals';
      return this.amountProblem(
        reportProblems,
        at,
        precision ? 'camt053.amount_precision' : 'camt053.amount_invalid',
        precision ? `"${raw}" has more than 5 decimals.` : `"${raw}" is not an unsigned decimal amount.`,
        { amount: raw },
      );
    }
    const dir = direction === 'CRDT' || direction === 'DBIT' ? direction : direction?.trim().toUpperCase();
    if (dir !== 'CRDT' && dir !== 'DBIT') {
      return this.amountProblem(
        reportProblems,
        at,
        'camt053.direction_invalid',
        `The credit/debit indicator is "${direction ?? ''}", not CRDT or DBIT.`,
        { indicator: direction ?? '' },
      );
    }
    const ccy = node.attrs?.['Ccy'];
    const result: { value: string; currency?: string; direction: 'CRDT' | 'DBIT' } = {
      value: dir === 'DBIT' ? negate(parsed.value) : parsed.value,
      direction: dir,
    };
    if (ccy && CURRENCY.test(ccy)) result.currency = ccy;
    else if (ccy !== undefined)
      this.report(
        'camt053.currency_invalid',
        `"${ccy}" is not a currency code.`,
        { field: `${at}/Amt`, params: { currency: ccy } },
        'warning',
      );
    return result;
  }

  private amountProblem(
    report: boolean,
    at: string,
    code: string,
    message: string,
    params?: Record<string, string>,
  ): undefined {
    if (report) this.report(code, message, params ? { field: `${at}/Amt`, params } : { field: `${at}/Amt` });
    return undefined;
  }

  /** An ISO date from Dt or the date part of DtTm; `at` + `/` + `element` names it in problems. */
  private date(raw: string | undefined, at: string, element: string): string | undefined {
    if (raw === undefined) return undefined;
    const d = raw.length === 10 ? raw : raw.trim().slice(0, 10);
    // Entries of one statement mostly share a handful of dates: remember the last one checked.
    if (d === this.lastGoodDate || isIsoDate(d)) {
      this.lastGoodDate = d;
      return d;
    }
    this.report('camt053.date_invalid', `"${raw}" is not a real date.`, {
      field: `${at}/${element}`,
      params: { date: raw },
    });
    return undefined;
  }
}
