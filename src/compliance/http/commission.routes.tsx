// The commission's routes of the findings: the list (findings.read), one finding (findings.read), the
// review steps (findings.review) and the publication decision of an election (findings.publish).
// Confirm, dismiss, reopen and the publication go through a confirmation step: the first post shows what
// is about to happen, the second (the kit's confirmed post) does it. Refused steps show the finding again with
// the form's errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import {
  badRequest,
  ConfirmPage,
  formErrors,
  isConfirmed,
  notFound,
  pick,
  route,
  seeOther,
  sendPrivateHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import type { Problem } from '../../platform/result.ts';
import { actorOf, can, type Action, type Resource } from '../../accounts/index.ts';
import { getElection, getElections, me } from '../../elections/index.ts';
import { getPartyNames } from '../../parties/index.ts';
import { t } from '../compliance.messages.ts';
import type { ReviewAction } from '../core/review-transitions.ts';
import { decidePublication } from '../publication.service.ts';
import { latestPublicationDecision } from '../publication.repository.ts';
import { checkReviewStep, findingParty, loadFinding, loadFindingsScreen, reviewFinding } from '../review.service.ts';
import { FindingPage } from '../views/finding.page.tsx';
import { findingPath, findingsPath, FindingsPage } from '../views/findings.page.tsx';
import {
  ElectionParams,
  FindingParams,
  FindingsQuery,
  LocaleParams,
  DoneQuery,
  PublicationForm,
  ReviewForm,
} from './schemas.ts';

const DONE = ['confirm', 'dismiss', 'reopen', 'request_explanation', 'answer', 'publication'] as const;

/** The notice named by `?done=`: only known keys, so the address cannot put text on the page. */

/** The confirmation step of a review or publication: what is about to happen, and the reason given. */
function confirmPage(
  reply: FastifyReply,
  locale: Locale,
  p: {
    title: string;
    text: string;
    quote?: string;
    action: string;
    fields: Record<string, string>;
    backHref: string;
    path: string;
  },
): string {
  return ConfirmPage({
    locale,
    title: t(locale, 'compliance.confirm.title'),
    path: p.path,
    action: p.action,
    fields: p.fields,
    csrfToken: reply.generateCsrf(),
    yesLabel: t(locale, 'compliance.action.yes'),
    backHref: p.backHref,
    backLabel: t(locale, 'compliance.action.cancel'),
    children: (
      <>
        <p>
          <strong>{p.title}</strong>
        </p>
        <p>{p.text}</p>
        {p.quote ? <blockquote>{p.quote}</blockquote> : null}
      </>
    ),
  });
}

export function doneNotice(l: Locale, done: string | undefined): string | undefined {
  return done && (DONE as readonly string[]).includes(done) ? t.lookup(l, `compliance.done.${done}`) : undefined;
}

/** A finding's problems in the reader's language, at the fields of its form. */
export function reviewErrors(l: Locale, problems: readonly Problem[]) {
  return formErrors(problems, {
    describe: (p) => t.lookup(l, p.code, p.params) ?? p.message,
    fields: ['reason', 'question', 'deadline', 'answer'],
    fallback: 'reason',
  });
}

/** The resource of a finding's routes: its party; null (404) when there is no such finding. */
export async function findingResource(ctx: AppContext, id: string): Promise<Resource | null> {
  const party = await findingParty(ctx, id);
  return party === undefined ? null : { partyRegistrationNumber: party };
}

async function renderFinding(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  l: Locale,
  id: string,
  extra: { failed?: { action: ReviewAction; problems: Problem[]; values: Record<string, string> }; done?: string },
) {
  const found = await loadFinding(ctx, id);
  if (!found) return notFound(reply, l);
  const [election, names] = await Promise.all([getElection(ctx, found.finding.election), getPartyNames(ctx)]);
  const party = names.get(found.finding.party);
  const failed = extra.failed;
  return sendPrivateHtml(
    reply,
    FindingPage({
      locale: l,
      found,
      partyName: party ? `${pick(party, l)} (${found.finding.party})` : found.finding.party,
      electionName: election ? pick(election.name, l) : found.finding.election,
      canReview: can(me(req), 'findings.review', { partyRegistrationNumber: found.finding.party }),
      csrfToken: reply.generateCsrf(),
      failed: failed
        ? { action: failed.action, errors: reviewErrors(l, failed.problems), values: failed.values }
        : undefined,
      done: extra.done,
    }),
    failed ? 422 : 200,
  );
}

const stepOf = (f: ReviewForm) => ({
  action: f.action,
  text: f.action === 'request_explanation' ? f.question : f.reason,
  ...(f.action === 'request_explanation' ? { deadline: f.deadline } : {}),
});

/** The irreversible steps, which ask once more before they are taken. */
const ASKS_FIRST: readonly ReviewAction[] = ['confirm', 'dismiss', 'reopen'];

const ACTION_LABEL = {
  confirm: 'compliance.action.confirm',
  dismiss: 'compliance.action.dismiss',
  reopen: 'compliance.action.reopen',
  request_explanation: 'compliance.action.request',
} as const;

