// The annual reports' part of the API: the JSON Schema of the format, filing (a first report of a year or
// its amendment) with an Idempotency-Key, and a party's reports as published. Filing needs a Bearer
// token of a treasurer of the party the document names, with the scopes `filings:write` and
// `filings:submit`, as finance reports do.
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import type { ApiInstance } from '../../platform/api/api-instance.ts';
import { badRequestResponse, BEARER_SECURITY, ErrorBody, jsonResponse } from '../../platform/api/common.schemas.ts';
import { PUBLIC_REVALIDATE } from '../../platform/web/index.ts';
import { actorOf } from '../../accounts/index.ts';
import { annualReportJsonSchema, ANNUAL_REPORT_JSON_SCHEMA_ID } from '../core/annual-report.ts';
import {
  getAnnualReport,
  getPartyAnnualReports,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  submitAnnualReport,
} from '../annual-reports.service.ts';
import { problemText } from '../annual-reports.messages.ts';
import { annualPath } from '../views/parts.tsx';
import { apiSubmitGuard, me, ownParty, partyOfDocument } from './access.ts';
import { annualReportJson } from './downloads.ts';

export const ANNUAL_REPORTS_API_TAG = {
  name: 'Annual reports',
  description:
    'Annual financial reports of parties outside election campaigns: filing, amendments, and the published reports with the preliminary automated check of their donations.',
};
const TAG = ANNUAL_REPORTS_API_TAG.name;

const AnnualProblem = z
  .object({
    code: z.string().describe('Stable machine-readable code, e.g. `annual.total_mismatch`.'),
    severity: z.enum(['error', 'warning']).describe('Errors refuse the report; warnings are told and do not.'),
    field: z.string().optional().describe('Path of the field in the document, e.g. `receipts.donations[2].date`.'),
    message: z.string().describe('What is wrong, in English.'),
    messages: z
      .object({
        ky: z.string().describe('In Kyrgyz.'),
        ru: z.string().describe('In Russian.'),
        en: z.string().describe('In English.'),
      })
      .describe('What is wrong, in each language of the platform.'),
  })
  .meta({ id: 'AnnualReportProblem', description: 'One problem of an annual report document.' });

const AnnualErrorBody = z
  .object({
    error: z
      .object({
        code: z.string().describe('`annual_report_invalid` (see `problems`) or `idempotency_key_reused`.'),
        message: z.string().describe('Plain-language explanation, in English.'),
        problems: z.array(AnnualProblem).describe('Every problem found.'),
      })
      .describe('What went wrong.'),
  })
  .meta({ id: 'AnnualReportError', description: 'A refused annual report: nothing was stored.' });

const AnnualSubmission = z
  .object({
    data: z
      .object({
        party: z.string().describe('The party’s registration number.'),
        year: z.number().int().describe('The reporting year.'),
        version: z.number().int().describe('The version filed: 1 for a year’s first report, more for amendments.'),
        replayed: z.boolean().describe('True when this key had filed already and this is that answer.'),
        findings: z.number().int().describe('How many findings the preliminary automated check made.'),
        url: z.string().describe('The public page of the year.'),
        warnings: z.array(AnnualProblem).describe('Warnings: they did not stop the report.'),
      })
      .describe('The filed version.'),
  })
  .meta({ id: 'AnnualReportSubmission', description: 'An annual report filed.' });

const AnnualYear = z
  .object({
    party: z.string().describe('The party’s registration number.'),
    year: z.number().int().describe('The reporting year.'),
    version: z.number().int().describe('The latest version, whose figures count.'),
    latestVersion: z.number().int().describe('The latest version (the same here).'),
    submittedAt: z.string().describe('When the latest version was filed (ISO 8601).'),
    deadline: z.string().describe('The last day the year’s report was due (YYYY-MM-DD).'),
    firstFiledOn: z.string().describe('The day the year’s first version was filed, in Bishkek (YYYY-MM-DD).'),
    late: z.boolean().describe('Whether the first version came after the deadline.'),
    document: z
      .record(z.string(), z.unknown())
      .describe(`The report as published: the format of \`${ANNUAL_REPORT_JSON_SCHEMA_ID}\` without personal data.`),
    donors: z
      .array(
        z
          .object({
            lineId: z.string().describe('The donation’s line id.'),
            donorId: z.string().describe('The donor’s public identifier, the same in every year and report.'),
            basis: z.enum(['number', 'name']).describe('Known by an identification number, or by name only.'),
          })
          .describe('A donation’s donor.'),
      )
      .describe('The donor of each donation.'),
    findings: z
      .array(z.record(z.string(), z.unknown()))
      .describe('Findings of the preliminary automated check on this version (not the commission’s decisions).'),
    versions: z
      .array(
        z
          .object({
            version: z.number().int().describe('Version number.'),
            submittedAt: z.string().describe('When it was filed (ISO 8601).'),
            isLatest: z.boolean().describe('Whether it is the latest.'),
          })
          .describe('A filed version.'),
      )
      .describe('Every version filed for the year, oldest first; each stays public.'),
  })
  .meta({ id: 'AnnualReportYear', description: 'One year of a party’s annual reports, as published.' });

function problemResource(p: Problem): z.infer<typeof AnnualProblem> {
  const messages = { ky: problemText('ky', p), ru: problemText('ru', p), en: problemText('en', p) };
  return {
    code: p.code,
    severity: p.severity === 'warning' ? 'warning' : 'error',
    ...(p.field !== undefined ? { field: p.field } : {}),
    message: p.message,
    messages,
  };
}

export function annualReportsApi(api: ApiInstance, ctx: AppContext): void {
  schemaRoute(api);
  submitRoute(api, ctx);
  partyRoute(api, ctx);
}

