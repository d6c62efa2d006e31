// Annual financial reports of parties outside election campaigns (ODIHR 2020's recommendation): a
// reporting year instead of an election; receipts by source with itemised donations, expenditures by
// category, assets and liabilities at the year's end (the format and its checks in core/); chains of
// immutable versions per party and year, each filing entered in the activity log and the transparency
// log; the preliminary check of every donation by the compliance capability's rules on prohibited donors;
// the public pages of a party's years and of a donor across years, their downloads, the treasurer's
// screen and the filing API. Other capabilities reach it through this file only.
import type { Capability } from '../platform/capability.ts';
import { defineRoutes } from '../platform/web/index.ts';
import { annualReportMessages, t } from './annual-reports.messages.ts';
import { ANNUAL_PUBLIC_ROUTES } from './http/public.routes.tsx';
import { ANNUAL_TREASURER_ROUTES } from './http/treasurer.routes.tsx';
import { siteAuth } from './http/access.ts';
import { ANNUAL_REPORTS_API_TAG, annualReportsApi } from './http/api.routes.ts';
import { annualReportsLogged } from './annual-report-log.ts';
import { annualPath } from './views/parts.tsx';
import { annualPartySection } from './http/party-section.tsx';

/** Every site route, for the server and the authorisation tests. */
export const annualReportRoutes = () => [...ANNUAL_PUBLIC_ROUTES, ...ANNUAL_TREASURER_ROUTES];

export const annualReports: Capability = {
  name: 'annual-reports',
  messages: [annualReportMessages],
  async routes(app, ctx) {
    await defineRoutes(app, ctx, annualReportRoutes(), {
      auth: siteAuth,
      multipartLimits: { fields: 5, parts: 6, fieldSize: 5 * 1024 * 1024 },
    });
  },
  api: { tag: ANNUAL_REPORTS_API_TAG, register: annualReportsApi },
  logged: annualReportsLogged,
  // After the campaign's money (filings' 30): the party's years outside campaigns.
  sections: { party: annualPartySection, order: 31 },
  staffLinks: (locale, may) =>
    may('filing.submit')
      ? [{ href: `/${locale}${annualPath.treasurer}`, label: t(locale, 'annual.treasurer.title') }]
      : [],
};

export {
  ANNUAL_REPORT_FORMAT,
  annualReportSchema,
  type AnnualReport,
  type AnnualReportInput,
} from './core/annual-report.ts';
export { validateAnnualReport } from './core/annual-report-validation.ts';
export { annualReportDeadline, ANNUAL_REPORT_RULES } from './core/annual-rules.ts';
export {
  getAnnualReport,
  getDonorAcrossYears,
  getPartyAnnualReports,
  submitAnnualReport,
} from './annual-reports.service.ts';
