// The filing API, in the /api scope of registerApi: the JSON Schema of the format, the XLSX template,
// submission with an Idempotency-Key, scan upload, and the public JSON of filed reports. Writing needs a
// Bearer token with the scopes the route names; the guards come from FILING_ROUTES as on the site.
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import type { ApiInstance } from '../../platform/api/api-instance.ts';
import { csrfCheck, PUBLIC_REVALIDATE, readMultipart } from '../../platform/web/index.ts';
import { actorOf } from '../../accounts/index.ts';
import { badRequestResponse, BEARER_SECURITY, ErrorBody } from '../../platform/api/common.schemas.ts';
import { filingJsonSchema } from '../core/filing.ts';
import { filingV2JsonSchema } from '../core/filing-v2.ts';
import { buildFilingTemplate } from '../core/filing-template.xlsx.ts';
import { scanProblem, scanTooLarge } from '../core/scans.ts';
import { MAX_IDEMPOTENCY_KEY_LENGTH, submitFiling } from '../submission.service.ts';
import { recordScanUpload, storeScan } from '../scan.service.ts';
import { listPartyFilings, loadPublicReport } from '../public-report.service.ts';
import { specOf } from './routes.ts';
import { apiGuard, me } from './access.ts';
import { disposition } from './replies.ts';
import {
  FilingErrorBody,
  FilingResource,
  FilingStatusEnum,
  json,
  PartyFilings,
  problemResource,
  ScanUpload,
  SimpleError,
  SubmissionResult,
  versionSummary,
} from './api.schemas.ts';

export const FILINGS_API_TAG = {
  name: 'Filings',
  description: 'Finance reports of parties: filing, versions, the filing format.',
};

/**
 * The filing API, for the /api scope of registerApi (`await filingApi(typed, ctx)`): the JSON Schema, the
 * XLSX template, submission with an Idempotency-Key, scan upload, and the public JSON of filed reports.
 */
export async function filingApi(api: ApiInstance, ctx: AppContext): Promise<void> {
  schemaRoute(api);
  templateRoute(api);
  submitRoute(api, ctx);
  await api.register(async (sub) => {
    if (!sub.hasContentTypeParser('multipart/form-data')) {
      await sub.register(multipart, {
        limits: { fileSize: ctx.config.uploadLimitBytes + 1, files: 1, fields: 5, fieldSize: 10_000, parts: 6 },
      });
    }
    uploadRoute(sub, ctx);
  });
  filingRoute(api, ctx);
  partyFilingsRoute(api, ctx);
}

/** The JSON Schemas of the formats `POST /api/v1/filings` takes, each at its own address. */
const FORMAT_SCHEMAS = [
  {
    id: 'api.schema',
    operationId: 'getFilingSchema',
    summary: 'JSON Schema of the filing v1 format',
    description:
      'The document `POST /api/v1/filings` takes: header, itemised receipts, expenditures and refunds, and the SHA-256 of attached scans. Money is integer tyiyn.',
    document: filingJsonSchema,
  },
  {
    id: 'api.schemaV2',
    operationId: 'getFilingV2Schema',
    summary: 'JSON Schema of the filing v2 format',
    description:
      'Everything of v1, and gifts in kind at their estimated value and loans with their repayments and status. `POST /api/v1/filings` takes either format. Money is integer tyiyn.',
    document: filingV2JsonSchema,
  },
] as const;

function schemaRoute(api: ApiInstance): void {
  for (const format of FORMAT_SCHEMAS) {
    api.get(
      specOf(format.id).url,
      {
        schema: {
          operationId: format.operationId,
          tags: ['Filings'],
          summary: format.summary,
          description: format.description,
          response: {
            200: json(
              'JSON Schema (draft 2020-12).',
              z.record(z.string(), z.unknown()).describe('A JSON Schema document.'),
            ),
            ...badRequestResponse,
          },
        },
      },
      async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send(format.document()),
    );
  }
}

/** The template of each language, built at its first download (a workbook takes a moment). */
function templateRoute(api: ApiInstance): void {
  const templates = new Map<Locale, Buffer>();
  api.get(
    specOf('api.template').url,
    {
      schema: {
        operationId: 'getFilingTemplate',
        tags: ['Filings'],
        summary: 'XLSX template for report lines',
        description:
          'A workbook with one sheet per section, drop-down lists and column headers in the chosen language; the treasurer pages import it back.',
        querystring: z.object({
          locale: z.enum(['ky', 'ru', 'en']).default('ru').describe('Language of the headers and lists.'),
        }),
        response: {
          200: {
            description: 'XLSX workbook.',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('XLSX workbook (binary).'),
              },
            },
          },
          400: json('Unknown language; `details` names the parameter.', ErrorBody),
        },
      },
    },
    async (req, reply) => {
      const locale = req.query.locale;
      let file = templates.get(locale);
      if (!file) templates.set(locale, (file = await buildFilingTemplate(locale)));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition('attachment', `talapker-filing-template-${locale}.xlsx`))
        .send(file);
    },
  );
}

