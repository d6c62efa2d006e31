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
import type { StatementEvent, StatementParseResult } from '../statement.ts';
import { StatementCollector, type EmitEvent } from '../statement-builder.ts';
import { type ChunkSource, decodeStream, utf8 } from '../text-decoding.ts';
import { DEFAULT_XML_LIMITS, DeclarationGuard, detectXmlEncoding, type XmlLimits } from './xml-guard.ts';
import { SubtreeCapture, localName } from './xml-capture.ts';
import { Camt053Mapping } from './camt053-mapping.ts';
import { guarded, readFailure } from './parser-guard.ts';

const PARSER = 'camt.053';

export interface Camt053Options {
  limits?: Partial<XmlLimits>;
}

// Children of Stmt and Ntry worth keeping; everything else streams past untouched.
const STATEMENT_PARTS = new Set(['Id', 'LglSeqNb', 'ElctrncSeqNb', 'CreDtTm', 'FrToDt', 'Acct', 'Bal']);
const ENTRY_PARTS = new Set(['Amt', 'CdtDbtInd', 'RvslInd', 'Sts', 'BookgDt', 'ValDt', 'AcctSvcrRef', 'AddtlNtryInf']);
// Inside kept subtrees, elements no mapping reads (postal addresses, agents, codes, related dates…).
const NEVER_READ = new Set([
  'PstlAdr',
  'BkTxCd',
  'RltdAgts',
  'Purp',
  'RltdDts',
  'RltdPric',
  'RltdQties',
  'Chrgs',
  'Tax',
  'Intrst',
  'CtctDtls',
  'DtAndPlcOfBirth',
  'FinInstrmId',
  'CorpActn',
  'SfkpgAcct',
  'CshDpst',
  'CardTx',
  'SplmtryData',
  'Avlbty',
  'CcyXchg',
  'RtrInf',
  'RltdRmtInf',
  'Svcr',
  'Ownr',
]);
// A Map, not an object: element names come from the file, and <constructor> must not find Object's.
const OTHER_CAMT = new Map([
  ['BkToCstmrAcctRpt', 'camt.052 (intraday account report)'],
  ['BkToCstmrDbtCdtNtfctn', 'camt.054 (debit/credit notification)'],
]);
type CaptureKind = 'statement' | 'entry' | 'details';

/** Push parser: feed it text with `write`, then `end`; it emits statement events as it goes. */
export class Camt053Reader {
  private readonly parser = new SaxesParser({ position: false });
  private readonly guard = new DeclarationGuard();
  private readonly limits: XmlLimits;
  private readonly stack: string[] = [];
  private readonly capture = new SubtreeCapture(10_000, NEVER_READ);
  private captureKind: CaptureKind | undefined;
  private readonly map: Camt053Mapping;
  private chars = 0;
  private sinceEvent = 0;
  private sawStatementMessage = false;
  private sawRoot = false;
  private stoppedFlag = false;
  /** Stopped on purpose (limits, declarations, another message type), not because the XML broke. */
  private refused = false;

  constructor(
    private readonly emit: EmitEvent,
    options: Camt053Options = {},
  ) {
    this.limits = { ...DEFAULT_XML_LIMITS, ...options.limits };
    this.map = new Camt053Mapping(emit, (code, message, where, severity) =>
      this.report(code, message, where, severity),
    );
    const p = this.parser;
    p.on('opentag', (tag) => this.onOpen(tag.name, tag.attributes as Record<string, string>));
    p.on('closetag', () => this.onClose());
    p.on('text', (t) => this.onText(t));
    p.on('cdata', (t) => this.onText(t));
    // Second line of defence: the guard refuses DOCTYPE before saxes sees it.
    p.on('doctype', () =>
      this.stop(
        'xml.declaration_refused',
        'The XML has a DOCTYPE declaration; bank statements never need one, so the file is refused.',
      ),
    );
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
      this.stop(
        'xml.declaration_refused',
        `The XML contains an ${declaration} declaration; it is refused before parsing (no DTDs, no entities).`,
        {
          params: { declaration },
        },
      );
      return;
    }
    this.chars += text.length;
    if (this.chars > this.limits.maxChars) {
      this.stop('xml.too_large', `The XML is larger than ${this.limits.maxChars} characters.`, {
        params: { limit: this.limits.maxChars },
      });
      return;
    }
    this.sinceEvent += text.length;
    this.parser.write(text);
    // Counted per chunk (not per character) to stay cheap; enough to stop a gigabyte-long text node.
    if (!this.stoppedFlag && this.sinceEvent > this.limits.maxNodeChars) {
      this.stop(
        'xml.node_too_large',
        `One XML text, tag or comment is longer than ${this.limits.maxNodeChars} characters.`,
        {
          params: { limit: this.limits.maxNodeChars },
        },
      );
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
    if (this.refused) this.map.discard();
    this.map.finishStatement();
    if (!this.stoppedFlag && this.sawRoot && !this.sawStatementMessage) {
      this.report(
        'camt053.not_a_statement',
        'The XML has no BkToCstmrStmt element: it is not a camt.053 bank statement.',
        {},
      );
    } else if (!this.stoppedFlag && this.sawStatementMessage && this.map.count === 0) {
      this.report('camt053.no_statements', 'The camt.053 message contains no statement (Stmt).', {
        field: 'BkToCstmrStmt',
      });
    }
  }