/** The commission's list with its filters, counts and the selected election's publication. */
async function renderFindings(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  query: z.output<typeof FindingsQuery>,
) {
  const filter = {
    electionId: query.election,
    party: query.party,
    rule: query.rule,
    severity: query.severity,
    status: query.status,
  };
  const [screen, elections, names] = await Promise.all([
    loadFindingsScreen(ctx, filter),
    getElections(ctx),
    getPartyNames(ctx),
  ]);
  const election = query.election ? elections.find((e) => e.id === query.election) : undefined;
  const publication = election
    ? {
        decision: await latestPublicationDecision(ctx.db, election.id),
        canDecide: can(me(req), 'findings.publish'),
        csrfToken: reply.generateCsrf(),
      }
    : undefined;
  return sendPrivateHtml(
    reply,
    FindingsPage({
      locale,
      filter,
      screen,
      elections,
      partyNames: names,
      publication,
      done: doneNotice(locale, query.done),
    }),
  );
}

export function commissionRoutes(): RouteDef<Action, Resource>[] {
  return [
    route({
      id: 'compliance.findings',
      method: 'GET',
      url: '/:locale/commission/findings',
      access: { kind: 'permission', actions: ['findings.read'], training: true },
      params: LocaleParams,
      query: FindingsQuery,
      handler: ({ ctx, req, reply, locale, query }) => renderFindings(ctx, req, reply, locale, query),
    }),
    route({
      id: 'compliance.finding',
      method: 'GET',
      url: '/:locale/commission/findings/:id',
      access: {
        kind: 'permission',
        actions: ['findings.read'],
        resource: ({ ctx, params }) => findingResource(ctx, params.id),
        training: true,
      },
      params: FindingParams,
      query: DoneQuery,
      handler: ({ ctx, req, reply, locale, params, query }) =>
        renderFinding(ctx, req, reply, locale, params.id, { done: doneNotice(locale, query.done) }),
    }),
    route({
      id: 'compliance.review',
      method: 'POST',
      url: '/:locale/commission/findings/:id/review',
      access: {
        kind: 'permission',
        actions: ['findings.review'],
        resource: ({ ctx, params }) => findingResource(ctx, params.id),
        training: true,
      },
      params: FindingParams,
      form: ReviewForm,
      handler: async ({ ctx, req, reply, locale, params, form }) => {
        if (!form.ok) return badRequest(reply, locale);
        const f = form.value;
        const values = { reason: f.reason, question: f.question, deadline: f.deadline };
        const step = stepOf(f);
        if (ASKS_FIRST.includes(f.action) && !isConfirmed(req.body)) {
          const check = await checkReviewStep(ctx, params.id, step);
          if (!check.ok)
            return renderFinding(ctx, req, reply, locale, params.id, {
              failed: { action: f.action, problems: check.error, values },
            });
          return sendPrivateHtml(
            reply,
            confirmPage(reply, locale, {
              title: t(locale, ACTION_LABEL[f.action]),
              text: t(locale, 'compliance.confirm.review', { action: t(locale, ACTION_LABEL[f.action]) }),
              quote: f.reason,
              action: `${findingPath(locale, params.id)}/review`,
              fields: { action: f.action, reason: f.reason },
              backHref: findingPath(locale, params.id),
              path: `/commission/findings/${encodeURIComponent(params.id)}`,
            }),
          );
        }
        const r = await reviewFinding(ctx, params.id, step, actorOf(me(req)));
        if (r.ok) return seeOther(reply, `${findingPath(locale, params.id)}?done=${f.action}`);
        return renderFinding(ctx, req, reply, locale, params.id, {
          failed: { action: f.action, problems: r.error, values },
        });
      },
    }),
    route({
      id: 'compliance.publication',
      method: 'POST',
      url: '/:locale/commission/elections/:id/findings/publication',
      access: {
        kind: 'permission',
        actions: ['findings.publish'],
        resource: async ({ ctx, params }) => ((await getElection(ctx, params.id)) ? {} : null),
        training: true,
      },
      params: ElectionParams,
      form: PublicationForm,
      handler: async ({ ctx, req, reply, locale, params, form }) => {
        if (!form.ok) return badRequest(reply, locale);
        const choice = {
          publishFindings: form.value.publishFindings === '1',
          publishStatistics: form.value.publishStatistics === '1',
        };
        const back = `${findingsPath(locale)}?election=${encodeURIComponent(params.id)}`;
        if (!isConfirmed(req.body))
          return sendPrivateHtml(
            reply,
            confirmPage(reply, locale, {
              title: t(locale, 'compliance.publication.title'),
              text: t(locale, 'compliance.confirm.publish'),
              action: `/${locale}/commission/elections/${encodeURIComponent(params.id)}/findings/publication`,
              fields: {
                publishFindings: choice.publishFindings ? '1' : '',
                publishStatistics: choice.publishStatistics ? '1' : '',
              },
              backHref: back,
              path: '/commission/findings',
            }),
          );
        const r = await decidePublication(ctx, params.id, choice, actorOf(me(req)));
        if (!r.ok) return notFound(reply, locale);
        return seeOther(reply, `${back}&done=publication`);
      },
    }),
  ];
}
