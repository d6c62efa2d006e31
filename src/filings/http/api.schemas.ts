// The zod schemas of the filing API: what it answers (a filing's public document and its versions, a
// party's reports, a submission's outcome, a stored scan) and how it refuses (problems with their
// messages in every language). They make the routes' validation and the OpenAPI document.
import { z } from 'zod';
import { LOCALES } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { describeProblem } from '../filing.messages.ts';

export const ProblemResource = z
  .object({
    code: z
      .string()
      .describe('Stable machine-readable code of the problem, e.g. `balance.mismatch` or `date.outside_period`.'),
    severity: z.enum(['error', 'warning']).describe('`error` refuses the report; `warning` does not.'),
    message: z.string().describe('What is wrong and where, in English.'),
    messages: z
      .object({
        ky: z.string().describe('In Kyrgyz.'),
        ru: z.string().describe('In Russian.'),
        en: z.string().describe('In English.'),
      })
      .describe('The same message in each language of the platform.'),
    field: z.string().optional().describe('Path of the field in the filing document, e.g. `receipts[3].date`.'),
    row: z.number().int().optional().describe('1-based line number within its section.'),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe('The values the message is made from (amounts in tyiyn).'),
  })
  .meta({
    id: 'FilingProblem',
    description: 'One problem found in a filing: where it is, what is wrong, and whether it blocks the report.',
  });

export function problemResource(p: Problem): z.infer<typeof ProblemResource> {
  const messages = Object.fromEntries(LOCALES.map((l) => [l, describeProblem(p, l)])) as {
    ky: string;
    ru: string;
    en: string;
  };
  return {
    code: p.code,
    severity: p.severity === 'warning' ? 'warning' : 'error',
    message: messages.en,
    messages,
    ...(p.field !== undefined ? { field: p.field } : {}),
    ...(p.row !== undefined ? { row: p.row } : {}),
    ...(p.params !== undefined ? { params: p.params } : {}),
  };
}

export const FilingStatusEnum = z
  .enum(['filed', 'under_review', 'accepted', 'returned'])
  .describe('Review status: filed → under_review → accepted or returned (with reasons).');

export const SubmissionResult = z
  .object({
    data: z
      .object({
        id: z.number().int().describe('Id of the filed version; its public page is `/{locale}/reports/{id}`.'),
        chainId: z.number().int().describe('Id of the report (the chain of its versions).'),
        version: z
          .number()
          .int()
          .describe('Version number within the chain: 1 for a new report, more for an amendment.'),
        replayed: z
          .boolean()
          .describe('True when the Idempotency-Key had been used for this same report: nothing new was filed.'),
        url: z.string().describe('Path of the public page of the version.'),
        warnings: z
          .array(ProblemResource)
          .describe('Problems that did not stop the report but that the filer should read.'),
      })
      .describe('The filed version.'),
  })
  .meta({ id: 'FilingSubmission', description: 'The answer to a submitted filing.' });

export const FilingErrorBody = z
  .object({
    error: z
      .object({
        code: z
          .string()
          .describe('`filing_invalid` (see `problems`), `idempotency_key_reused`, `unauthorized` or `forbidden`.'),
        message: z.string().describe('Plain-language explanation, in English.'),
        problems: z
          .array(ProblemResource)
          .optional()
          .describe('For `filing_invalid`: every error found, each naming its line and field.'),
      })
      .describe('What went wrong.'),
  })
  .meta({ id: 'FilingError', description: 'A refused filing: nothing was stored.' });

export const PublicHeader = z
  .object({
    partyRegistrationNumber: z.string().describe('Registration number of the party.'),
    electionId: z.string().describe('Election id.'),
    reportKind: z.string().describe('Kind of report: initial, interim, first, final or annual.'),
    periodFrom: z.string().describe('First day of the period, YYYY-MM-DD.'),
    periodTo: z.string().describe('Last day of the period, YYYY-MM-DD.'),
    account: z
      .object({
        bank: z.string().describe('Bank of the electoral fund account.'),
        number: z.string().describe('Account number.'),
      })
      .describe('The electoral fund account.'),
    openingBalance: z.number().int().describe('Balance at the start of the period, tyiyn.'),
    closingBalance: z.number().int().describe('Balance at the end of the period, tyiyn.'),
    totals: z
      .object({
        receipts: z.number().int().describe('Total receipts, tyiyn.'),
        expenditures: z.number().int().describe('Total expenditures, tyiyn.'),
        refunds: z.number().int().describe('Total refunds, tyiyn.'),
      })
      .describe('Section totals.'),
    signer: z
      .object({ name: z.string().describe('Who signed the report.'), position: z.string().describe('Their position.') })
      .describe('The signer.'),
  })
  .meta({ id: 'PublicFilingHeader', description: 'Header of a filed report.' });

