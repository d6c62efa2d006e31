// The commission's review of finance reports: the queue, one filed version with its history, and the
// decision. Reviewing is done by the staff who review findings (admins and analysts); the policy has no
// separate action for it yet.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound } from '../../platform/web/errors.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import { actorOf, can } from '../../accounts/index.ts';
import type { FormFields } from '../core/draft.ts';
import { loadReview, loadReviewQueue, reviewFiling } from '../review.service.ts';
import { reportKindLabel } from '../views/common.tsx';
import { formErrors, type FormError } from '../views/form.tsx';
import { ReviewPage } from '../views/review.page.tsx';
import { ReviewQueuePage } from '../views/review-queue.page.tsx';
import { localeOf, me } from './access.ts';
import { doneText, privatePage, seeOther } from './replies.ts';
import { formFields, localeParams, parsed, reportParams, reviewForm } from './schemas.ts';
import type { RouteOf } from './site.ts';

export function reviewRoutes(route: RouteOf, ctx: AppContext): void {
  route('commission.queue', (req, reply) => queue(ctx, req, reply));
  route('commission.report', (req, reply) => review(ctx, req, reply));
  route('commission.review', (req, reply) => decide(ctx, req, reply));
}

async function queue(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(localeParams, req.params);
  if (!params) return notFound(reply, 'en');
  return privatePage(reply, ReviewQueuePage({ locale: params.locale, ...(await loadReviewQueue(ctx)) }));
}

async function renderReview(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, locale: Locale, filingId: number, failed?: { errors: FormError[]; values: FormFields }) {
  const found = await loadReview(ctx, filingId);
  if (!found) return notFound(reply, locale);
  const { report, events } = found;
  const partyName = report.party ? report.party.name[locale] : report.chain.partyRegistrationNumber;
  const html = ReviewPage({
    locale,
    csrfToken: reply.generateCsrf(),
    filingId: report.filing.id,
    title: `${reportKindLabel(locale, report.chain.reportKind)}: ${partyName} — ${t(locale, 'filings.versions.short', { n: report.filing.version })}`,
    status: report.filing.status,
    isLatest: report.filing.isLatest,
    events,
    canReview: can(me(req), 'findings.review'),
    ...(failed ? { errors: failed.errors, values: failed.values } : {}),
    done: doneText(locale, req.query),
  });
  return privatePage(reply, html, failed ? 422 : 200);
}

async function review(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(reportParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  return renderReview(ctx, req, reply, params.locale, params.filingId);
}

async function decide(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(reportParams, req.params);
  if (!params) return notFound(reply, localeOf(req));
  const { locale, filingId } = params;
  const values = formFields(req.body);
  const r = await reviewFiling(ctx, filingId, reviewForm.parse(values), actorOf(me(req)));
  if (r.ok) return seeOther(reply, `/${locale}/commission/reports/${filingId}?done=reviewed`);
  if (r.error.some((p) => p.code === 'review.not_found')) return notFound(reply, locale);
  return renderReview(ctx, req, reply, locale, filingId, { errors: formErrors(locale, 'review', r.error), values });
}
