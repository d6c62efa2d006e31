// Which platform's file this is, told by its content: a ZIP is Meta's zipped report, a CSV by its
// header. The file name is not trusted for this, since downloads get renamed.

import { problem } from '../../platform/result.ts';
import type { AdReportParseResult, ReportPeriod } from './ad-report.ts';
import { readCsvTable } from './csv-table.ts';
import { isGoogleStatsHeader, parseGoogleStats } from './google-stats.parser.ts';
import { isMetaReportHeader, parseMetaReport, parseMetaReportZip } from './meta-report.parser.ts';

export type AdFileKind = 'meta-zip' | 'meta' | 'google' | 'unknown';

export interface AdParseOptions {
  fileName?: string;
  currency?: string;
  period?: ReportPeriod;
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export function detectAdFile(input: Uint8Array): AdFileKind {
  if (isZip(input)) return 'meta-zip';
  // The header is on the first line; a few kilobytes hold it even with many currency columns.
  const head = input.subarray(0, 16 * 1024);
  const end = head.indexOf(0x0a);
  const read = readCsvTable(end < 0 ? head : head.subarray(0, end));
  if ('problem' in read) return 'unknown';
  if (isMetaReportHeader(read.table.header)) return 'meta';
  if (isGoogleStatsHeader(read.table.header)) return 'google';
  return 'unknown';
}

/** Reads any of the files the platforms publish; what is not one of them is a problem, not a throw. */
export function parseAdFile(input: Uint8Array, options: AdParseOptions = {}): AdReportParseResult {
  const kind = detectAdFile(input);
  switch (kind) {
    case 'meta-zip':
      return parseMetaReportZip(input, options);
    case 'meta':
      return parseMetaReport(input, options);
    case 'google':
      return parseGoogleStats(input, options);
    case 'unknown':
      return {
        report: null,
        problems: [
          problem(
            'ads.format_unknown',
            "The file is neither Meta's Ad Library Report (CSV or ZIP) nor Google's political-ads advertiser statistics.",
            { row: 1, severity: 'error' },
          ),
        ],
      };
  }
}
