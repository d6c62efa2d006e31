// The treasurer's screen: the party's filed years, and the form that files a report (pasted, or chosen
// as a file) or amends a year (the latest document of the year put in the form to correct). The filing
// goes through the same service as the API, under an idempotency key made for each rendering of the form,
// so a double click files once.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { localeSchema, type Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import {
  readWhole,
  renderPage,
  route,
  seeOther,
  sendPrivateHtml,
  type FieldError,
  type RouteDef,
} from '../../platform/web/index.ts';
import { actorOf, can, type Action, type Principal, type Resource } from '../../accounts/index.ts';
import {
  getPartyAnnualReports,
  latestDocumentForAmendment,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  submitAnnualReport,
} from '../annual-reports.service.ts';
import { findVersion } from '../annual-reports.repository.ts';
import { problemText, t } from '../annual-reports.messages.ts';
import { AnnualTreasurerPage } from '../views/treasurer.page.tsx';
import { annualPath } from '../views/parts.tsx';
import { me, ownParty, partyOfDocument, READ_ACTION, SITE_FILE_ACTIONS } from './access.ts';
import type { FastifyReply } from 'fastify';

const Params = z.object({ locale: localeSchema });
const Query = z.object({
  amend: z.coerce.number().int().optional().catch(undefined),
  filed: z.coerce.number().int().positive().optional().catch(undefined),
});

/** A document of a party's treasurer fits in far less; the limit keeps a pasted text in memory bounded. */
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

interface Shown {
  document: string;
  errors: FieldError[];
  warnings: string[];
  done?: string;
}

async function showPage(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  principal: Principal,
  shown: Shown,
  status = 200,
) {
  const party = principal.partyRegistrationNumber;
  const years = party ? ((await getPartyAnnualReports(ctx, party))?.years ?? []) : [];
  const html = renderPage(
    <AnnualTreasurerPage
      locale={l}
      party={party}
      years={years}
      csrfToken={reply.generateCsrf()}
      idempotencyKey={randomUUID()}
      {...shown}
    />,
  );
  return sendPrivateHtml(reply, html, status);
}

const errorsOf = (l: Locale, problems: readonly Problem[]): FieldError[] =>
  problems.filter((p) => p.severity !== 'warning').map((p) => ({ field: 'document', text: problemText(l, p) }));

const problem = (code: string, message: string, field = 'document'): Problem => ({
  code,
  message,
  field,
  severity: 'error',
});

export const ANNUAL_TREASURER_ROUTES: readonly RouteDef<Action, Resource>[] = [
  route<Action, Resource, typeof Params, typeof Query>({
    id: 'annual.treasurer',
    method: 'GET',
    url: '/:locale/treasurer/annual-reports',
    access: { kind: 'permission', actions: [READ_ACTION], resource: ({ req }) => ownParty(req.principal) },
    params: Params,
    query: Query,
    async handler({ ctx, req, reply, locale: l, query }) {
      const principal = me(req);
      const party = principal.partyRegistrationNumber;
      let document = '';
      if (party && query.amend !== undefined) {
        const latest = (await latestDocumentForAmendment(ctx, party)).find((y) => y.year === query.amend);
        if (latest) document = JSON.stringify(latest.document, null, 2);
      }
      let done: string | undefined;
      if (query.filed !== undefined) {
        const v = await findVersion(ctx.db, query.filed);
        if (v && v.party === party) done = t(l, 'annual.treasurer.filed', { version: v.version, year: v.year });
      }
      return showPage(ctx, reply, l, principal, { document, errors: [], warnings: [], ...(done ? { done } : {}) });
    },
  }),
  route<Action, Resource, typeof Params>({
    id: 'annual.treasurer.file',
    method: 'POST',
    url: '/:locale/treasurer/annual-reports',
    access: { kind: 'permission', actions: [...SITE_FILE_ACTIONS], resource: ({ req }) => ownParty(req.principal) },
    params: Params,
    multipart: true,
    async handler({ ctx, req, reply, locale: l, readMultipart }) {
      const principal = me(req);
      let fileText = '';
      const form = await readMultipart(async (file) => {
        fileText = (await readWhole(file, MAX_DOCUMENT_BYTES)).toString('utf8');
      });
      if (!form.allowed) return reply;
      const pasted = form.fields.document ?? '';
      const text = fileText.trim() !== '' ? fileText : pasted;
      const refuse = (problems: Problem[]) =>
        showPage(ctx, reply, l, principal, { document: text, errors: errorsOf(l, problems), warnings: [] }, 422);
      if (form.problems.length > 0) return refuse(form.problems.map((p) => ({ ...p, field: 'document' })));
      if (text.trim() === '') return refuse([problem('annual.no_document', 'No document.')]);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return refuse([problem('annual.not_json', 'The document is not valid JSON.')]);
      }
      // The route let a treasurer through for their own party; the document must be for it too.
      const named = partyOfDocument(body);
      if (named !== undefined && !SITE_FILE_ACTIONS.every((a) => can(principal, a, { partyRegistrationNumber: named })))
        return refuse([
          problem('annual.not_your_party', 'You may file only for your own party.', 'header.partyRegistrationNumber'),
        ]);
      const key = form.fields.idempotencyKey ?? '';
      const idempotencyKey =
        /^[0-9a-f-]{36}$/.test(key) && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH
          ? `web:${principal.userId}:${key}`
          : null;
      const r = await submitAnnualReport(ctx, body, { actor: actorOf(principal), idempotencyKey });
      if (!r.ok) return refuse(r.error);
      const warnings = r.value.warnings.map((p) => problemText(l, p));
      if (warnings.length === 0) return seeOther(reply, `/${l}${annualPath.treasurer}?filed=${r.value.id}`);
      // Warnings are shown once, beside the confirmation: they did not stop the report.
      const done = t(l, r.value.replayed ? 'annual.treasurer.replayed' : 'annual.treasurer.filed', {
        version: r.value.version,
        year: r.value.year,
      });
      return showPage(ctx, reply, l, principal, { document: '', errors: [], warnings, done });
    },
  }),
];
