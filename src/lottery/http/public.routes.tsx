// The public record of each draw: its page, the hall screen and its polling endpoint, the JSON
// record, the canonical list the commitment hashes, the ballot proof PDF, and the static assets
// (the hall screen's script and the browser verifier; the pages' styles are in the site's stylesheet).
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound, PUBLIC_CACHE, renderPage, sendHtml } from '../../platform/web/index.ts';
import { canonicalParticipantsJson } from '../core/draw.ts';
import { drawById, drawRecordOf, drawWithElection, liveStateOf } from '../draw-record.service.ts';
import { ballotProofOf } from '../ballot-proof.service.ts';
import { PRESENT_SCRIPT, presentScriptPath, verifyScriptPath } from '../views/ceremony-assets.ts';
import { DrawPage } from '../views/draw.page.tsx';
import { PresentPage } from '../views/present.page.tsx';
import { participantsFileName } from '../views/paths.ts';
import { drawParams, localeDrawParams, localeParams, presentQuery, proofQuery } from './lottery.schemas.ts';

const verifyScript = readFileSync(new URL('../core/verify-draw.client.js', import.meta.url));

/** Pages that change during a ceremony: the browser must ask again, or a redirect after a step shows the old state. */
export const LIVE_PAGE_CACHE = 'no-cache';

const noDraw = (reply: FastifyReply, message = 'No draw with this id.') =>
  reply.status(404).send({ error: { code: 'not_found', message } });

function staticAssets(app: FastifyInstance): void {
  app.get(verifyScriptPath, async (_req, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(verifyScript),
  );
  app.get(presentScriptPath, async (_req, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(PRESENT_SCRIPT),
  );
}

function drawPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/lottery/draws/:drawId', async (req, reply) => {
    const params = localeDrawParams.safeParse(req.params);
    const view = params.success ? await drawRecordOf(ctx, params.data.drawId) : undefined;
    if (!params.success || !view) return notFound(reply, localeParams.safeParse(req.params).data?.locale ?? 'en');
    const html = renderPage(<DrawPage locale={params.data.locale} {...view} />);
    return sendHtml(reply, html, { cache: LIVE_PAGE_CACHE });
  });

  app.get('/:locale/lottery/draws/:drawId/present', { config: { pageQuery: presentQuery } }, async (req, reply) => {
    const params = localeDrawParams.safeParse(req.params);
    const found = params.success ? await drawWithElection(ctx, params.data.drawId) : undefined;
    if (!params.success || !found) return notFound(reply, localeParams.safeParse(req.params).data?.locale ?? 'en');
    const { pace } = presentQuery.parse(req.query);
    return sendHtml(reply, renderPage(<PresentPage locale={params.data.locale} {...found} pace={pace} />), {
      cache: LIVE_PAGE_CACHE,
    });
  });
}

function drawFiles(app: FastifyInstance, ctx: AppContext): void {
  app.get('/lottery/draws/:drawId.json', async (req, reply) => {
    const params = drawParams.safeParse(req.params);
    const draw = params.success ? await drawById(ctx, params.data.drawId) : undefined;
    if (!draw?.record) return noDraw(reply, 'No drawn draw with this id.');
    return (
      reply
        .header('content-type', 'application/json; charset=utf-8')
        // A drawn record never changes (a redo is a new draw), so it may be cached.
        .header('cache-control', PUBLIC_CACHE)
        .header('content-disposition', `attachment; filename="${draw.electionId}-draw-${draw.attempt}.json"`)
        .send(`${JSON.stringify(draw.record, null, 2)}\n`)
    );
  });

  app.get('/lottery/draws/:drawId/participants.json', async (req, reply) => {
    const params = drawParams.safeParse(req.params);
    const draw = params.success ? await drawById(ctx, params.data.drawId) : undefined;
    if (!draw) return noDraw(reply);
    // Exactly the bytes the commitment hashes: no pretty-printing, no trailing newline.
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', PUBLIC_CACHE)
      .header('content-disposition', `attachment; filename="${participantsFileName(draw)}"`)
      .send(canonicalParticipantsJson(draw.participants));
  });

  app.get('/lottery/draws/:drawId/live.json', async (req, reply) => {
    const params = drawParams.safeParse(req.params);
    const live = params.success ? await liveStateOf(ctx, params.data.drawId) : undefined;
    if (!live) return noDraw(reply);
    return reply.header('cache-control', 'no-store').send(live);
  });

  app.get('/lottery/draws/:drawId/ballot-proof.pdf', async (req, reply) => {
    const query = proofQuery.safeParse(req.query);
    if (!query.success) return reply.status(400).send({ error: { code: 'bad_size', message: 'size is A4 or A3.' } });
    const { size } = query.data;
    const params = drawParams.safeParse(req.params);
    const r = params.success ? await ballotProofOf(ctx, params.data.drawId, size) : undefined;
    if (!r || (!r.ok && r.error.some((p) => p.code === 'lottery.draw_not_found'))) return noDraw(reply);
    if (!r.ok)
      return reply
        .status(409)
        .send({ error: { code: r.error[0]?.code ?? 'refused', message: r.error.map((p) => p.message).join(' ') } });
    const { draw, pdf } = r.value;
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', PUBLIC_CACHE)
      .header(
        'content-disposition',
        `inline; filename="${draw.electionId}-draw-${draw.attempt}-ballot-proof-${size}.pdf"`,
      )
      .send(pdf);
  });
}

export function publicLotteryRoutes(app: FastifyInstance, ctx: AppContext): void {
  staticAssets(app);
  drawPages(app, ctx);
  drawFiles(app, ctx);
}
