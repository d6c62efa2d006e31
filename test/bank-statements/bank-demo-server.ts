// A running portal with the whole demo loaded (finance reports and bank statements included) and the
// bank statement routes and party-page section wired. When server.ts already wires them, that server is
// used as it is; until then the portal is composed here the way server.ts will compose it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { loadConfig } from '../../src/platform/config.ts';
import { openApp } from '../../src/platform/bootstrap.ts';
import { buildServer } from '../../src/server.ts';
import { loadDemo } from '../../src/demo/demo-loader.service.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import { siteCss, siteCssPath } from '../../src/platform/web/layout.tsx';
import { authPlugin } from '../../src/accounts/auth.plugin.ts';
import { accountRoutes } from '../../src/accounts/account.routes.ts';
import { defaultAccountSettings } from '../../src/accounts/account.ts';
import { electionPageRoutes } from '../../src/elections/election.routes.tsx';
import { registerStatementDemo } from '../../src/bank-statements/statement-demo.ts';
import { bankPartySection, bankStatementRoutes } from '../../src/bank-statements/intake/bank-statement.routes.tsx';
import { ELECTION_2020 } from '../../src/demo/elections.ts';
import { PARTIES_2020 } from '../../src/demo/parties-2020.ts';

export interface BankDemoServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** Whether server.ts itself wired the bank routes and section. */
  wiredByServer: boolean;
  close(): Promise<void>;
}

async function composed(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy: true });
  await app.register(formbody);
  await app.register(authPlugin(ctx, defaultAccountSettings));
  app.get(siteCssPath, async (_req, reply) => reply.header('content-type', 'text/css; charset=utf-8').send(siteCss));
  accountRoutes(app, ctx);
  electionPageRoutes(app, ctx, { election: [], party: [bankPartySection] });
  bankStatementRoutes(app, ctx);
  return app;
}

export async function startBankDemoServer(): Promise<BankDemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-bank-browser-'));
  const ctx = await openApp(loadConfig({ TALAPKER_DATA_DIR: dir }));
  registerStatementDemo();
  await loadDemo(ctx);
  let app = await buildServer(ctx);
  if (app.hasDecorator('accountSettings')) bankStatementRoutes(app, ctx);
  await app.ready();
  const probe = await app.inject({ method: 'GET', url: `/en/elections/${ELECTION_2020.id}/parties/${encodeURIComponent(PARTIES_2020[0]!.registrationNumber)}` });
  const wiredByServer = app.hasDecorator('bankStatementRoutes') && probe.body.includes('id="bank-figures"');
  if (!wiredByServer) {
    await app.close();
    app = await composed(ctx);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    app,
    ctx,
    url: `http://127.0.0.1:${port}`,
    wiredByServer,
    async close() {
      await app.close();
      await ctx.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
