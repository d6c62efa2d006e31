// Serving stored files by content hash, to anyone, while a published record refers to them
// (blob.repository.ts). A hash never changes its content, so responses may be cached forever;
// SVG is sandboxed so that an uploaded logo can never run script.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { isSha256 } from './blob-store.ts';
import { findBlobMeta } from './blob.service.ts';
import { isPublishedBlob } from './blob.repository.ts';

export function blobRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { sha: string }; Querystring: { download?: string } }>('/blobs/:sha', async (req, reply) => {
    const sha = req.params.sha;
    // Only what a published record refers to: a draft's scans are served by the draft's own route.
    const meta = isSha256(sha) && (await isPublishedBlob(ctx.db, sha)) ? await findBlobMeta(ctx, sha) : undefined;
    const body = meta && (await ctx.blobs.get(sha));
    if (!meta || !body) return reply.status(404).send({ error: { code: 'not_found', message: 'No such file.' } });
    const name = (req.query.download ?? '').replace(/[^\w.\-]/g, '_');
    reply
      .header('content-type', meta.media_type)
      .header('content-length', String(meta.size))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header('content-disposition', name ? `attachment; filename="${name}"` : 'inline');
    return reply.send(body);
  });
}
