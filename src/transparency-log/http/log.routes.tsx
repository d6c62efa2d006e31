// The log's public files (the current signed checkpoint and the verifier key, as plain text that the
// C2SP tools read as they are), the browser's proof checker, and the two pages: the explanation for a
// journalist and one record's verification.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema } from '../../domain/election.ts';
import { notFound, renderPage, sendHtml } from '../../platform/web/index.ts';
import { currentCheckpoint, entries, entriesOfRef, treeSize, verifierKey } from '../transparency-log.service.ts';
import { LogAboutPage } from '../views/log-about.page.tsx';
import { LogVerifyPage } from '../views/log-verify.page.tsx';
import { VERIFY_SCRIPT_PATH } from '../views/paths.ts';

const verifyScript = readFileSync(new URL('../views/verify-inclusion.client.js', import.meta.url));

/** The pages show the checkpoint of the moment: browsers and caches keep them only briefly. */
const SHORT_CACHE = 'public, max-age=5';

const localeParams = z.object({ locale: localeSchema });
const verifyQuery = z.union([
  z.object({ ref: z.string().min(1).max(200) }),
  z.object({ index: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
]);

const baseOf = (ctx: AppContext, req: FastifyRequest): string =>
  (ctx.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

function files(app: FastifyInstance, ctx: AppContext): void {
  app.get('/log/checkpoint', async (_req, reply) => {
    const c = await currentCheckpoint(ctx);
    // A checkpoint is current for a few seconds; caches must not hold it longer.
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=2')
      .send(c.note);
  });
  app.get('/log/key', async (_req, reply) =>
    reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(`${await verifierKey(ctx)}\n`),
  );
  app.get(VERIFY_SCRIPT_PATH, async (_req, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(verifyScript),
  );
}

export function logRoutes(app: FastifyInstance, ctx: AppContext): void {
  files(app, ctx);
  app.get('/:locale/log', async (req, reply) => {
    const params = localeParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const c = await currentCheckpoint(ctx);
    const page = (
      <LogAboutPage
        locale={params.data.locale}
        base={baseOf(ctx, req)}
        size={c.size}
        checkpoint={c.note}
        verifierKey={await verifierKey(ctx)}
      />
    );
    return sendHtml(reply, renderPage(page), { cache: SHORT_CACHE });
  });

  app.get('/:locale/log/verify', async (req, reply) => {
    const params = localeParams.safeParse(req.params);
    const query = verifyQuery.safeParse(req.query);
    if (!params.success || !query.success) return notFound(reply, params.data?.locale ?? 'en');
    const found =
      'ref' in query.data
        ? await entriesOfRef(ctx, query.data.ref)
        : await entries(ctx, query.data.index, query.data.index + 1);
    const ref = 'ref' in query.data ? query.data.ref : (found[0]?.ref ?? String(query.data.index));
    const shown = found.map((e) => ({
      index: e.index,
      kind: e.kind,
      at: e.at,
      leaf: new TextDecoder().decode(e.leaf),
      leafHashHex: Buffer.from(e.leafHash).toString('hex'),
      leafBase64: Buffer.from(e.leaf).toString('base64'),
    }));
    const page = (
      <LogVerifyPage
        locale={params.data.locale}
        base={baseOf(ctx, req)}
        ref={ref}
        entries={shown}
        size={await treeSize(ctx)}
      />
    );
    return sendHtml(reply, renderPage(page), { cache: SHORT_CACHE });
  });
}
