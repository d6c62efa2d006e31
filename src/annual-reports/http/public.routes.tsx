// The public side of annual reports: a party's years, one year (the latest version or an earlier one
// asked for), a donor across years, and the downloads of a year. Anyone may read them; nothing they
// answer carries a PIN or an address.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import {
  notFound,
  PUBLIC_REVALIDATE,
  publicGet,
  renderPage,
  route,
  sendDownload,
  sendHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { getAnnualReport, getDonorAcrossYears, getPartyAnnualReports } from '../annual-reports.service.ts';
import { FIRST_REPORTING_YEAR } from '../core/annual-report.ts';
import { PartyAnnualReportsPage } from '../views/party-annual-reports.page.tsx';
import { AnnualReportPage } from '../views/annual-report.page.tsx';
import { AnnualDonorPage } from '../views/donor.page.tsx';
import { annualReportJson, donationsCsv } from './downloads.ts';

const reg = z.string().min(1).max(40);
const year = z.coerce.number().int().min(FIRST_REPORTING_YEAR).max(9999);
const PartyParams = z.object({ locale: localeSchema, reg });
const YearParams = PartyParams.extend({ year });
const DownloadParams = z.object({ reg, year });
// A version nobody could have been given falls back to the latest rather than refusing the page.
const VersionQuery = z.object({
  version: z.coerce.number().int().positive().max(1_000_000).optional().catch(undefined),
});
const DonorParams = z.object({ locale: localeSchema, id: z.string().regex(/^[0-9a-f]{24}$/) });

export const ANNUAL_PUBLIC_ROUTES: readonly RouteDef[] = [
  publicGet(
    'annual.party',
    '/:locale/parties/:reg/annual-reports',
    PartyParams,
    async ({ ctx, reply, locale, params }) => {
      const found = await getPartyAnnualReports(ctx, params.reg);
      if (!found) return notFound(reply, locale);
      return sendHtml(reply, renderPage(<PartyAnnualReportsPage locale={locale} {...found} />), {
        cache: PUBLIC_REVALIDATE,
      });
    },
  ),
  route({
    id: 'annual.year',
    method: 'GET',
    url: '/:locale/parties/:reg/annual-reports/:year',
    access: { kind: 'public' },
    params: YearParams,
    query: VersionQuery,
    async handler({ ctx, reply, locale, params, query }) {
      const view = await getAnnualReport(ctx, params.reg, params.year, query.version);
      if (!view) return notFound(reply, locale);
      return sendHtml(reply, renderPage(<AnnualReportPage locale={locale} {...view} />), { cache: PUBLIC_REVALIDATE });
    },
  }),
  publicGet(
    'annual.donor',
    '/:locale/annual-reports/donors/:id',
    DonorParams,
    async ({ ctx, reply, locale, params }) => {
      const gifts = await getDonorAcrossYears(ctx, params.id);
      return sendHtml(reply, renderPage(<AnnualDonorPage locale={locale} donorId={params.id} gifts={gifts} />), {
        cache: PUBLIC_REVALIDATE,
      });
    },
  ),
  route({
    id: 'annual.json',
    method: 'GET',
    url: '/parties/:reg/annual-reports/:year/report.json',
    access: { kind: 'public' },
    params: DownloadParams,
    query: VersionQuery,
    async handler({ ctx, reply, params, query }) {
      const view = await getAnnualReport(ctx, params.reg, params.year, query.version);
      if (!view) return notFound(reply, 'en');
      return sendDownload(
        reply,
        {
          type: 'application/json; charset=utf-8',
          filename: `annual-report-${params.reg}-${params.year}-v${view.shown.version}.json`,
          body: JSON.stringify(annualReportJson(view), null, 2),
        },
        PUBLIC_REVALIDATE,
      );
    },
  }),
  route({
    id: 'annual.csv',
    method: 'GET',
    url: '/parties/:reg/annual-reports/:year/donations.csv',
    access: { kind: 'public' },
    params: DownloadParams,
    query: VersionQuery,
    async handler({ ctx, reply, params, query }) {
      const view = await getAnnualReport(ctx, params.reg, params.year, query.version);
      if (!view) return notFound(reply, 'en');
      return sendDownload(
        reply,
        {
          type: 'text/csv; charset=utf-8',
          filename: `annual-donations-${params.reg}-${params.year}-v${view.shown.version}.csv`,
          body: donationsCsv(view),
        },
        PUBLIC_REVALIDATE,
      );
    },
  }),
];
