// HTTP for the ballot-order lottery: the election's lottery page with the commission console
// (freeze, rolls, draw, redo), the public record of each draw (page, JSON, canonical list, ballot
// proof PDF), the hall screen and its polling endpoint, and the static verifier script.
import { readFileSync } from 'node:fs';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
  preHandlerHookHandler,
} from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { parseLocale, PUBLIC_CACHE, sendHtml } from '../../platform/web/http.ts';
import { renderPage, Layout } from '../../platform/web/layout.tsx';
import { notFound } from '../../platform/web/errors.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import { problem, type Problem } from '../../platform/result.ts';
import { findElection } from '../../elections/election.repository.ts';
import { verifyDrawRecord } from '../core/draw.ts';
import { liveState, type LotteryDraw } from '../core/ceremony.ts';
import { LOTTERY_CSS, PRESENT_SCRIPT, lotteryCssPath, presentScriptPath, verifyScriptPath } from '../views/ceremony-assets.ts';
import { findCurrentDraw, findDraw, findSuccessor, listDraws } from '../lottery.repository.ts';
import { addSeedPart, ballotProofOf, freezeParticipants, performDraw, redoDraw, registeredParties } from '../lottery.service.ts';
import {
  DrawPage,
  ElectionLotteryPage,
  ElectionLotterySection,
  PresentPage,
  canonicalParticipants,
  drawPath,
  electionLotteryPath,
  participantsFileName,
  type ConsoleForm,
} from '../views/lottery.pages.tsx';

const verifyScript = readFileSync(new URL('../core/verify-draw.client.js', import.meta.url));

/** Pages that change during a ceremony: the browser must ask again, or a redirect after a step shows the old state. */
const LIVE_PAGE_CACHE = 'no-cache';

/**
 * Without a `guard` the console is open to anyone only where that is safe: with
 * TALAPKER_OPEN_COMMISSION=1 (a local demo or a ceremony laptop on a closed network), or under the
 * test runner unless the variable is '0'. Everywhere else the POST routes answer 403. The server
 * passes the real permission check (requirePermission('election.manage')) as `guard`, so these
 * defaults only serve an app built without accounts.
 */
export function commissionIsOpen(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TALAPKER_OPEN_COMMISSION === '1') return true;
  if (env.TALAPKER_OPEN_COMMISSION === '0') return false;
  return env.VITEST !== undefined;
}

/** The default guard of the console's POST routes; see commissionIsOpen. */
export const openCommissionGuard: preHandlerAsyncHookHandler = async (req, reply) => {
  if (commissionIsOpen()) return;
  const locale = parseLocale((req.params as { locale?: string }).locale) ?? 'en';
  const html = renderPage(
    <Layout locale={locale} title={t(locale, 'lottery.forbidden')} path="/">
      <h1>{t(locale, 'lottery.forbidden')}</h1>
    </Layout>,
  );
  await sendHtml(reply, html, { status: 403, cache: 'no-store' });
};

export interface LotteryRouteOptions {
  /** Runs before each console POST; it answers (e.g. 403) to refuse. Default: openCommissionGuard. */
  guard?: preHandlerHookHandler | preHandlerAsyncHookHandler;
  /** Whether the lottery page shows the console forms. Default: commissionIsOpen() without a guard, true with one. */
  canManage?: (req: FastifyRequest) => boolean | Promise<boolean>;
  /** Who the activity log names for a console step. Default: 'web:open-console'. */
  actor?: (req: FastifyRequest) => string;
}

type FormBody = Record<string, string | string[] | undefined> | undefined;

const field = (body: FormBody, name: string): string => {
  const v = body?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
};

function drawIdOf(raw: string): number | undefined {
  return /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : undefined;
}

const staleForm = (): Problem => problem('lottery.stale_form', 'This form belongs to a draw that is no longer current; reload the page.');