/** The sections a published document of either format has. */
const publicSections = {
  receipts: z
    .array(
      z
        .object({
          lineId: z.string().describe('Line id, kept across versions.'),
          date: z.string().describe('Date, YYYY-MM-DD.'),
          donorType: z.string().describe('individual, legal_entity, party_own_funds, candidate_own_funds or other.'),
          donorName: z.string().describe('Name of the donor.'),
          donorInn: z.string().optional().describe('INN of a legal entity donor; never a person’s number.'),
          amount: z.number().int().describe('Amount, tyiyn.'),
          channel: z.string().describe('bank_transfer, cash, mobile_banking or other.'),
          bankReference: z.string().optional().describe('Reference of the bank operation.'),
        })
        .describe('A receipt.'),
    )
    .describe('Receipts, itemised. Personal identification numbers and addresses are never published.'),
  expenditures: z
    .array(
      z
        .object({
          lineId: z.string().describe('Line id, kept across versions.'),
          date: z.string().describe('Date, YYYY-MM-DD.'),
          category: z.string().describe('Expenditure category as the CEC publishes them.'),
          payeeName: z.string().describe('Who was paid.'),
          payeeInn: z.string().optional().describe('INN of the payee when it is a legal entity.'),
          amount: z.number().int().describe('Amount, tyiyn.'),
          documentNumber: z.string().describe('Supporting document.'),
          description: z.string().describe('What was bought.'),
        })
        .describe('An expenditure.'),
    )
    .describe('Expenditures, itemised.'),
  refunds: z
    .array(
      z
        .object({
          lineId: z.string().describe('Line id.'),
          date: z.string().describe('Date, YYYY-MM-DD.'),
          receiptLineId: z.string().describe('The receipt refunded.'),
          kind: z.string().describe('returned_to_donor or transferred_to_budget.'),
          reason: z.string().describe('prohibited_donor, over_cap, anonymous, debtor or other.'),
          amount: z.number().int().describe('Amount, tyiyn.'),
        })
        .describe('A refund.'),
    )
    .describe('Refunds of donations that could not be kept.'),
  attachments: z
    .array(
      z
        .object({
          sha256: z.string().describe('SHA-256 of the file.'),
          fileName: z.string().describe('File name.'),
          mediaType: z.string().describe('application/pdf, image/jpeg or image/png.'),
          size: z.number().int().describe('Size in bytes.'),
        })
        .describe('A scanned supporting document; served at /reports/{id}/scans/{sha256}.'),
    )
    .describe('Scans of supporting documents.'),
};

export const PublicDocument = z
  .object({
    format: z.literal('talapker-filing-v1').describe('Format of the document.'),
    header: PublicHeader,
    ...publicSections,
  })
  .meta({
    id: 'PublicFiling',
    description: 'A filed version of a finance report as published: the filing v1 document without private fields.',
  });

export const PublicHeaderV2 = z
  .object({
    ...PublicHeader.shape,
    filer: z
      .object({
        kind: z.enum(['party', 'candidate']).describe('A party’s fund or a candidate’s.'),
        candidateId: z.number().int().optional().describe('The candidate, as the filer stated it (informative).'),
      })
      .optional()
      .describe('Whose fund this is; a party’s when absent.'),
  })
  .meta({ id: 'PublicFilingHeaderV2', description: 'Header of a report filed in the v2 format.' });

