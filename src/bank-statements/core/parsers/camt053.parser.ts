// ISO 20022 camt.053 (BankToCustomerStatement, versions 001.02–001.13) read as a stream: saxes reports
// elements, this module keeps only the subtree it is looking at (one balance, one entry header, one
// TxDtls) and emits each transaction as soon as it is known, so a 100 MB statement parses in bounded
// memory. The XML is guarded before saxes sees it (xml-guard.ts).
// Element names are matched without namespace or prefix, so every version and any envelope around the
// Document (business application header and wrapper) reads the same.

import { SaxesParser } from 'saxes';
import iconv from 'iconv-lite';
import type { Problem } from '../../../platform/result.ts';
import { problem } from '../../../platform/result.ts';
import { negate, parseDecimal, toScaled, fromScaled, fractionDigits } from '../decimal.ts';
import { isIsoDate } from '../statement.ts';
import type { StatementEvent, StatementParseResult, StatementTransaction } from '../statement.ts';
import { StatementBuilder, StatementCollector, type BalanceDraft, type EmitEvent } from '../statement-builder.ts';
import { type ChunkSource, decodeStream, utf8 } from '../text-decoding.ts';
import { DEFAULT_XML_LIMITS, DeclarationGuard, detectXmlEncoding, type XmlLimits } from './xml-guard.ts';
import { type XmlNode, SubtreeCapture, at, localName, textAt } from './xml-capture.ts';
import { dateOf, nodeText, partyId, partyName, remittanceOf, sameCurrency } from './camt053-fields.ts';

export interface Camt053Options {
  limits?: Partial<XmlLimits>;
}

// Children of Stmt and Ntry worth keeping; everything else streams past untouched.
const STATEMENT_PARTS = new Set(['Id', 'LglSeqNb', 'ElctrncSeqNb', 'CreDtTm', 'FrToDt', 'Acct', 'Bal']);
const ENTRY_PARTS = new Set(['Amt', 'CdtDbtInd', 'RvslInd', 'Sts', 'BookgDt', 'ValDt', 'AcctSvcrRef', 'AddtlNtryInf']);
// Inside kept subtrees, elements no mapping reads (postal addresses, agents, codes, related dates…).
const NEVER_READ = new Set([
  'PstlAdr', 'BkTxCd', 'RltdAgts', 'Purp', 'RltdDts', 'RltdPric', 'RltdQties', 'Chrgs', 'Tax', 'Intrst', 'CtctDtls',
  'DtAndPlcOfBirth', 'FinInstrmId', 'CorpActn', 'SfkpgAcct', 'CshDpst', 'CardTx', 'SplmtryData', 'Avlbty', 'CcyXchg',
  'RtrInf', 'RltdRmtInf', 'Svcr', 'Ownr',
]);
// A Map, not an object: element names come from the file, and <constructor> must not find Object's.
const OTHER_CAMT = new Map([
  ['BkToCstmrAcctRpt', 'camt.052 (intraday account report)'],
  ['BkToCstmrDbtCdtNtfctn', 'camt.054 (debit/credit notification)'],
]);
// Banks send `NOTPROVIDED` where the payer gave no end-to-end reference; it identifies nothing.
const NO_REFERENCE = new Set(['NOTPROVIDED', 'NONREF']);

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

type CaptureKind = 'statement' | 'entry' | 'details';

/** Push parser: feed it text with `write`, then `end`; it emits statement events as it goes. */
export class Camt053Reader {
  private readonly parser = new SaxesParser({ position: false });
  private readonly guard = new DeclarationGuard();
  private readonly limits: XmlLimits;
  private readonly stack: string[] = [];
  private readonly capture = new SubtreeCapture(10_000, NEVER_READ);
  private captureKind: CaptureKind | undefined;
  private statement: StatementState | undefined;
  private entry: EntryState | undefined;
  private statements = 0;
  /** Currency of the statement's first entry: the fallback when neither account nor balances say. */
  private firstCurrency: string | undefined;
  private chars = 0;
  private sinceEvent = 0;
  private sawStatementMessage = false;
  private lastGoodDate = '';
  private sawRoot = false;
  private stoppedFlag = false;
  /** Stopped on purpose (limits, declarations, another message type), not because the XML broke. */
  private refused = false;

  constructor(
    private readonly emit: EmitEvent,
    options: Camt053Options = {},
  ) {
    this.limits = { ...DEFAULT_XML_LIMITS, ...options.limits };
    const p = this.parser;
    p.on('opentag', (tag) => this.onOpen(tag.name, tag.attributes as Record<string, string>));
    p.on('closetag', () => this.onClose());
    p.on('text', (t) => this.onText(t));
    p.on('cdata', (t) => this.onText(t));
    // Second line of defence: the guard refuses DOCTYPE before saxes sees it.
    p.on('doctype', () => this.stop('xml.declaration_refused', 'The XML has a DOCTYPE declaration; bank statements never need one, so the file is refused.'));
    p.on('error', (e) => this.stop('xml.malformed', `The XML is not well-formed: ${e.message}`));
  }

