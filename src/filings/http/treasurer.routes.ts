// The treasurer's workspace and drafts: the home page, a new report, the draft editor, its header and
// lines, discarding a draft and amending a filed report. Plain forms with CSRF tokens; a refused form
// comes back with its errors, a done one redirects with a notice.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound } from '../../platform/web/errors.tsx';
import { actorOf } from '../../accounts/index.ts';
import { addLine, amendFiling, createDraft, deleteLine, discardDraft, loadDraft, loadDraftLine, updateHeader, updateLine } from '../draft.service.ts';
import { describeProblem } from '../filing.messages.ts';
import { LineEditPage } from '../views/line-edit.page.tsx';
import { lineValues } from '../views/draft-lines.tsx';
import { formErrors } from '../views/form.tsx';
import { localeOf, me } from './access.ts';
import { draftUrl, renderDraft, renderHome } from './draft-pages.ts';
import { privatePage, seeOther } from './replies.ts';
import { draftParams, formFields, lineParams, localeParams, newDraftForm, parsed, reportParams, sectionParams } from './schemas.ts';
import type { RouteOf } from './site.ts';

export function treasurerRoutes(route: RouteOf, ctx: AppContext): void {
  route('treasurer.home', (req, reply) => home(ctx, req, reply));
  route('treasurer.createDraft', (req, reply) => newReport(ctx, req, reply));
  route('treasurer.draft', (req, reply) => draft(ctx, req, reply));
  route('treasurer.header', (req, reply) => header(ctx, req, reply));
  route('treasurer.addLine', (req, reply) => addDraftLine(ctx, req, reply));
  route('treasurer.lineForm', (req, reply) => lineForm(ctx, req, reply));
  route('treasurer.updateLine', (req, reply) => updateDraftLine(ctx, req, reply));
  route('treasurer.deleteLine', (req, reply) => deleteDraftLine(ctx, req, reply));
  route('treasurer.discard', (req, reply) => discard(ctx, req, reply));
  route('treasurer.amend', (req, reply) => amend(ctx, req, reply));
}

async function home(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(localeParams, req.params);
  if (!params) return notFound(reply, 'en');
  return renderHome(ctx, req, reply, params.locale);
}

async function newReport(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(localeParams, req.params);
  if (!params) return notFound(reply, 'en');
  const locale = params.locale;
  const form = newDraftForm.parse(formFields(req.body));
  const r = await createDraft(
    ctx,
    { electionId: form.electionId, partyRegistrationNumber: form.party, reportKind: form.reportKind, periodFrom: form.periodFrom, periodTo: form.periodTo },
    actorOf(me(req)),
  );
  if (r.ok) return seeOther(reply, `/${locale}/treasurer/drafts/${r.value.draftId}?done=${r.value.existing ? 'existing' : 'created'}`);
  return renderHome(ctx, req, reply, locale, { errors: formErrors(locale, 'new', r.error), values: form });
}

async function draft(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(draftParams, req.params);
  if (!params) return notFound(reply, 'en');
  return renderDraft(ctx, req, reply, params.locale, params.draftId);
}

async function header(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(draftParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const { locale, draftId } = params;
  const values = formFields(req.body);
  const r = await updateHeader(ctx, draftId, values, actorOf(me(req)));
  if (r.ok) return seeOther(reply, draftUrl(locale, draftId, '?done=header#header'));
  return renderDraft(ctx, req, reply, locale, draftId, { form: 'header', values, errors: formErrors(locale, 'header', r.error) });
}

async function addDraftLine(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(sectionParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const { locale, draftId, section } = params;
  const values = formFields(req.body);
  const r = await addLine(ctx, draftId, section, values, actorOf(me(req)));
  if (r.ok) return seeOther(reply, draftUrl(locale, draftId, `?done=lineAdded#${section}-row-${r.value.index + 1}`));
  return renderDraft(ctx, req, reply, locale, draftId, { form: section, values, errors: formErrors(locale, section, r.error) });
}

async function lineForm(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(lineParams, req.params);
  const found = params && (await loadDraftLine(ctx, params.draftId, params.section, params.index));
  if (!params || !found) return notFound(reply, localeOf(req));
  const { locale, section, index } = params;
  const html = LineEditPage({ locale, csrfToken: reply.generateCsrf(), view: found.view, section, index, expectedLineId: String(found.line.lineId), values: lineValues(found.line), errors: [] });
  return privatePage(reply, html);
}

async function updateDraftLine(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(lineParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const { locale, draftId, section, index } = params;
  const values = formFields(req.body);
  const expected = values.expectedLineId ?? '';
  const r = await updateLine(ctx, draftId, section, index, expected, values, actorOf(me(req)));
  if (r.ok) return seeOther(reply, draftUrl(locale, draftId, `?done=lineSaved#${section}-row-${index + 1}`));
  const view = await loadDraft(ctx, draftId);
  if (!view) return notFound(reply, locale);
  const html = LineEditPage({ locale, csrfToken: reply.generateCsrf(), view, section, index, expectedLineId: expected, values, errors: formErrors(locale, 'line', r.error) });
  return privatePage(reply, html, 422);
}

async function deleteDraftLine(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(lineParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const { locale, draftId, section, index } = params;
  const r = await deleteLine(ctx, draftId, section, index, formFields(req.body).expectedLineId ?? '', actorOf(me(req)));
  if (r.ok) return seeOther(reply, draftUrl(locale, draftId, `?done=lineDeleted#h-${section}`));
  return renderDraft(ctx, req, reply, locale, draftId, { form: section, values: {}, errors: formErrors(locale, section, r.error) });
}

async function discard(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(draftParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  await discardDraft(ctx, params.draftId, actorOf(me(req)));
  return seeOther(reply, `/${params.locale}/treasurer?done=discarded`);
}

async function amend(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(reportParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const locale = params.locale;
  const r = await amendFiling(ctx, params.filingId, actorOf(me(req)));
  if (r.ok) return seeOther(reply, draftUrl(locale, r.value.draftId, `?done=${r.value.existing ? 'amendExisting' : 'amend'}`));
  return renderHome(ctx, req, reply, locale, { errors: r.error.map((p) => ({ target: 'filed', text: describeProblem(p, locale) })), values: {} });
}