const SUBMIT_DESCRIPTION =
  'Files a complete report in the filing v1 format (see `/api/schemas/filing-v1.json`) or the v2 format, which adds gifts in kind and loans (see `/api/schemas/filing-v2.json`). A report for the same election, party, kind and first day as an earlier one is its amendment: the next version. Errors refuse the report and store nothing; warnings are returned with it. Send `Authorization: Bearer <token>` of a treasurer with the scopes `filings:write` and `filings:submit`, and an `Idempotency-Key`: repeating a request with the same key returns the first answer (200) instead of filing twice.';

/** The party a filing document names in its header, for namespacing its filer's idempotency keys. */
const headerParty = z
  .object({ header: z.object({ partyRegistrationNumber: z.string() }) })
  .transform((b) => b.header.partyRegistrationNumber);

function submitRoute(api: ApiInstance, ctx: AppContext): void {
  api.post(
    specOf('api.submit').url,
    {
      bodyLimit: Math.max(ctx.config.uploadLimitBytes, 1024 * 1024),
      preHandler: apiGuard(ctx, 'api.submit'),
      schema: {
        operationId: 'submitFiling',
        security: BEARER_SECURITY,
        tags: ['Filings'],
        summary: 'File a finance report',
        description: SUBMIT_DESCRIPTION,
        headers: z.object({
          'idempotency-key': z
            .string()
            .min(1)
            .max(MAX_IDEMPOTENCY_KEY_LENGTH)
            .describe('A key the filer makes once per report submission (a UUID, say).'),
        }),
        body: z.record(z.string(), z.unknown()).describe('A filing v1 or v2 document.'),
        response: {
          201: json('Filed.', SubmissionResult),
          200: json('Already filed with this key: the earlier answer.', SubmissionResult),
          400: json(
            'The request is malformed (no Idempotency-Key, not a JSON object); `details` lists every problem.',
            ErrorBody,
          ),
          401: json('No valid token.', SimpleError),
          403: json('The token may not file for this party.', SimpleError),
          409: json('The key was used for a different report.', FilingErrorBody),
          422: json('The report has errors; nothing was stored.', FilingErrorBody),
        },
      },
    },
    async (req, reply) => {
      const principal = me(req);
      const headerKey = req.headers['idempotency-key'].trim();
      const named = headerParty.safeParse(req.body);
      const party = named.success ? named.data : (principal.partyRegistrationNumber ?? 'staff');
      // Keys are the filer's: namespaced by party, so two parties choosing "1" do not collide.
      const r = await submitFiling(ctx, req.body, {
        actor: actorOf(principal),
        idempotencyKey: `api:${party}:${headerKey}`,
        log: req.log,
      });
      reply.header('cache-control', 'no-store');
      if (!r.ok) {
        if (r.error.some((p) => p.code === 'submit.idempotency_conflict')) {
          return reply.status(409).send({
            error: {
              code: 'idempotency_key_reused',
              message: 'This Idempotency-Key was used for a different report; nothing was stored.',
              problems: r.error.map(problemResource),
            },
          });
        }
        return reply.status(422).send({
          error: {
            code: 'filing_invalid',
            message: `The report has ${r.error.length} error(s); nothing was stored.`,
            problems: r.error.map(problemResource),
          },
        });
      }
      const v = r.value;
      return reply
        .status(v.replayed ? 200 : 201)
        .header('location', `/api/v1/filings/${v.filingId}`)
        .send({
          data: {
            id: v.filingId,
            chainId: v.chainId,
            version: v.version,
            replayed: v.replayed,
            url: `/ru/reports/${v.filingId}`,
            warnings: v.warnings.map(problemResource),
          },
        });
    },
  );
}

const UPLOAD_DESCRIPTION =
  'Stores a PDF, JPEG or PNG (the type is read from the bytes; other files are refused) sent as multipart/form-data in the field `file`. Name it in a filing’s `attachments` by the returned SHA-256. Size limit: the instance’s upload limit (50 MB by default).';

/** Token calls need no CSRF token; a browser session's upload does (as on the site). */
const uploadCsrf = csrfCheck({ exempt: (req) => req.bearer });