  /** True once the document has been refused or broke off; feeding more text does nothing. */
  get stopped(): boolean {
    return this.stoppedFlag;
  }

  write(text: string): void {
    if (this.stoppedFlag || text.length === 0) return;
    const declaration = this.guard.check(text);
    if (declaration) {
      this.stop('xml.declaration_refused', `The XML contains an ${declaration} declaration; it is refused before parsing (no DTDs, no entities).`, {
        params: { declaration },
      });
      return;
    }
    this.chars += text.length;
    if (this.chars > this.limits.maxChars) {
      this.stop('xml.too_large', `The XML is larger than ${this.limits.maxChars} characters.`, { params: { limit: this.limits.maxChars } });
      return;
    }
    this.sinceEvent += text.length;
    this.parser.write(text);
    // Counted per chunk (not per character) to stay cheap; enough to stop a gigabyte-long text node.
    if (!this.stoppedFlag && this.sinceEvent > this.limits.maxNodeChars) {
      this.stop('xml.node_too_large', `One XML text, tag or comment is longer than ${this.limits.maxNodeChars} characters.`, {
        params: { limit: this.limits.maxNodeChars },
      });
    }
  }

  end(): void {
    if (!this.stoppedFlag && this.chars === 0) {
      this.stoppedFlag = true;
      this.report('xml.empty', 'The file is empty.', {});
    }
    if (!this.stoppedFlag) {
      this.parser.close();
    }
    // Whatever statement was open when the document ended or broke off is still reported, so that the
    // transactions read so far are not silently lost; the balance check then shows the gap. A refused
    // document (hostile or not camt.053 at all) yields nothing but the refusal.
    if (this.statement && this.refused) {
      this.emit({ kind: 'discard', statementIndex: this.statement.builder.index });
      this.statement = undefined;
    }
    if (this.statement) this.finishStatement();
    if (!this.stoppedFlag && this.sawRoot && !this.sawStatementMessage) {
      this.report('camt053.not_a_statement', 'The XML has no BkToCstmrStmt element: it is not a camt.053 bank statement.', {});
    } else if (!this.stoppedFlag && this.sawStatementMessage && this.statements === 0) {
      this.report('camt053.no_statements', 'The camt.053 message contains no statement (Stmt).', { field: 'BkToCstmrStmt' });
    }
  }

  private stop(code: string, message: string, extra: Omit<Problem, 'code' | 'message'> = {}): void {
    if (this.stoppedFlag) return;
    this.stoppedFlag = true;
    this.refused = code !== 'xml.malformed';
    this.capture.abandon();
    this.report(code, message, { field: this.path(), ...extra });
  }

  private report(code: string, message: string, where: Omit<Problem, 'code' | 'message'>, severity: 'error' | 'warning' = 'error'): void {
    this.emit({ kind: 'problem', problem: problem(code, message, { severity, ...where }) });
  }

  private path(): string {
    return this.stack.join('/');
  }

  private onOpen(qname: string, attrs: Readonly<Record<string, string>>): void {
    if (this.stoppedFlag) return;
    this.sinceEvent = 0;
    this.sawRoot = true;
    const name = localName(qname);
    const depth = this.stack.push(name);
    if (depth > this.limits.maxDepth) {
      this.stop('xml.too_deep', `The XML nests elements more than ${this.limits.maxDepth} deep; a bank statement never does.`, {
        params: { limit: this.limits.maxDepth },
      });
      return;
    }
    if (this.captureKind) {
      if (!this.capture.open(name, attrs)) this.stop('xml.too_many_nodes', 'One camt.053 element has too many sub-elements.');
      return;
    }
    const parent = depth >= 2 ? this.stack[depth - 2] : undefined;
    if (parent === 'Stmt' && this.statement?.depth === depth - 1) {
      if (name === 'Ntry') this.startEntry(depth);
      else if (STATEMENT_PARTS.has(name)) this.begin('statement', name, attrs);
    } else if (parent === 'Ntry' && this.entry?.depth === depth - 1) {
      if (ENTRY_PARTS.has(name)) this.begin('entry', name, attrs);
    } else if (name === 'TxDtls' && parent === 'NtryDtls' && this.entry?.depth === depth - 2) {
      this.begin('details', name, attrs);
    } else if (name === 'Stmt' && parent === 'BkToCstmrStmt') {
      this.startStatement(depth);
    } else if (name === 'BkToCstmrStmt') {
      this.sawStatementMessage = true;
    } else if (name === 'Document') {
      this.checkNamespace(attrs);
    } else if (OTHER_CAMT.has(name)) {
      this.stop('camt053.other_message', `This is ${OTHER_CAMT.get(name)}, not a camt.053 statement; ask the bank for camt.053.`);
    }
  }