export function lotteryRoutes(app: FastifyInstance, ctx: AppContext, opts: LotteryRouteOptions = {}): void {
  const guard = opts.guard ?? openCommissionGuard;
  const canManage = opts.canManage ?? (opts.guard ? () => true : () => commissionIsOpen());
  const actorOf = opts.actor ?? (() => 'web:open-console');

  // ---- static assets ------------------------------------------------------------------------
  app.get(verifyScriptPath, async (_req, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(verifyScript),
  );
  app.get(presentScriptPath, async (_req, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(PRESENT_SCRIPT),
  );
  app.get(lotteryCssPath, async (_req, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(LOTTERY_CSS),
  );

  // ---- the election's lottery page and console ------------------------------------------------
  async function renderElectionPage(
    req: FastifyRequest,
    reply: FastifyReply,
    locale: Locale,
    electionId: string,
    extra: { problems?: Problem[]; form?: ConsoleForm } = {},
  ) {
    const election = await findElection(ctx.db, electionId);
    if (!election) return notFound(reply, locale);
    const [current, draws, registered] = await Promise.all([
      findCurrentDraw(ctx.db, election.id),
      listDraws(ctx.db, election.id),
      registeredParties(ctx.db, election.id),
    ]);
    const manage = await canManage(req);
    // The console's forms carry the session's CSRF token where the app checks one (authPlugin
    // decorates the reply); the open console of a bare app has none to carry.
    const csrfToken = manage && typeof reply.generateCsrf === 'function' ? reply.generateCsrf() : undefined;
    const html = renderPage(
      <ElectionLotteryPage
        locale={locale}
        election={election}
        current={current}
        draws={draws}
        registered={registered}
        canManage={manage}
        csrfToken={csrfToken}
        problems={extra.problems}
        form={extra.form}
      />,
    );
    // A page with a session-bound token is for this viewer only: no cache may keep it.
    const cache = extra.problems?.length || csrfToken ? 'no-store' : LIVE_PAGE_CACHE;
    return sendHtml(reply, html, { status: extra.problems?.length ? 422 : 200, cache });
  }

  type ElectionParams = { Params: { locale: string; id: string }; Body: FormBody };

  app.get<ElectionParams>('/:locale/elections/:id/lottery', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    return renderElectionPage(req, reply, locale, req.params.id);
  });

  /** One console step: run it, then redirect (303) on success or show the page with the problems. */
  function consoleStep(
    step: string,
    run: (req: FastifyRequest<ElectionParams>, electionId: string) => Promise<{ ok: true; redirect: (l: Locale) => string } | { ok: false; problems: Problem[] }>,
  ) {
    app.post<ElectionParams>(`/:locale/elections/:id/lottery/${step}`, { preHandler: guard }, async (req, reply) => {
      const locale = parseLocale(req.params.locale);
      const election = locale && (await findElection(ctx.db, req.params.id));
      if (!locale || !election) return notFound(reply, locale ?? 'en');
      const r = await run(req, election.id);
      if (r.ok) return reply.redirect(r.redirect(locale), 303);
      const form = { observer: field(req.body, 'observer'), digits: field(req.body, 'digits'), reason: field(req.body, 'reason') };
      return renderElectionPage(req, reply, locale, election.id, { problems: r.problems, form });
    });
  }

  /** The draw a form names, if it is one of this election's; a form from another tab or a stale page names another. */
  async function namedDraw(req: FastifyRequest<ElectionParams>, electionId: string): Promise<LotteryDraw | undefined> {
    const id = drawIdOf(field(req.body, 'draw'));
    const draw = id === undefined ? undefined : await findDraw(ctx.db, id);
    return draw?.electionId === electionId ? draw : undefined;
  }

  consoleStep('freeze', async (req, electionId) => {
    const r = await freezeParticipants(ctx, electionId, actorOf(req));
    return r.ok ? { ok: true, redirect: (l) => `${electionLotteryPath(l, electionId)}#current` } : { ok: false, problems: r.error };
  });

  consoleStep('seed-parts', async (req, electionId) => {
    const draw = await namedDraw(req, electionId);
    if (!draw) return { ok: false, problems: [staleForm()] };
    const r = await addSeedPart(ctx, draw.id, field(req.body, 'observer'), field(req.body, 'digits'), actorOf(req));
    return r.ok ? { ok: true, redirect: (l) => `${electionLotteryPath(l, electionId)}#console` } : { ok: false, problems: r.error };
  });

  consoleStep('draw', async (req, electionId) => {
    const draw = await namedDraw(req, electionId);
    if (!draw) return { ok: false, problems: [staleForm()] };
    const r = await performDraw(ctx, draw.id, actorOf(req));
    return r.ok ? { ok: true, redirect: (l) => drawPath(l, draw.id) } : { ok: false, problems: r.error };
  });

  consoleStep('redo', async (req, electionId) => {
    // A redo names the draw it redoes, so that a form sent twice does not redo the new draw too.
    const named = field(req.body, 'draw');
    if (named !== '') {
      const current = await findCurrentDraw(ctx.db, electionId);
      if (current && String(current.id) !== named) return { ok: false, problems: [staleForm()] };
    }
    const r = await redoDraw(ctx, electionId, field(req.body, 'reason'), actorOf(req));
    return r.ok ? { ok: true, redirect: (l) => `${electionLotteryPath(l, electionId)}#current` } : { ok: false, problems: r.error };
  });

  // ---- the public record of a draw ------------------------------------------------------------
  type DrawParams = { Params: { locale?: string; drawId: string }; Querystring: Record<string, string | undefined> };

  async function loadDraw(raw: string): Promise<LotteryDraw | undefined> {
    const id = drawIdOf(raw);
    return id === undefined ? undefined : findDraw(ctx.db, id);
  }

  app.get<DrawParams>('/:locale/lottery/draws/:drawId', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const draw = locale && (await loadDraw(req.params.drawId));
    const election = draw && (await findElection(ctx.db, draw.electionId));
    if (!locale || !draw || !election) return notFound(reply, locale ?? 'en');
    const [predecessor, successor] = await Promise.all([
      draw.supersedesDrawId === null ? undefined : findDraw(ctx.db, draw.supersedesDrawId),
      draw.state === 'superseded' ? findSuccessor(ctx.db, draw.id) : undefined,
    ]);
    // The server checks its own record too, so a reader without JavaScript still sees a verdict.
    const check = draw.record ? verifyDrawRecord(draw.record) : undefined;
    const serverCheck = check === undefined ? null : check.ok ? [] : check.error;
    const html = renderPage(
      <DrawPage locale={locale} election={election} draw={draw} predecessor={predecessor} successor={successor} serverCheck={serverCheck} />,
    );
    return sendHtml(reply, html, { cache: LIVE_PAGE_CACHE });
  });

  app.get<DrawParams>('/:locale/lottery/draws/:drawId/present', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const draw = locale && (await loadDraw(req.params.drawId));
    const election = draw && (await findElection(ctx.db, draw.electionId));
    if (!locale || !draw || !election) return notFound(reply, locale ?? 'en');
    // ?pace=ms sets the reveal speed for rehearsals; bounded so that a link cannot freeze the screen.
    const pace = Math.min(10_000, Math.max(100, Number(req.query.pace) || 2500));
    return sendHtml(reply, renderPage(<PresentPage locale={locale} election={election} draw={draw} pace={pace} />), { cache: LIVE_PAGE_CACHE });
  });

  app.get<DrawParams>('/lottery/draws/:drawId.json', async (req, reply) => {
    const draw = await loadDraw(req.params.drawId);
    if (!draw?.record) return reply.status(404).send({ error: { code: 'not_found', message: 'No drawn draw with this id.' } });
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      // A drawn record never changes (a redo is a new draw), so it may be cached.
      .header('cache-control', PUBLIC_CACHE)
      .header('content-disposition', `attachment; filename="${draw.electionId}-draw-${draw.attempt}.json"`)
      .send(`${JSON.stringify(draw.record, null, 2)}\n`);
  });

  app.get<DrawParams>('/lottery/draws/:drawId/participants.json', async (req, reply) => {
    const draw = await loadDraw(req.params.drawId);
    if (!draw) return reply.status(404).send({ error: { code: 'not_found', message: 'No draw with this id.' } });
    // Exactly the bytes the commitment hashes: no pretty-printing, no trailing newline.
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', PUBLIC_CACHE)
      .header('content-disposition', `attachment; filename="${participantsFileName(draw)}"`)
      .send(canonicalParticipants(draw));
  });

  app.get<DrawParams>('/lottery/draws/:drawId/live.json', async (req, reply) => {
    const draw = await loadDraw(req.params.drawId);
    if (!draw) return reply.status(404).send({ error: { code: 'not_found', message: 'No draw with this id.' } });
    const successor = draw.state === 'superseded' ? await findSuccessor(ctx.db, draw.id) : undefined;
    return reply.header('cache-control', 'no-store').send(liveState(draw, successor?.id ?? null));
  });

  app.get<DrawParams>('/lottery/draws/:drawId/ballot-proof.pdf', async (req, reply) => {
    const size = req.query.size ?? 'A4';
    if (size !== 'A4' && size !== 'A3') return reply.status(400).send({ error: { code: 'bad_size', message: 'size is A4 or A3.' } });
    const id = drawIdOf(req.params.drawId);
    const r = id === undefined ? undefined : await ballotProofOf(ctx, id, size);
    if (!r || (!r.ok && r.error.some((p) => p.code === 'lottery.draw_not_found'))) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'No draw with this id.' } });
    }
    if (!r.ok) return reply.status(409).send({ error: { code: r.error[0]?.code ?? 'refused', message: r.error.map((p) => p.message).join(' ') } });
    const { draw, pdf } = r.value;
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', PUBLIC_CACHE)
      .header('content-disposition', `inline; filename="${draw.electionId}-draw-${draw.attempt}-ballot-proof-${size}.pdf"`)
      .send(pdf);
  });
}

/**
 * The lottery's section on the election page; the lead adds it to `extensions.election` in
 * server.ts so that every election links to its lottery.
 */
export async function lotteryElectionSection(ctx: AppContext, electionId: string, locale: Locale): Promise<ComponentChildren> {
  const draws = await listDraws(ctx.db, electionId);
  const current = draws.find((d) => d.state !== 'superseded');
  return <ElectionLotterySection locale={locale} electionId={electionId} current={current} count={draws.length} />;
}
