// Finance reports of parties' electoral funds, as a capability: the format and its rules (core/), drafts,
// submission, review and the public record (the services), their pages and forms (http/, views/), the
// filing API, the finance sections of the election and party pages, the demo's reports, and the staff
// screens in the signed-in navigation. Other capabilities reach filings through this file only.
//
// Filing a report raises `filing.filed` on the context's event bus; filings subscribes to nothing. Uploaded
// scans are read in the background (scan-text-jobs.ts): OCR of images, the text layer of PDFs.
import type { Capability } from '../platform/capability.ts';
import { filingWebMessages, t } from './filing.messages.ts';
import { filingMessages } from './core/validation.messages.ts';
import { filingRoutes } from './http/site.ts';
import { FILINGS_API_TAG, filingApi } from './http/api.routes.ts';
import { filingDistrictSection, filingElectionSection, filingPartySection } from './http/sections.tsx';
import { loadAllFilingDemos } from './filing-demo-2021.ts';
import { filingsLogged } from './filing-log.ts';
import { ocrOf, type OcrOptions } from './ocr.ts';
import { startScanTextWorker } from './scan-text-jobs.ts';

/**
 * Finance reports, with the OCR programs to use (tests point them elsewhere). The server says once, when it
 * is ready, what OCR cannot do here; the worker beside it reads the uploaded scans.
 */
export function filingsCapability(opts: { ocr?: OcrOptions } = {}): Capability {
  return {
    name: 'filings',
    messages: [filingWebMessages, filingMessages],
    routes: (app, ctx) => {
      // Looked for behind the start, not before it: the server need not wait for two programs to answer.
      app.addHook('onReady', async () => {
        void ocrOf(ctx, opts.ocr).then((found) => {
          for (const notice of found.notices) app.log.warn(notice);
        });
      });
      return filingRoutes(app, ctx);
    },
    work: (ctx, onError) => startScanTextWorker(ctx, onError, opts.ocr),
    api: { tag: FILINGS_API_TAG, register: filingApi },
    sections: {
      election: filingElectionSection,
      party: filingPartySection,
      district: filingDistrictSection,
      order: 30,
    },
    demo: loadAllFilingDemos,
    logged: filingsLogged,
    staffLinks: (locale, may) => [
      ...(may('filing.draft.read')
        ? [{ href: `/${locale}/treasurer`, label: t(locale, 'filings.treasurer.title') }]
        : []),
      // The queue is the commission's, open to who reads findings; a treasurer's `filing.read` is for their own party.
      ...(may('findings.read')
        ? [{ href: `/${locale}/commission/reports`, label: t(locale, 'filings.review.title') }]
        : []),
    ],
  };
}

export const filings: Capability = filingsCapability();

// What other capabilities use of filings: the format's types and labels (finance), the demo's reports
// (the bank statements of the demo are made from the same money), and the services tests and fixtures
// file reports through.
export {
  donorTypeSchema,
  expenditureCategorySchema,
  FILING_FORMAT,
  filingSchema,
  receiptChannelSchema,
  type DonorType,
  type Expenditure,
  type ExpenditureCategory,
  type Filing,
  type Receipt,
  type Refund,
  type RefundKind,
  type RefundReason,
  type ReceiptChannel,
  type ReportKind,
} from './core/filing.ts';
export {
  donorTypeLabels,
  EXPENDITURE_GROUPS,
  expenditureCategoryGroups,
  expenditureCategoryLabels,
  expenditureGroupLabels,
  expenditureGroupOf,
  receiptChannelLabels,
  reportKindLabels,
  type ExpenditureGroup,
} from './core/filing-labels.ts';
export { buildFiling } from './core/filing-build.ts';
export {
  FILING_FORMAT_V2,
  loanStatusSchema,
  valuationSchema,
  type FilingV2,
  type FilingV2Input,
  type LoanStatus,
  type Valuation,
} from './core/filing-v2.ts';
export { loanAsDonation } from './core/donor-caps.ts';
export { buildFilingDemo, loadFilingDemo, PLANTED, type DemoReport } from './filing-demo.ts';
export { buildFilingDemo2021, loadAllFilingDemos } from './filing-demo-2021.ts';
export { createDraft } from './draft.service.ts';
export { submitFiling } from './submission.service.ts';
export { reviewFiling } from './review.service.ts';
export { filingRoutes, filingApi, filingElectionSection, filingPartySection, FILINGS_API_TAG };
export { filedCampaigns, loadCampaignFilings, type FiledCampaign, type FiledVersion } from './campaign.service.ts';
export { type DocumentHit } from './filing-search.repository.ts';
export { searchDocuments } from './document-search.service.ts';
