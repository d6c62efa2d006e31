// The gate knows the sensitive screens by their route patterns. Should a capability move one of them,
// this fails, rather than the screen silently opening to people who lack the requirements.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openApp } from '../../platform/bootstrap.ts';
import { loadConfig } from '../../platform/config.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { buildServer } from '../../server.ts';
import { isSensitiveRoute } from '../core/requirements.ts';

const SCREENS: ReadonlyArray<{ what: string; method: 'GET' | 'POST'; url: string }> = [
  { what: 'filing review', method: 'GET', url: '/:locale/commission/reports/:filingId' },
  { what: 'filing review decision', method: 'POST', url: '/:locale/commission/reports/:filingId/status' },
  { what: 'findings review', method: 'GET', url: '/:locale/commission/findings' },
  { what: 'finding decision', method: 'POST', url: '/:locale/commission/findings/:id/review' },
  { what: 'findings publication', method: 'POST', url: '/:locale/commission/elections/:id/findings/publication' },
  { what: 'reconciliation', method: 'GET', url: '/:locale/commission/elections/:id/reconciliation' },
  { what: 'reconciliation list', method: 'GET', url: '/:locale/commission/reconciliation' },
  { what: 'lottery consoles', method: 'GET', url: '/:locale/lottery' },
  { what: 'lottery console', method: 'GET', url: '/:locale/elections/:id/lottery' },
  { what: 'user management', method: 'GET', url: '/:locale/account/users' },
];

describe('the sensitive screens the gate stands before', () => {
  let dir: string;
  let ctx: AppContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talapker-gate-'));
    ctx = await openApp(loadConfig({ TALAPKER_DATA_DIR: dir }));
    app = await buildServer(ctx);
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(SCREENS)('$what is a route of the application, and gated', ({ method, url }) => {
    expect(app.hasRoute({ method, url })).toBe(true);
    expect(isSensitiveRoute(url)).toBe(true);
  });

  it('leaves public pages and one’s own account open', () => {
    for (const url of ['/:locale/lottery/draws/:drawId', '/:locale/account', '/:locale/training', '/:locale/'])
      expect(isSensitiveRoute(url)).toBe(false);
  });
});
