// The commission's review of finance reports: the queue, one filed version as filed (private fields and
// validation results included) with its history, and the decision. Reviewing is done by the staff who review findings (admins and analysts); the policy has no
// separate action for it yet.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import {
  notFound,
  route,
  seeOther,
  sendPrivateHtml,
  type FieldError,
  type RouteDef,
} from '../../platform/web/index.ts';
import { actorOf, can, type Action, type Resource } from '../../accounts/index.ts';
import type { FormFields } from '../core/draft.ts';
import { loadReview, loadReviewQueue, reviewFiling } from '../review.service.ts';
import { t } from '../filing.messages.ts';
import { reportKindLabel } from '../views/common.tsx';
import { filingFormErrors } from '../views/form-errors.ts';
import { ReviewPage } from '../views/review.page.tsx';
import { ReviewQueuePage } from '../views/review-queue.page.tsx';
import { me, siteRoute } from './access.ts';
import { doneText } from './replies.ts';
import { localeParams, reportParams, reviewForm } from './schemas.ts';

async function renderReview(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  filingId: number,
  failed?: { errors: FieldError[]; values: FormFields },
) {
  const review = await loadReview(ctx, filingId);
  if (!review) return notFound(reply, locale);
  const { report } = review;
  const partyName = report.party ? report.party.name[locale] : report.chain.partyRegistrationNumber;
  const html = ReviewPage({
    locale,
    csrfToken: reply.generateCsrf(),
    title: `${reportKindLabel(locale, report.chain.reportKind)}: ${partyName} — ${t(locale, 'filings.versions.short', { n: report.filing.version })}`,
    review,
    canReview: can(me(req), 'findings.review'),
    ...(failed ? { errors: failed.errors, values: failed.values } : {}),
    done: doneText(locale, req.query),
  });
  return sendPrivateHtml(reply, html, failed ? 422 : 200);
}

export function reviewRoutes(): RouteDef<Action, Resource>[] {
  return [
    route({
      ...siteRoute('commission.queue'),
      params: localeParams,
      handler: async ({ ctx, reply, locale }) =>
        sendPrivateHtml(reply, ReviewQueuePage({ locale, ...(await loadReviewQueue(ctx)) })),
    }),
    route({
      ...siteRoute('commission.report'),
      params: reportParams,
      handler: ({ ctx, req, reply, locale, params }) => renderReview(ctx, req, reply, locale, params.filingId),
    }),
    route({
      ...siteRoute('commission.review'),
      params: reportParams,
      form: reviewForm,
      handler: async ({ ctx, req, reply, locale, params, form }) => {
        const values = form.ok ? form.value : { status: '', reason: '' };
        const r = await reviewFiling(ctx, params.filingId, values, actorOf(me(req)));
        if (r.ok) return seeOther(reply, `/${locale}/commission/reports/${params.filingId}?done=reviewed`);
        if (r.error.some((p) => p.code === 'review.not_found')) return notFound(reply, locale);
        return renderReview(ctx, req, reply, locale, params.filingId, {
          errors: filingFormErrors(locale, 'review', r.error),
          values,
        });
      },
    }),
  ];
}
