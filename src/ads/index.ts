// Political advertising: what the platforms publish about the ads parties and candidates bought. The
// parsers of the platforms' reports (core/), the reports taken in with their files, exchange rates, the
// commission's links of advertisers to parties, the comparison with the declared online advertising
// and its findings (kept in this capability's own table, shaped like compliance's findings), the public
// ad page with downloads and API, the election page's link to it, and the demo's reports.
import type { Capability } from '../platform/capability.ts';
import { adsMessages } from './ads.messages.ts';
import { adsPublicRoutes } from './http/public.routes.tsx';
import { adsCommissionRoutes } from './http/commission.routes.tsx';
import { ADS_API_TAG, adsApi } from './http/api.routes.ts';
import { adsElectionSection } from './http/sections.tsx';
import { adsDemo } from './ads-demo.ts';
import { refreshAdFindings } from './ads.service.ts';
import { t } from './ads.messages.ts';
import { startMetaFetchWorker } from './meta-library/meta-fetch.jobs.ts';

export const ads: Capability = {
  name: 'ads',
  messages: [adsMessages],
  async routes(app, ctx) {
    await adsPublicRoutes(app, ctx);
    await adsCommissionRoutes(app, ctx);
  },
  api: { tag: ADS_API_TAG, register: adsApi },
  // After the donor and payee lists (21), before the list of reports (30).
  sections: { election: adsElectionSection, order: 22 },
  demo: adsDemo,
  // Fetches from Meta's Ad Library API when the token and the interval are configured; idle otherwise.
  work: startMetaFetchWorker,
  subscribe(events, ctx) {
    // A filed report may change what a party declared for online advertising.
    events.on('filing.filed', 'ads', async (f) => {
      await refreshAdFindings(ctx, f.electionId);
    });
  },
  staffLinks: (locale, may) =>
    may('findings.read') ? [{ href: `/${locale}/commission/ads`, label: t(locale, 'ads.commission.title') }] : [],
};

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
export { adsOverview, importAdReport, importRates, decideLink, refreshAdFindings } from './ads.service.ts';
export { compareAdSpend, AD_RULES, type AdFinding, type Comparison } from './core/comparison.ts';
export { fetchMetaAds, type MetaFetched, type MetaFetchInput } from './meta-library/meta-fetch.service.ts';
export { archiveReport, type ArchiveAd } from './meta-library/core/archive-report.ts';
