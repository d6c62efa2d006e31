// What a treasurer sends a draft besides its fields: lines imported from a CSV or XLSX file, scans of
// supporting documents (added, removed, shown), and the submission that files the draft. Multipart forms
// check their CSRF token before the file is read.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import { notFound } from '../../platform/web/errors.tsx';
import { actorOf } from '../../accounts/index.ts';
import { isLineSection } from '../core/draft.ts';
import { scanProblem } from '../core/scans.ts';
import { importLines } from '../draft.service.ts';
import { attachScan, openDraftScan, removeScan } from '../scan.service.ts';
import { submitDraft } from '../submission.service.ts';
import { describeProblem } from '../filing.messages.ts';
import { reportPath } from '../views/common.tsx';
import { formErrors } from '../views/form.tsx';
import { localeOf, me, webSubmissionKey } from './access.ts';
import { draftUrl, renderDraft } from './draft-pages.ts';
import { readMultipart } from './multipart.ts';
import { fileQuery, draftParams, draftScanFormParams, draftScanParams, formFields, importForm, parsed } from './schemas.ts';
import { fileNotFound, seeOther, sendScan } from './replies.ts';
import type { RouteOf } from './site.ts';

export function draftFileRoutes(route: RouteOf, ctx: AppContext, app: FastifyInstance): void {
  route('treasurer.import', (req, reply) => importFile(ctx, app, req, reply));
  route('treasurer.addScan', (req, reply) => addScan(ctx, app, req, reply));
  route('treasurer.removeScan', (req, reply) => deleteScan(ctx, req, reply));
  route('treasurer.draftScan', (req, reply) => showScan(ctx, req, reply));
  route('treasurer.submit', (req, reply) => submit(ctx, req, reply));
}

/** An import is parsed whole (a workbook is a zip), so it is read into memory, within the limit. */
async function readWhole(file: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of file) {
    const chunk: Buffer = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function importFile(ctx: AppContext, app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(draftParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const { locale, draftId } = params;
  let bytes: Buffer | undefined;
  const form = await readMultipart(app, ctx, req, reply, async (file) => {
    bytes = await readWhole(file, ctx.config.uploadLimitBytes);
  });
  if (!form.allowed) return reply;
  const values = form.fields;
  let problems: Problem[] = form.problems;
  if (problems.length === 0 && (!bytes || bytes.length === 0)) problems = [scanProblem('scan.missing')];
  if (problems.length === 0 && bytes) {
    const { mode, section } = importForm.parse(values);
    const r = await importLines(ctx, draftId, { bytes, mode, ...(section ? { section } : {}) }, actorOf(me(req)));
    if (r.ok) {
      const n = r.value.counts.receipts + r.value.counts.expenditures + r.value.counts.refunds;
      return seeOther(reply, draftUrl(locale, draftId, `?done=imported&n=${n}#check`));
    }
    problems = r.error;
  }
  // Problems of the file (sheet, row, column) are the file's, not a form field's: they point at the file input.
  const errors = problems.map((p) => ({ target: p.field === 'section' ? 'f-import-section' : 'f-import-file', text: describeProblem(p, locale) }));
  return renderDraft(ctx, req, reply, locale, draftId, { form: 'import', values, errors });
}

async function addScan(ctx: AppContext, app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(draftParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const { locale, draftId } = params;
  let problems: Problem[] = [];
  const form = await readMultipart(app, ctx, req, reply, async (file, filename) => {
    const r = await attachScan(ctx, draftId, file, filename, actorOf(me(req)));
    if (!r.ok) problems = r.error;
  });
  if (!form.allowed) return reply;
  problems = [...form.problems, ...problems];
  if (problems.length === 0 && !form.hadFile) problems = [scanProblem('scan.missing')];
  if (problems.length === 0) return seeOther(reply, draftUrl(locale, draftId, '?done=scanAdded#scans'));
  return renderDraft(ctx, req, reply, locale, draftId, { form: 'scan', values: {}, errors: formErrors(locale, 'scan', problems) });
}

async function deleteScan(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(draftScanFormParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  await removeScan(ctx, params.draftId, params.sha, actorOf(me(req)));
  return seeOther(reply, draftUrl(params.locale, params.draftId, '?done=scanRemoved#scans'));
}

async function showScan(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(draftScanParams, req.params);
  const file = params && (await openDraftScan(ctx, params.draftId, params.sha));
  if (!file) return fileNotFound(reply, 'No such scan.');
  return sendScan(reply, file, parsed(fileQuery, req.query)?.download !== undefined, 'private, no-store');
}

/** Where on the draft page a submission problem is fixed (the check panel's targets). */
function problemTargetOf(p: Problem): string {
  const section = p.params?.section;
  if (typeof section === 'string' && isLineSection(section) && p.row !== undefined) return `${section}-row-${p.row}`;
  if (section === 'attachments') return 'scans';
  return 'check';
}

async function submit(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(draftParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const { locale, draftId } = params;
  const key = webSubmissionKey(draftId, formFields(req.body).idempotencyKey);
  const r = await submitDraft(ctx, draftId, { actor: actorOf(me(req)), idempotencyKey: key, log: req.log });
  if (r.ok) return seeOther(reply, reportPath(locale, r.value.filingId));
  if (r.error.some((p) => p.code === 'draft.not_found')) return notFound(reply, locale);
  const errors = r.error.map((p) => ({ target: problemTargetOf(p), text: describeProblem(p, locale) }));
  return renderDraft(ctx, req, reply, locale, draftId, { form: 'submit', values: {}, errors });
}
