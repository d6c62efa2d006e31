// The commission's routes of political advertising: the screen, the link decisions, and the uploads of
// reports and rates. Reading is for who reads findings; deciding and uploading for who reviews them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import { defineRoutes, renderPage, route, seeOther, sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import { actorOf, type Action, type Resource } from '../../accounts/index.ts';
import {
  COMMISSION_AUTH,
  COMMISSION_UPLOAD_LIMITS,
  listElections,
  me,
  readCommissionUpload,
} from '../../elections/index.ts';
import { listBallot } from '../../parties/index.ts';
import { parsePeriod } from '../ads-parse.command.ts';
import { advertisersToMatch, decideLink, importAdReport, importRates } from '../ads.service.ts';
import { reportsOfElection } from '../ads.repository.ts';
import { CommissionAdsPage, commissionAdsPath } from '../views/commission.page.tsx';

const LocaleOnly = z.object({ locale: localeSchema });
const ScreenQuery = z.object({
  election: z.string().max(100).optional().catch(undefined),
  done: z.string().optional().catch(undefined),
});
const LinkForm = z.object({
  election: z.string().min(1).max(100),
  key: z.string().min(1).max(300),
  party: z.string().min(1).max(40),
  kind: z.enum(['own', 'supporter']),
  status: z.enum(['confirmed', 'rejected']),
});

async function screen(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  electionId: string | undefined,
  extra: { problems?: Problem[]; done?: boolean; status?: number } = {},
) {
  const elections = await listElections(ctx.db);
  let election = elections.find((x) => x.id === electionId);
  if (!election)
    for (const x of elections)
      if ((await reportsOfElection(ctx.db, x.id)).length > 0) {
        election = x;
        break;
      }
  election ??= elections[0];
  const [ballot, advertisers] = election
    ? await Promise.all([listBallot(ctx.db, election.id), advertisersToMatch(ctx, election.id)])
    : [[], []];
  const page = (
    <CommissionAdsPage
      locale={l}
      csrf={reply.generateCsrf()}
      elections={elections}
      election={election}
      ballot={ballot}
      advertisers={advertisers}
      problems={extra.problems ?? []}
      done={extra.done ?? false}
    />
  );
  return sendPrivateHtml(reply, renderPage(page), extra.status ?? 200);
}

async function upload(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  l: Locale,
  read: Parameters<typeof readCommissionUpload>[0],
  what: 'report' | 'rates',
) {
  const form = await readCommissionUpload(read, { maxBytes: ctx.config.uploadLimitBytes, fileField: 'file' });
  if (!form.allowed) return reply;
  const electionId = form.fields.election ?? '';
  const refuse = (problems: Problem[]) => screen(ctx, reply, l, electionId, { problems, status: 422 });
  if (form.problems.length > 0) return refuse(form.problems);
  if (!form.file) return refuse([{ code: 'ads.file_missing', message: 'Choose a file.', field: 'file' }]);
  const actor = actorOf(me(req));
  if (what === 'rates') {
    const r = await importRates(ctx, form.file.bytes, actor);
    if (!r.ok) return refuse(r.error);
    if (r.value.problems.length > 0)
      return screen(ctx, reply, l, electionId, { problems: r.value.problems, done: true });
  } else {
    const periodText = (form.fields.period ?? '').trim();
    const period = periodText ? parsePeriod(periodText) : undefined;
    if (typeof period === 'string') return refuse([{ code: 'ads.period', message: period, field: 'period' }]);
    const r = await importAdReport(ctx, {
      electionId,
      fileName: form.file.name,
      bytes: form.file.bytes,
      actor,
      ...(period ? { period } : {}),
    });
    if (!r.ok) return refuse(r.error);
    if (r.value.problems.length > 0)
      return screen(ctx, reply, l, electionId, { problems: r.value.problems, done: true });
  }
  return seeOther(reply, `${commissionAdsPath(l)}?election=${encodeURIComponent(electionId)}&done=1`);
}

export const ADS_COMMISSION_ROUTES: readonly RouteDef<Action, Resource>[] = [
  route({
    id: 'ads.commission',
    method: 'GET',
    url: '/:locale/commission/ads',
    access: { kind: 'permission', actions: ['findings.read'], training: true },
    params: LocaleOnly,
    query: ScreenQuery,
    handler: ({ ctx, reply, locale, query }) =>
      screen(ctx, reply, locale, query.election, { done: query.done === '1' }),
  }),
  route({
    id: 'ads.commission.link',
    method: 'POST',
    url: '/:locale/commission/ads/links',
    access: { kind: 'permission', actions: ['findings.review'], training: true },
    params: LocaleOnly,
    form: LinkForm,
    handler: async ({ ctx, req, reply, locale, form }) => {
      if (!form.ok) return screen(ctx, reply, locale, undefined, { problems: form.error, status: 422 });
      const d = form.value;
      const r = await decideLink(ctx, {
        electionId: d.election,
        key: d.key,
        party: d.party,
        kind: d.kind,
        status: d.status,
        actor: actorOf(me(req)),
      });
      if (!r.ok) return screen(ctx, reply, locale, d.election, { problems: r.error, status: 422 });
      return seeOther(reply, `${commissionAdsPath(locale)}?election=${encodeURIComponent(d.election)}&done=1`);
    },
  }),
  ...(['report', 'rates'] as const).map((what): RouteDef<Action, Resource> =>
    route({
      id: `ads.commission.${what}`,
      method: 'POST',
      url: `/:locale/commission/ads/${what === 'report' ? 'reports' : 'rates'}`,
      access: { kind: 'permission', actions: ['findings.review'], training: true },
      params: LocaleOnly,
      multipart: true,
      handler: ({ ctx, req, reply, locale, readMultipart }) => upload(ctx, req, reply, locale, readMultipart, what),
    }),
  ),
];

export async function adsCommissionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, ADS_COMMISSION_ROUTES, {
    auth: COMMISSION_AUTH,
    multipartLimits: COMMISSION_UPLOAD_LIMITS,
  });
}
