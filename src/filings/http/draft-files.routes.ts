// What a treasurer sends a draft besides its fields: lines imported from a CSV or XLSX file, scans of
// supporting documents (added, removed, shown), and the submission that files the draft. Multipart forms
// have their CSRF token checked before the file is read (the web kit's readMultipart).
import type { Problem } from '../../platform/result.ts';
import { notFound, readWhole, route, seeOther, type RouteDef } from '../../platform/web/index.ts';
import { actorOf, type Action, type Resource } from '../../accounts/index.ts';
import { isLineSection } from '../core/draft.ts';
import { scanProblem } from '../core/scans.ts';
import { importLines } from '../draft.service.ts';
import { attachScan, openDraftScan, removeScan } from '../scan.service.ts';
import { submitDraft } from '../submission.service.ts';
import { describeProblem } from '../filing.messages.ts';
import { reportPath } from '../views/common.tsx';
import { errorAt, filingFormErrors } from '../views/form-errors.ts';
import { me, siteRoute, webSubmissionKey } from './access.ts';
import { draftUrl, renderDraft } from './draft-pages.ts';
import {
  draftParams,
  draftScanFormParams,
  draftScanParams,
  fileQuery,
  idOr0,
  importForm,
  submitForm,
} from './schemas.ts';
import { fileNotFound, sendScan } from './replies.ts';

/** Where on the draft page a submission problem is fixed (the check panel's targets). */
function problemTargetOf(p: Problem): string {
  const section = p.params?.section;
  if (typeof section === 'string' && isLineSection(section) && p.row !== undefined) return `${section}-row-${p.row}`;
  if (section === 'attachments') return 'scans';
  return 'check';
}

const importRoute = () =>
  route({
    ...siteRoute('treasurer.import'),
    params: draftParams,
    handler: async ({ ctx, req, reply, locale, params, readMultipart }) => {
      const { draftId } = params;
      let bytes: Buffer | undefined;
      const form = await readMultipart(async (file) => {
        bytes = await readWhole(file, ctx.config.uploadLimitBytes);
      });
      if (!form.allowed) return reply;
      let problems: Problem[] = form.problems;
      if (problems.length === 0 && (!bytes || bytes.length === 0)) problems = [scanProblem('scan.missing')];
      if (problems.length === 0 && bytes) {
        const { mode, section } = importForm.parse(form.fields);
        const r = await importLines(ctx, draftId, { bytes, mode, ...(section ? { section } : {}) }, actorOf(me(req)));
        if (r.ok) {
          const n = r.value.counts.receipts + r.value.counts.expenditures + r.value.counts.refunds;
          return seeOther(reply, draftUrl(locale, draftId, `?done=imported&n=${n}#check`));
        }
        problems = r.error;
      }
      // Problems of the file (sheet, row, column) are the file's, not a form field's: they point at the file input.
      const errors = problems.map((p) => {
        const field = p.field === 'section' ? 'section' : 'file';
        return errorAt(`f-import-${field}`, describeProblem(p, locale), field);
      });
      return renderDraft(ctx, req, reply, locale, draftId, { form: 'import', values: form.fields, errors });
    },
  });

const addScanRoute = () =>
  route({
    ...siteRoute('treasurer.addScan'),
    params: draftParams,
    handler: async ({ ctx, req, reply, locale, params, readMultipart }) => {
      const { draftId } = params;
      let problems: Problem[] = [];
      const form = await readMultipart(async (file, filename) => {
        const r = await attachScan(ctx, draftId, file, filename, actorOf(me(req)));
        if (!r.ok) problems = r.error;
      });
      if (!form.allowed) return reply;
      problems = [...form.problems, ...problems];
      if (problems.length === 0 && !form.hadFile) problems = [scanProblem('scan.missing')];
      if (problems.length === 0) return seeOther(reply, draftUrl(locale, draftId, '?done=scanAdded#scans'));
      return renderDraft(ctx, req, reply, locale, draftId, {
        form: 'scan',
        values: {},
        errors: filingFormErrors(locale, 'scan', problems),
      });
    },
  });

export function draftFileRoutes(): RouteDef<Action, Resource>[] {
  return [
    importRoute(),
    addScanRoute(),
    route({
      ...siteRoute('treasurer.removeScan'),
      params: draftScanFormParams,
      handler: async ({ ctx, req, reply, locale, params }) => {
        await removeScan(ctx, params.draftId, params.sha, actorOf(me(req)));
        return seeOther(reply, draftUrl(locale, params.draftId, '?done=scanRemoved#scans'));
      },
    }),
    route({
      ...siteRoute('treasurer.draftScan'),
      params: draftScanParams,
      query: fileQuery,
      handler: async ({ ctx, reply, params, query }) => {
        const file = await openDraftScan(ctx, idOr0(params.draftId), params.sha);
        if (!file) return fileNotFound(reply, 'No such scan.');
        return sendScan(reply, file, query.download !== undefined, 'private, no-store');
      },
    }),
    route({
      ...siteRoute('treasurer.submit'),
      params: draftParams,
      form: submitForm,
      handler: async ({ ctx, req, reply, locale, params, form }) => {
        const { draftId } = params;
        const key = webSubmissionKey(draftId, form.ok ? form.value.idempotencyKey : undefined);
        const r = await submitDraft(ctx, draftId, { actor: actorOf(me(req)), idempotencyKey: key, log: req.log });
        if (r.ok) return seeOther(reply, reportPath(locale, r.value.filingId));
        if (r.error.some((p) => p.code === 'draft.not_found')) return notFound(reply, locale);
        const errors = r.error.map((p) => errorAt(problemTargetOf(p), describeProblem(p, locale)));
        return renderDraft(ctx, req, reply, locale, draftId, { form: 'submit', values: {}, errors });
      },
    }),
  ];
}
