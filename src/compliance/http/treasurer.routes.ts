// The treasurer's routes of the findings: the commission's requests waiting for their party's answer,
// and the answer. Both need `findings.answer` on the party concerned: a treasurer sees and answers only
// for their own party; a finding of another party is refused, one that does not exist is 404.
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { badRequest, route, seeOther, sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import type { Problem } from '../../platform/result.ts';
import { actorOf, ownResource, type Action, type Principal, type Resource } from '../../accounts/index.ts';
import { me } from '../../elections/index.ts';
import { publicFinding } from '../core/public-finding.ts';
import { loadOpenRequests, reviewFinding } from '../review.service.ts';
import { treasurerFindingsPath, TreasurerFindingsPage, type OpenRequest } from '../views/treasurer-findings.page.tsx';
import { doneNotice, findingResource, reviewErrors } from './commission.routes.tsx';
import { AnswerForm, DoneQuery, FindingParams, LocaleParams } from './schemas.ts';

async function renderRequests(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  who: Principal,
  extra: { done?: string | undefined; failed?: { findingId: string; problems: Problem[]; answer: string } },
) {
  const party = who.partyRegistrationNumber;
  const open = party ? await loadOpenRequests(ctx, party) : [];
  const requests: OpenRequest[] = open.flatMap((r) =>
    r.waiting ? [{ finding: publicFinding(r.finding), history: r.history, waiting: r.waiting }] : [],
  );
  const failed = extra.failed;
  return sendPrivateHtml(
    reply,
    TreasurerFindingsPage({
      locale: l,
      requests,
      csrfToken: reply.generateCsrf(),
      failed: failed
        ? { findingId: failed.findingId, errors: reviewErrors(l, failed.problems), answer: failed.answer }
        : undefined,
      done: extra.done,
    }),
    failed ? 422 : 200,
  );
}

export function treasurerRoutes(): RouteDef<Action, Resource>[] {
  return [
    route({
      id: 'compliance.treasurer',
      method: 'GET',
      url: '/:locale/treasurer/findings',
      access: { kind: 'permission', actions: ['findings.answer'], resource: ({ req }) => ownResource(me(req)) },
      params: LocaleParams,
      query: DoneQuery,
      handler: ({ ctx, req, reply, locale, query }) =>
        renderRequests(ctx, reply, locale, me(req), { done: doneNotice(locale, query.done) }),
    }),
    route({
      id: 'compliance.answer',
      method: 'POST',
      url: '/:locale/treasurer/findings/:id/answer',
      access: {
        kind: 'permission',
        actions: ['findings.answer'],
        resource: ({ ctx, params }) => findingResource(ctx, params.id),
      },
      params: FindingParams,
      form: AnswerForm,
      handler: async ({ ctx, req, reply, locale, params, form }) => {
        if (!form.ok) return badRequest(reply, locale);
        const who = me(req);
        const r = await reviewFinding(ctx, params.id, { action: 'answer', text: form.value.answer }, actorOf(who));
        if (r.ok) return seeOther(reply, `${treasurerFindingsPath(locale)}?done=answer`);
        return renderRequests(ctx, reply, locale, who, {
          failed: { findingId: params.id, problems: r.error, answer: form.value.answer },
        });
      },
    }),
  ];
}