function schemaRoute(api: ApiInstance): void {
  api.get(
    '/schemas/annual-report-v1.json',
    {
      schema: {
        operationId: 'getAnnualReportSchema',
        tags: [TAG],
        summary: 'JSON Schema of the annual report v1 format',
        description:
          'The document `POST /api/v1/annual-reports` takes: the year, receipts by source with itemised donations, expenditures by category, assets and liabilities at the year’s end. Money is integer tyiyn.',
        response: {
          200: jsonResponse(
            'JSON Schema (draft 2020-12).',
            z.record(z.string(), z.unknown()).describe('A JSON Schema document.'),
          ),
          ...badRequestResponse,
        },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send(annualReportJsonSchema()),
  );
}

function submitRoute(api: ApiInstance, ctx: AppContext): void {
  api.post(
    '/v1/annual-reports',
    {
      bodyLimit: 5 * 1024 * 1024,
      preHandler: apiSubmitGuard(),
      schema: {
        operationId: 'submitAnnualReport',
        security: BEARER_SECURITY,
        tags: [TAG],
        summary: 'File a party’s annual report',
        description:
          'Files a report in the annual report v1 format (see `/api/schemas/annual-report-v1.json`) for a year that is over. A report for a year already filed is its amendment: the next version, the earlier ones staying public. Errors refuse the report and store nothing; warnings are returned with it. Every donation is checked at once against the rules on prohibited donors (the preliminary automated check). Send `Authorization: Bearer <token>` of a treasurer of the party with the scopes `filings:write` and `filings:submit`, and an `Idempotency-Key`: repeating a request with the same key returns the first answer (200).',
        headers: z.object({
          'idempotency-key': z
            .string()
            .min(1)
            .max(MAX_IDEMPOTENCY_KEY_LENGTH)
            .describe('A key the filer makes once per submission (a UUID, say).'),
        }),
        body: z.record(z.string(), z.unknown()).describe('An annual report v1 document.'),
        response: {
          201: jsonResponse('Filed.', AnnualSubmission),
          200: jsonResponse('Already filed with this key: the earlier answer.', AnnualSubmission),
          400: jsonResponse('The request is malformed (no Idempotency-Key, not a JSON object).', ErrorBody),
          401: jsonResponse('No valid token.', ErrorBody),
          403: jsonResponse('The token may not file for this party.', ErrorBody),
          409: jsonResponse('The key was used for a different report.', AnnualErrorBody),
          422: jsonResponse('The report has errors; nothing was stored.', AnnualErrorBody),
        },
      },
    },
    async (req, reply) => {
      const principal = me(req);
      const party = partyOfDocument(req.body) ?? ownParty(principal).partyRegistrationNumber ?? 'staff';
      const r = await submitAnnualReport(ctx, req.body, {
        actor: actorOf(principal),
        // Keys are the filer's: namespaced by party, so two parties choosing "1" do not collide.
        idempotencyKey: `api:${party}:${req.headers['idempotency-key'].trim()}`,
      });
      reply.header('cache-control', 'no-store');
      if (!r.ok) {
        const conflict = r.error.some((p) => p.code === 'annual.idempotency_conflict');
        return reply.status(conflict ? 409 : 422).send({
          error: {
            code: conflict ? 'idempotency_key_reused' : 'annual_report_invalid',
            message: conflict
              ? 'This Idempotency-Key was used for a different report; nothing was stored.'
              : `The report has ${r.error.filter((p) => p.severity !== 'warning').length} error(s); nothing was stored.`,
            problems: r.error.map(problemResource),
          },
        });
      }
      const v = r.value;
      return reply
        .status(v.replayed ? 200 : 201)
        .header('location', `/api/v1/parties/${encodeURIComponent(v.party)}/annual-reports`)
        .send({
          data: {
            party: v.party,
            year: v.year,
            version: v.version,
            replayed: v.replayed,
            findings: v.findings,
            url: `/ru${annualPath.year(v.party, v.year)}`,
            warnings: v.warnings.map(problemResource),
          },
        });
    },
  );
}

function partyRoute(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/parties/:registrationNumber/annual-reports',
    {
      schema: {
        operationId: 'listPartyAnnualReports',
        tags: [TAG],
        summary: 'A party’s annual reports',
        description:
          'Every year the party reported, newest first: the latest version as published (no PINs, no addresses), each donor’s public identifier, the preliminary automated check’s findings and the list of versions. Earlier versions are on the year’s page and its download (`?version=`).',
        params: z.object({
          registrationNumber: z
            .string()
            .min(1)
            .max(40)
            .describe('The party’s registration number.')
            .meta({ examples: ['10472-3301-PP'] }),
        }),
        response: {
          200: jsonResponse(
            'The reports.',
            z.object({ data: z.array(AnnualYear).describe('One entry per year.') }).describe('The party’s years.'),
          ),
          400: jsonResponse('Invalid parameters; `details` lists every problem.', ErrorBody),
          404: jsonResponse('No such party.', ErrorBody),
        },
      },
    },
    async (req, reply) => {
      const reg = req.params.registrationNumber;
      const found = await getPartyAnnualReports(ctx, reg);
      if (!found)
        return reply.status(404).send({ error: { code: 'not_found', message: `No party is registered as “${reg}”.` } });
      const data = [];
      for (const y of found.years) {
        const view = await getAnnualReport(ctx, reg, y.year);
        if (!view) continue;
        const out = annualReportJson(view);
        // The schema describes the document and findings as open records; their shapes are the format's.
        data.push({
          ...out,
          document: out.document as unknown as Record<string, unknown>,
          findings: out.findings as unknown as Array<Record<string, unknown>>,
        });
      }
      return reply.header('cache-control', PUBLIC_REVALIDATE).send({ data });
    },
  );
}