  private begin(kind: CaptureKind, name: string, attrs: Readonly<Record<string, string>>): void {
    this.captureKind = kind;
    this.capture.begin(name, attrs);
  }

  private onText(t: string): void {
    if (this.stoppedFlag) return;
    this.sinceEvent = 0;
    if (this.captureKind) this.capture.text(t);
  }

  private onClose(): void {
    if (this.stoppedFlag) return;
    this.sinceEvent = 0;
    const depth = this.stack.length;
    const name = this.stack.pop();
    if (this.captureKind) {
      const done = this.capture.close();
      if (done) {
        const kind = this.captureKind;
        this.captureKind = undefined;
        if (kind === 'statement') this.statementPart(done);
        else if (kind === 'entry') this.entry?.parts.set(done.name, this.entry.parts.get(done.name) ?? done);
        else this.detailsRead(done);
      }
      return;
    }
    if (name === 'Ntry' && this.entry?.depth === depth) this.finishEntry();
    else if (name === 'Stmt' && this.statement?.depth === depth) this.finishStatement();
  }

  private checkNamespace(attrs: Readonly<Record<string, string>>): void {
    for (const [k, v] of Object.entries(attrs)) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
      const m = /camt\.(\d{3})\.001\.(\d{2})/.exec(v);
      if (!m) continue;
      if (m[1] !== '053') continue; // camt.052/054 are caught by their root element
      const version = Number(m[2]);
      if (version < 2 || version > 13) {
        this.report('camt053.unknown_version', `camt.053.001.${m[2]} is not a version this parser knows (001.02–001.13); reading it as the nearest one.`, {
          field: this.path(),
          params: { version: `001.${m[2]}` },
        }, 'warning');
      }
    }
  }

  // ---- statements ----

  private startStatement(depth: number): void {
    if (this.statement) this.finishStatement();
    const index = this.statements++;
    this.statement = {
      builder: new StatementBuilder(index, this.emit),
      depth,
      path: `${this.stack.slice(0, -1).join('/')}/Stmt[${index + 1}]`,
      entries: 0,
      numbers: {},
    };
  }

  private statementPart(node: XmlNode): void {
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

  private finishStatement(): void {
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

  private startEntry(depth: number): void {
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

  private detailsRead(node: XmlNode): void {
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

  private finishEntry(): void {
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
        { field: e.path, params: { entry: total.value, details: fromScaled(e.batchSum, e.batchDigits), count: e.details } },
        'warning',
      );
    }
  }

  private booked(e: EntryState): boolean {
    const sts = e.parts.get('Sts');
    const status = (textAt(sts, 'Cd') ?? textAt(sts, 'Prtry') ?? (sts ? nodeText(sts) : undefined))?.toUpperCase();
    if (status === undefined || status === 'BOOK') return true;
    this.report('camt053.entry_not_booked', `An entry with status ${status} is not a booked transaction and is left out.`, {
      field: `${e.path}/Sts`,
      params: { status },
    }, 'warning');
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
      const node = at(details, 'Amt') ?? at(details, 'AmtDtls', 'TxAmt', 'Amt') ?? sameCurrency(at(details, 'AmtDtls', 'InstdAmt', 'Amt'), entryCcy) ?? sameCurrency(at(details, 'AmtDtls', 'CntrValAmt', 'Amt'), entryCcy);
      if (!node) {
        this.report('camt053.details_amount_missing', 'A transaction inside a batch entry has no amount of its own; it is left out.', { field });
        return undefined;
      }
      amount = this.amount(node, direction, field);
    } else {
      amount = this.entryAmount(e, true);
    }
    if (!amount) return undefined;
    const currency = amount.currency ?? s.builder.draft.currency;
    if (!currency) {
      this.report('camt053.currency_missing', 'The amount has no currency and the account states none.', { field: `${field}/Amt` });
      return undefined;
    }
    this.firstCurrency ??= currency;
    const valueDate = this.date(dateOf(e.parts.get('ValDt')), e.path, 'ValDt');
    let bookingDate = this.date(dateOf(e.parts.get('BookgDt')), e.path, 'BookgDt');
    if (!bookingDate) {
      const d = s.builder.draft;
      bookingDate = valueDate ?? d.to ?? d.createdOn;
      this.report('camt053.booking_date_missing', `The entry has no booking date; ${bookingDate ? `${bookingDate} (value date or statement date) is used` : 'it is left out'}.`, {
        field: `${e.path}/BookgDt`,
      }, bookingDate ? 'warning' : 'error');
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
    const account = textAt(parties, `${party}Acct`, 'Id', 'IBAN') ?? textAt(parties, `${party}Acct`, 'Id', 'Othr', 'Id');
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
      return this.amountProblem(reportProblems, at, 'camt053.direction_invalid', `The credit/debit indicator is "${direction ?? ''}", not CRDT or DBIT.`, { indicator: direction ?? '' });
    }
    const ccy = node.attrs?.['Ccy'];
    const result: { value: string; currency?: string; direction: 'CRDT' | 'DBIT' } = {
      value: dir === 'DBIT' ? negate(parsed.value) : parsed.value,
      direction: dir,
    };
    if (ccy && CURRENCY.test(ccy)) result.currency = ccy;
    else if (ccy !== undefined) this.report('camt053.currency_invalid', `"${ccy}" is not a currency code.`, { field: `${at}/Amt`, params: { currency: ccy } }, 'warning');
    return result;
  }

  private amountProblem(report: boolean, at: string, code: string, message: string, params?: Record<string, string>): undefined {
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
    this.report('camt053.date_invalid', `"${raw}" is not a real date.`, { field: `${at}/${element}`, params: { date: raw } });
    return undefined;
  }
}

