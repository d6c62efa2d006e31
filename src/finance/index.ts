// The finance capability: the public read side of campaign money. Totals, breakdowns and charts of
// every party's electoral fund, itemised receipts and expenditures with keyset pagination, report
// deadlines, downloads, Atom feeds and the finance API. It reads what the filings capability stores
// and adds sections to the election and party pages; it has no demo content of its own.
import type { Capability } from '../platform/capability.ts';
import { financeMessages } from './finance.messages.ts';
import { financeRoutes } from './http/public.routes.tsx';
import { FINANCE_API_TAG, financeApi } from './http/api.routes.ts';
import { financeElectionSection, financePartySection } from './http/sections.tsx';
import { financeDataFiles } from './http/data-files.ts';

export const finance: Capability = {
  name: 'finance',
  messages: [financeMessages],
  routes: (app, ctx) => financeRoutes(app, ctx),
  api: { tag: FINANCE_API_TAG, register: financeApi },
  sections: { election: financeElectionSection, party: financePartySection, order: 20 },
  dataFiles: financeDataFiles,
};

// Until the server loops over the capabilities, it wires these one by one.
export { financeRoutes, financeApi, FINANCE_API_TAG, financeElectionSection, financePartySection };
// Charts with their tables, for other capabilities' pages about an election's money.
export { barChart, donutChart, comparisonChart, PALETTE, type RenderedChart, type Share } from './core/charts.ts';
export { TableView as ChartTable } from './views/charts.tsx';
// The Atom writer and the filed reports it announces, for other capabilities' feeds (a party's, a donor's).
export { atomFeed, ATOM_MEDIA_TYPE, FEED_ENTRIES, type FeedInput } from './core/atom-feed.ts';
export { listFiledReports } from './totals.repository.ts';
