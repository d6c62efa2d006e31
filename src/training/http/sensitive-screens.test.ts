// The sensitive screens declare on their routes that the training gate stands before them. Should a
// capability drop the flag, or add a route to one of these screens without it, this fails, rather than
// the screen silently opening to people who lack the requirements.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { openApp } from '../../platform/bootstrap.ts';
import { loadConfig } from '../../platform/config.ts';
import type { AppContext } from '../../platform/app-context.ts';
import type { Capability } from '../../platform/capability.ts';
import { CAPABILITIES } from '../../capabilities.ts';
import { buildServer } from '../../server.ts';
import { needsTraining } from './gate.ts';

const SCREENS: ReadonlyArray<{ what: string; method: 'GET' | 'POST'; url: string }> = [
  { what: 'filing review', method: 'GET', url: '/:locale/commission/reports/:filingId' },
  { what: 'filing review decision', method: 'POST', url: '/:locale/commission/reports/:filingId/status' },
  { what: 'findings review', method: 'GET', url: '/:locale/commission/findings' },
  { what: 'finding decision', method: 'POST', url: '/:locale/commission/findings/:id/review' },
  { what: 'findings publication', method: 'POST', url: '/:locale/commission/elections/:id/findings/publication' },
  { what: 'ad links', method: 'GET', url: '/:locale/commission/ads' },
  { what: 'reconciliation', method: 'GET', url: '/:locale/commission/elections/:id/reconciliation' },
  { what: 'reconciliation list', method: 'GET', url: '/:locale/commission/reconciliation' },
  { what: 'lottery consoles', method: 'GET', url: '/:locale/lottery' },
  { what: 'lottery console', method: 'GET', url: '/:locale/elections/:id/lottery' },
  { what: 'lottery step', method: 'POST', url: '/:locale/elections/:id/lottery/draw' },
  { what: 'user management', method: 'GET', url: '/:locale/account/users' },
  { what: 'user disabled', method: 'POST', url: '/:locale/account/users/:id/disable' },
];

/** Every route of the screens above; each must be gated. */
const AREAS = [
  '/:locale/commission/reports',
  '/:locale/commission/findings',
  '/:locale/commission/elections/:id/findings',
  '/:locale/commission/ads',
  '/:locale/commission/reconciliation',
  '/:locale/commission/elections/:id/reconciliation',
  '/:locale/elections/:id/lottery',
  '/:locale/account/users',
];
const inArea = (url: string) => url === '/:locale/lottery' || AREAS.some((a) => url === a || url.startsWith(`${a}/`));

interface Seen {
  method: string;
  url: string;
  gated: boolean;
}

describe('the sensitive screens the gate stands before', () => {
  let dir: string;
  let ctx: AppContext;
  let app: FastifyInstance;
  const routes: Seen[] = [];
  // Sees every route as it is registered, with the config the gate reads from the matched route.
  const watcher: Capability = {
    name: 'route-watcher',
    requestHooks(a) {
      a.addHook('onRoute', (r) => {
        const req = { routeOptions: { url: r.url, config: r.config ?? {} } } as unknown as FastifyRequest;
        for (const method of [r.method].flat()) routes.push({ method, url: r.url, gated: needsTraining(req) });
      });
    },
  };
  const gated = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.gated;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talapker-gate-'));
    ctx = await openApp(loadConfig({ TALAPKER_DATA_DIR: dir }));
    app = await buildServer(ctx, { capabilities: [watcher, ...CAPABILITIES] });
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(SCREENS)('$what is a route of the application, and gated', ({ method, url }) => {
    expect(app.hasRoute({ method, url })).toBe(true);
    expect(gated(method, url)).toBe(true);
  });

  it('gates every route of those screens', () => {
    const open = routes.filter((r) => inArea(r.url) && !r.gated && r.method !== 'HEAD');
    expect(open).toEqual([]);
  });

  it('leaves public pages and one’s own account open', () => {
    for (const url of ['/:locale/lottery/draws/:drawId', '/:locale/account', '/:locale/training', '/:locale/'])
      expect(gated('GET', url)).toBe(false);
    expect(routes.filter((r) => r.gated && !inArea(r.url))).toEqual([]);
  });
});