function uploadRoute(sub: ApiInstance, ctx: AppContext): void {
  sub.post(
    specOf('api.uploadScan').url,
    {
      preHandler: apiGuard(ctx, 'api.uploadScan'),
      config: { csrf: false },
      schema: {
        operationId: 'uploadFilingScan',
        security: BEARER_SECURITY,
        tags: ['Filings'],
        summary: 'Upload a scanned supporting document',
        description: UPLOAD_DESCRIPTION,
        response: {
          201: json('Stored.', ScanUpload),
          401: json('No valid token.', SimpleError),
          403: json('This account may not upload for filings.', SimpleError),
          413: json('Larger than the limit.', FilingErrorBody),
          422: json('Not a PDF, JPEG or PNG, or no file.', FilingErrorBody),
        },
      },
    },
    async (req, reply) => {
      let result: Awaited<ReturnType<typeof storeScan>> | undefined;
      const form = await readMultipart(
        req,
        reply,
        async (file, filename) => {
          result = await storeScan(ctx, file, filename, {
            owner: { party: me(req).partyRegistrationNumber ?? null, actor: actorOf(me(req)) },
          });
        },
        { csrf: uploadCsrf, tooLarge: () => scanTooLarge(ctx.config.uploadLimitBytes) },
      );
      if (!form.allowed) return reply;
      reply.header('cache-control', 'no-store');
      const problems = [...form.problems, ...(result && !result.ok ? result.error : [])];
      if (!result && problems.length === 0) problems.push(scanProblem('scan.missing'));
      if (problems.length > 0 || !result || !result.ok) {
        const tooLarge = problems.some((p) => p.code === 'scan.too_large');
        return reply.status(tooLarge ? 413 : 422).send({
          error: {
            code: tooLarge ? 'payload_too_large' : 'scan_refused',
            message: problems.map((p) => p.message).join(' '),
            problems: problems.map(problemResource),
          },
        });
      }
      const s = result.value;
      await recordScanUpload(ctx, actorOf(me(req)), s);
      return reply
        .status(201)
        .send({ data: { sha256: s.sha256, fileName: s.fileName, mediaType: s.mediaType, size: s.size } });
    },
  );
}

function filingRoute(api: ApiInstance, ctx: AppContext): void {
  api.get(
    specOf('api.filing').url,
    {
      schema: {
        operationId: 'getFiling',
        tags: ['Filings'],
        summary: 'Get one filed version of a report',
        description:
          'The version as published (no PINs, no addresses), with the list of all versions of the report. Older versions stay available for ever.',
        params: z.object({
          filingId: z.coerce
            .number()
            .int()
            .positive()
            .max(Number.MAX_SAFE_INTEGER)
            .describe('Id of a filed version.')
            .meta({ examples: [1] }),
        }),
        response: {
          200: json('The version.', FilingResource),
          400: json('Invalid id; `details` names the parameter.', ErrorBody),
          404: json('No such filed version.', ErrorBody),
        },
      },
    },
    async (req, reply) => {
      const report = await loadPublicReport(ctx, req.params.filingId);
      if (!report)
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'There is no filed report version with this id.' } });
      return reply.header('cache-control', PUBLIC_REVALIDATE).send({
        data: {
          id: report.filing.id,
          chainId: report.chain.id,
          version: report.filing.version,
          status: report.filing.status as z.infer<typeof FilingStatusEnum>,
          isLatest: report.filing.isLatest,
          submittedAt: report.filing.submittedAt ?? '',
          versions: report.versions.map(versionSummary),
          document: report.doc,
        },
      });
    },
  );
}

function partyFilingsRoute(api: ApiInstance, ctx: AppContext): void {
  api.get(
    specOf('api.partyFilings').url,
    {
      schema: {
        operationId: 'listPartyFilings',
        tags: ['Filings'],
        summary: 'List a party’s finance reports in an election',
        description:
          'Every report the party filed in the election, each with all its versions; the latest version is the one totals count.',
        params: z.object({
          electionId: z
            .string()
            .min(1)
            .max(80)
            .describe('Election id, e.g. `kg-2020-parliament`.')
            .meta({ examples: ['kg-2020-parliament'] }),
          registrationNumber: z
            .string()
            .min(1)
            .max(40)
            .describe("The party's registration number.")
            .meta({ examples: ['10472-3301-PP'] }),
        }),
        response: {
          200: json('The reports.', PartyFilings),
          400: json('Invalid parameters; `details` lists every problem.', ErrorBody),
          404: json('No such election or party in it.', ErrorBody),
        },
      },
    },
    async (req, reply) => {
      const { electionId, registrationNumber } = req.params;
      const chains = await listPartyFilings(ctx, electionId, registrationNumber);
      if (!chains) {
        return reply.status(404).send({
          error: {
            code: 'not_found',
            message: `Party "${registrationNumber}" does not stand in election "${electionId}".`,
          },
        });
      }
      return reply.header('cache-control', PUBLIC_REVALIDATE).send({
        data: chains.map((c) => ({
          chainId: c.chain.id,
          reportKind: c.chain.reportKind,
          periodFrom: c.chain.periodFrom,
          periodTo: c.chain.periodTo,
          versions: c.versions.map(versionSummary),
        })),
      });
    },
  );
}