const CURRENCY = /^[A-Z]{3}$/;

function xmlDecoderDetect(onUnsupported: (declared: string) => void) {
  return (head: Uint8Array) => {
    const enc = detectXmlEncoding(head);
    if (enc.encoding === 'utf-8' || enc.encoding.startsWith('utf-16') || iconv.encodingExists(enc.encoding)) return enc;
    onUnsupported(enc.encoding);
    return { encoding: 'utf-8', bomLength: enc.bomLength };
  };
}

function unsupportedEncoding(declared: string): StatementEvent {
  return {
    kind: 'problem',
    problem: problem('xml.encoding_unsupported', `The XML declares the encoding "${declared}", which is not supported; it is read as UTF-8.`, {
      severity: 'warning',
      params: { encoding: declared },
    }),
  };
}

/**
 * Streams statement events out of a camt.053 document given as chunks (a Node Readable, a web stream
 * reader, any async iterable of bytes or strings). Stops reading the source as soon as the document
 * is refused, so a hostile stream is never consumed to its end.
 */
export async function* parseCamt053Stream(source: ChunkSource, options: Camt053Options = {}): AsyncGenerator<StatementEvent> {
  const queue: StatementEvent[] = [];
  const reader = new Camt053Reader((e) => queue.push(e), options);
  try {
    for await (const text of decodeStream(source, { detect: xmlDecoderDetect((d) => queue.push(unsupportedEncoding(d))) })) {
      guarded(queue, () => reader.write(text));
      if (queue.length > 0) yield* queue.splice(0, queue.length);
      if (reader.stopped) break;
    }
  } catch (e) {
    queue.push(readFailure(e));
  }
  guarded(queue, () => reader.end());
  yield* queue.splice(0, queue.length);
}

/** Parses a whole camt.053 document held in memory. */
export function parseCamt053(input: string | Uint8Array, options: Camt053Options = {}): StatementParseResult {
  const collector = new StatementCollector();
  const reader = new Camt053Reader(collector.emit, options);
  const problems: StatementEvent[] = [];
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const enc = xmlDecoderDetect((d) => problems.push(unsupportedEncoding(d)))(input);
    const body = input.subarray(enc.bomLength);
    text = enc.encoding === 'utf-8' ? utf8(body) : iconv.decode(Buffer.from(body), enc.encoding);
  }
  for (const p of problems) collector.emit(p);
  // Fed in slices so that the size and depth limits stop a hostile document early.
  const SLICE = 1 << 20;
  guarded(collector, () => {
    for (let i = 0; i < text.length && !reader.stopped; i += SLICE) reader.write(text.slice(i, i + SLICE));
  });
  guarded(collector, () => reader.end());
  return collector.result();
}

function readFailure(e: unknown): StatementEvent {
  return {
    kind: 'problem',
    problem: problem('statement.read_failed', `The file could not be read to its end: ${e instanceof Error ? e.message : String(e)}`, { severity: 'error' }),
  };
}

/** Last line of defence: a bug in the mapping must surface as a problem, never as a crash of the caller. */
function guarded(sink: StatementEvent[] | StatementCollector, f: () => void): void {
  try {
    f();
  } catch (e) {
    const event: StatementEvent = {
      kind: 'problem',
      problem: problem('parser.internal_error', `The camt.053 parser failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`, { severity: 'error' }),
    };
    if (Array.isArray(sink)) sink.push(event);
    else sink.emit(event);
  }
}
