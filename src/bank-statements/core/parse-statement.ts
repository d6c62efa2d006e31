// One entry point for any bank file: detect the format (or take the caller's word), hand it to the
// right parser, and always return statements plus problems — never an exception.

import { problem } from '../../platform/result.ts';
import { type DetectedFormat, detectFormat } from './detect-format.ts';
import { parseCamt053, parseCamt053Stream } from './parsers/camt053.parser.ts';
import { parseMt940, parseMt940Stream } from './parsers/mt940.parser.ts';
import { parseOneC, parseOneCStream } from './parsers/one-c.parser.ts';
import {
  type ColumnMapping,
  type TabularStatementInfo,
  parseCsvStatement,
  parseXlsxStatement,
} from './parsers/tabular.parser.ts';
import type { StatementEvent, StatementFormat, StatementParseResult } from './statement.ts';
import { collectStream } from './statement-builder.ts';
import type { ChunkSource } from './text-decoding.ts';

export interface ParseStatementOptions {
  /** Skip detection. */
  format?: StatementFormat;
  /** CSV / XLSX: which column holds what. */
  mapping?: ColumnMapping;
  /** CSV / XLSX: the account and currency the file does not state. */
  statementInfo?: TabularStatementInfo;
  /** 1C: the currency of the accounts (1C files do not say; som by default). */
  currency?: string;
}

export interface ParsedStatementFile extends StatementParseResult {
  format: DetectedFormat;
}

const REFUSED: Partial<Record<DetectedFormat, string>> = {
  camt052: 'This is a camt.052 intraday account report, not a camt.053 statement; ask the bank for camt.053.',
  camt054: 'This is a camt.054 debit/credit notification, not a camt.053 statement; ask the bank for camt.053.',
};

const failed = (format: DetectedFormat, code: string, message: string): ParsedStatementFile => ({
  format,
  statements: [],
  problems: [problem(code, message, { severity: 'error' })],
});

/** Parses a whole bank file held in memory. */
export async function parseStatementBytes(
  bytes: Uint8Array,
  options: ParseStatementOptions = {},
): Promise<ParsedStatementFile> {
  try {
    const format: DetectedFormat = options.format ?? detectFormat(bytes);
    const refused = REFUSED[format];
    if (refused) return failed(format, 'statement.format_refused', refused);
    switch (format) {
      case 'camt053':
        return { format, ...parseCamt053(bytes) };
      case 'mt940':
      case 'mt942':
        return { format, ...parseMt940(bytes) };
      case '1c':
        return { format, ...parseOneC(bytes, options.currency ? { currency: options.currency } : {}) };
      case 'csv':
      case 'xlsx': {
        if (!options.mapping || !options.statementInfo) {
          return failed(
            format,
            'statement.mapping_required',
            `A ${format.toUpperCase()} statement needs a column mapping and the account and currency it is for.`,
          );
        }
        const r =
          format === 'csv'
            ? parseCsvStatement(bytes, options.mapping, options.statementInfo)
            : await parseXlsxStatement(bytes, options.mapping, options.statementInfo);
        return { format, ...r };
      }
      case 'camt052':
      case 'camt054':
      case 'unknown':
        return failed(
          format,
          'statement.format_unknown',
          'The file is not a bank statement format this platform reads (camt.053, MT940, 1C, CSV, XLSX).',
        );
    }
  } catch (e) {
    return failed(
      options.format ?? 'unknown',
      'parser.internal_error',
      `Parsing failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/**
 * Streams the events of a text or XML statement whose format is known (from `detectFormat` on its
 * first bytes, say); CSV and XLSX are read whole and then replayed as events.
 */
export async function* parseStatementStream(
  source: ChunkSource,
  format: DetectedFormat,
  options: ParseStatementOptions = {},
): AsyncGenerator<StatementEvent> {
  const refused = REFUSED[format];
  if (refused) {
    yield { kind: 'problem', problem: problem('statement.format_refused', refused, { severity: 'error' }) };
    return;
  }
  switch (format) {
    case 'camt053':
      yield* parseCamt053Stream(source);
      return;
    case 'mt940':
    case 'mt942':
      yield* parseMt940Stream(source);
      return;
    case '1c':
      yield* parseOneCStream(source, options.currency ? { currency: options.currency } : {});
      return;
    case 'csv':
    case 'xlsx': {
      const parts: Uint8Array[] = [];
      for await (const c of source) parts.push(typeof c === 'string' ? new TextEncoder().encode(c) : c);
      const r = await parseStatementBytes(Buffer.concat(parts), { ...options, format });
      yield* replay(r);
      return;
    }
    case 'camt052':
    case 'camt054':
    case 'unknown':
      yield {
        kind: 'problem',
        problem: problem(
          'statement.format_unknown',
          'The file is not a bank statement format this platform reads (camt.053, MT940, 1C, CSV, XLSX).',
          { severity: 'error' },
        ),
      };
  }
}

function* replay(r: StatementParseResult): Generator<StatementEvent> {
  for (const p of r.problems) yield { kind: 'problem', problem: p };
  for (const [i, s] of r.statements.entries()) {
    const { transactions, ...summary } = s;
    for (const transaction of transactions) yield { kind: 'transaction', statementIndex: i, transaction };
    yield { kind: 'statement', statementIndex: i, statement: summary, transactionCount: transactions.length };
  }
}

/** Convenience for callers with a stream who want whole statements. */
export function parseStatementStreamToResult(
  source: ChunkSource,
  format: DetectedFormat,
  options: ParseStatementOptions = {},
): Promise<StatementParseResult> {
  return collectStream(parseStatementStream(source, format, options));
}
