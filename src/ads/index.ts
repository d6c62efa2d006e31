// Political advertising: what the platforms publish about the ads parties and candidates bought.
// So far the parsers of the platforms' reports and the `talapker ads parse` command.

export type {
  AdReport,
  AdReportParseResult,
  AdSource,
  AdvertiserSpend,
  ReportPeriod,
  SpendRange,
} from './core/ad-report.ts';
export { formatMinor, parseSpend, totalSpend } from './core/ad-report.ts';
export { detectAdFile, parseAdFile, type AdFileKind, type AdParseOptions } from './core/detect.ts';
export { parseGoogleStats, type GoogleStatsOptions } from './core/google-stats.parser.ts';
export {
  parseMetaReport,
  parseMetaReportZip,
  periodFromFileName,
  type MetaReportOptions,
} from './core/meta-report.parser.ts';
export { adsParseCommand } from './ads-parse.command.ts';