export const PublicDocumentV2 = z
  .object({
    format: z.literal('talapker-filing-v2').describe('Format of the document.'),
    header: PublicHeaderV2,
    ...publicSections,
    inKind: z
      .array(
        z
          .object({
            lineId: z.string().describe('Line id, kept across versions.'),
            date: z.string().describe('Date, YYYY-MM-DD.'),
            donorType: z.string().describe('individual, legal_entity, party_own_funds, candidate_own_funds or other.'),
            donorName: z.string().describe('Name of the donor.'),
            donorInn: z.string().optional().describe('INN of a legal entity donor; never a person’s number.'),
            estimatedValue: z.number().int().describe('Estimated value of the gift, tyiyn.'),
            valuation: z.string().describe('market_price, invoice, commission_estimate or other.'),
            description: z.string().describe('What was given.'),
          })
          .describe('A gift in kind.'),
      )
      .describe(
        'Gifts in kind (goods, services, use of premises or vehicles) at their estimated value. Personal identification numbers and addresses are never published.',
      ),
    loans: z
      .array(
        z
          .object({
            lineId: z.string().describe('Line id, kept across versions.'),
            date: z.string().describe('Day the loan was received, YYYY-MM-DD.'),
            lenderType: z.string().describe('individual, legal_entity, party_own_funds, candidate_own_funds or other.'),
            lenderName: z.string().describe('Name of the lender.'),
            lenderInn: z.string().optional().describe('INN of a legal entity lender; never a person’s number.'),
            amount: z.number().int().describe('Amount lent, tyiyn.'),
            annualRatePercent: z.number().describe('Annual interest rate in percent.'),
            termMonths: z.number().int().describe('Term of the loan in months.'),
            repayments: z
              .array(
                z
                  .object({
                    date: z.string().describe('Date, YYYY-MM-DD.'),
                    amount: z.number().int().describe('Amount repaid, tyiyn.'),
                  })
                  .describe('A repayment.'),
              )
              .describe('Repayments made; what is still owed is the amount less their sum.'),
            status: z.string().describe('outstanding, repaid, forgiven or unpaid_at_term.'),
          })
          .describe('A loan.'),
      )
      .describe('Loans received. A lender’s personal identification number is never published.'),
  })
  .meta({
    id: 'PublicFilingV2',
    description:
      'A filed version of a finance report in the v2 format as published: the v1 sections, gifts in kind and loans, without private fields.',
  });

export const VersionSummary = z
  .object({
    id: z.number().int().describe('Id of the version.'),
    version: z.number().int().describe('Version number in its chain.'),
    status: FilingStatusEnum,
    isLatest: z.boolean().describe('Whether this is the latest version (the one totals count).'),
    submittedAt: z.string().describe('When it was filed (ISO 8601).'),
    totalReceipts: z.number().int().describe('Total receipts, tyiyn.'),
    totalExpenditures: z.number().int().describe('Total expenditures, tyiyn.'),
  })
  .meta({ id: 'FilingVersion', description: 'One filed version of a report.' });

export const FilingResource = z
  .object({
    data: z
      .object({
        id: z.number().int().describe('Id of this version.'),
        chainId: z.number().int().describe('Id of the report.'),
        version: z.number().int().describe('Version number.'),
        status: FilingStatusEnum,
        isLatest: z.boolean().describe('Whether a later version exists (false) or not (true).'),
        submittedAt: z.string().describe('When it was filed (ISO 8601).'),
        versions: z.array(VersionSummary).describe('Every version of the report, oldest first.'),
        document: z
          .discriminatedUnion('format', [PublicDocument, PublicDocumentV2])
          .describe('The document as published, in the format it was filed in.'),
      })
      .describe('The version.'),
  })
  .meta({ id: 'Filing', description: 'A filed version of a finance report with its siblings.' });

export const PartyFilings = z
  .object({
    data: z
      .array(
        z
          .object({
            chainId: z.number().int().describe('Id of the report.'),
            reportKind: z.string().describe('Kind of report.'),
            periodFrom: z.string().describe('First day of the period.'),
            periodTo: z.string().describe('Last day of the period.'),
            versions: z.array(VersionSummary).describe('Its versions, oldest first.'),
          })
          .describe('A report.'),
      )
      .describe('Every report of the party in the election.'),
  })
  .meta({ id: 'PartyFilings', description: 'A party’s finance reports in an election.' });

export const ScanUpload = z
  .object({
    data: z
      .object({
        sha256: z.string().describe('Name the file by this hash in the filing’s `attachments`.'),
        fileName: z.string().describe('File name as stored.'),
        mediaType: z.string().describe('Type detected from the bytes.'),
        size: z.number().int().describe('Size in bytes.'),
      })
      .describe('The stored scan.'),
  })
  .meta({ id: 'ScanUpload', description: 'A scan stored for a later filing.' });

export const SimpleError = z
  .object({
    error: z
      .object({
        code: z.string().describe('Machine-readable code.'),
        message: z.string().describe('Explanation, in English.'),
      })
      .describe('What went wrong.'),
  })
  .meta({ id: 'FilingRequestError', description: 'A refused request.' });

export const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
export const versionSummary = (v: {
  id: number;
  version: number;
  status: string;
  isLatest: boolean;
  submittedAt: string | null;
  totalReceipts: number;
  totalExpenditures: number;
}) => ({
  id: v.id,
  version: v.version,
  status: v.status as z.infer<typeof FilingStatusEnum>,
  isLatest: v.isLatest,
  submittedAt: v.submittedAt ?? '',
  totalReceipts: v.totalReceipts,
  totalExpenditures: v.totalExpenditures,
});