  private stop(code: string, message: string, extra: Omit<Problem, 'code' | 'message'> = {}): void {
    if (this.stoppedFlag) return;
    this.stoppedFlag = true;
    this.refused = code !== 'xml.malformed';
    this.capture.abandon();
    this.report(code, message, { field: this.path(), ...extra });
  }

  private report(
    code: string,
    message: string,
    where: Omit<Problem, 'code' | 'message'>,
    severity: 'error' | 'warning' = 'error',
  ): void {
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
      this.stop(
        'xml.too_deep',
        `The XML nests elements more than ${this.limits.maxDepth} deep; a bank statement never does.`,
        {
          params: { limit: this.limits.maxDepth },
        },
      );
      return;
    }
    if (this.captureKind) {
      if (!this.capture.open(name, attrs))
        this.stop('xml.too_many_nodes', 'One camt.053 element has too many sub-elements.');
      return;
    }
    const parent = depth >= 2 ? this.stack[depth - 2] : undefined;
    if (parent === 'Stmt' && this.map.statementDepth === depth - 1) {
      if (name === 'Ntry') this.map.startEntry(depth);
      else if (STATEMENT_PARTS.has(name)) this.begin('statement', name, attrs);
    } else if (parent === 'Ntry' && this.map.entryDepth === depth - 1) {
      if (ENTRY_PARTS.has(name)) this.begin('entry', name, attrs);
    } else if (name === 'TxDtls' && parent === 'NtryDtls' && this.map.entryDepth === depth - 2) {
      this.begin('details', name, attrs);
    } else if (name === 'Stmt' && parent === 'BkToCstmrStmt') {
      this.map.startStatement(depth, this.stack.slice(0, -1).join('/'));
    } else if (name === 'BkToCstmrStmt') {
      this.sawStatementMessage = true;
    } else if (name === 'Document') {
      this.checkNamespace(attrs);
    } else if (OTHER_CAMT.has(name)) {
      this.stop(
        'camt053.other_message',
        `This is ${OTHER_CAMT.get(name)}, not a camt.053 statement; ask the bank for camt.053.`,
      );
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
        if (kind === 'statement') this.map.statementPart(done);
        else if (kind === 'entry') this.map.entryPart(done);
        else this.map.detailsRead(done);
      }
      return;
    }
    if (name === 'Ntry' && this.map.entryDepth === depth) this.map.finishEntry();
    else if (name === 'Stmt' && this.map.statementDepth === depth) this.map.finishStatement();
  }

  private checkNamespace(attrs: Readonly<Record<string, string>>): void {
    for (const [k, v] of Object.entries(attrs)) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
      const m = /camt\.(\d{3})\.001\.(\d{2})/.exec(v);
      if (!m) continue;
      if (m[1] !== '053') continue; // camt.052/054 are caught by their root element
      const version = Number(m[2]);
      if (version < 2 || version > 13) {
        this.report(
          'camt053.unknown_version',
          `camt.053.001.${m[2]} is not a version this parser knows (001.02–001.13); reading it as the nearest one.`,
          {
            field: this.path(),
            params: { version: `001.${m[2]}` },
          },
          'warning',
        );
      }
    }
  }
}

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
    problem: problem(
      'xml.encoding_unsupported',
      `The XML declares the encoding "${declared}", which is not supported; it is read as UTF-8.`,
      {
        severity: 'warning',
        params: { encoding: declared },
      },
    ),
  };
}

/**
 * Streams statement events out of a camt.053 document given as chunks (a Node Readable, a web stream
 * reader, any async iterable of bytes or strings). Stops reading the source as soon as the document
 * is refused, so a hostile stream is never consumed to its end.
 */
export async function* parseCamt053Stream(
  source: ChunkSource,
  options: Camt053Options = {},
): AsyncGenerator<StatementEvent> {
  const queue: StatementEvent[] = [];
  const emit: EmitEvent = (e) => queue.push(e);
  const reader = new Camt053Reader(emit, options);
  try {
    for await (const text of decodeStream(source, {
      detect: xmlDecoderDetect((d) => queue.push(unsupportedEncoding(d))),
    })) {
      guarded(PARSER, emit, () => reader.write(text));
      if (queue.length > 0) yield* queue.splice(0, queue.length);
      if (reader.stopped) break;
    }
  } catch (e) {
    queue.push(readFailure(e));
  }
  guarded(PARSER, emit, () => reader.end());
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
  guarded(PARSER, collector.emit, () => {
    for (let i = 0; i < text.length && !reader.stopped; i += SLICE) reader.write(text.slice(i, i + SLICE));
  });
  guarded(PARSER, collector.emit, () => reader.end());
  return collector.result();
}
