// The log's public files: the current signed checkpoint and the verifier key, as plain text that the
// C2SP tools read as they are.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { currentCheckpoint, verifierKey } from '../transparency-log.service.ts';

export function logRoutes(app: FastifyInstance, ctx: AppContext): void {
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
}
