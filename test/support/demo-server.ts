// A running portal with the demo loaded, on a free loopback port, in a temporary data folder.
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server.ts';
import { openDemoApp } from './demo-template.ts';
import type { AppContext } from '../../src/platform/app-context.ts';

export interface DemoServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  close(): Promise<void>;
}

export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const { ctx, dir } = await openDemoApp(env);
  const app = await buildServer(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    app,
    ctx,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await ctx.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
