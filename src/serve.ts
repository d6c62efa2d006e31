// Starting the portal: open the app, listen, and give an empty database the demo without making anyone
// wait for it. The demo is built once at install (`prepare` builds it into dist/demo-data beside the
// compiled code); the first start on an empty SQLite folder copies that folder into place, which takes
// a moment. Without a prebuilt copy (PostgreSQL, S3, or the TypeScript run straight from src/), the
// server listens first and loads the demo behind it, saying on the console how far it has come.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import type { Config } from './platform/config.ts';
import type { AppContext } from './platform/app-context.ts';
import { openApp } from './platform/bootstrap.ts';
import { buildServer } from './server.ts';

/** The demo built at install, beside the compiled code; absent when running the TypeScript. */
const PREBUILT_DEMO = new URL('./demo-data/', import.meta.url);

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Copies the prebuilt demo into an empty local data folder; false when there is none to copy or the folder is in use. */
function copyPrebuiltDemo(config: Config): boolean {
  if (config.databaseUrl || config.s3 || !existsSync(new URL('talapker.sqlite', PREBUILT_DEMO))) return false;
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) return false;
  const started = performance.now();
  cpSync(PREBUILT_DEMO, config.dataDir, { recursive: true });
  say(`Empty data folder: copied the prebuilt demo in ${Math.round(performance.now() - started)} ms.`);
  return true;
}

async function isEmpty(ctx: AppContext): Promise<boolean> {
  return !(await ctx.db.selectFrom('elections').select('id').executeTakeFirst());
}

/** Loads the demo into the running portal's empty database, step by step on the console. */
async function loadDemoBehind(ctx: AppContext): Promise<void> {
  const started = performance.now();
  say('Empty database: loading the demo while the portal serves (pages fill in as it goes)…');
  const { loadDemo, attachDemoProgrammePdfs } = await import('./demo/demo-loader.service.ts');
  const { CAPABILITIES } = await import('./capabilities.ts');
  const r = await loadDemo(ctx, CAPABILITIES, (step) => say(`  demo: ${step}`));
  say(`Demo loaded in ${Math.round((performance.now() - started) / 1000)} s (${r.summary}).`);
  say(`Demo programme PDFs attached: ${await attachDemoProgrammePdfs(ctx)}.`);
}

export async function serve(config: Config): Promise<void> {
  copyPrebuiltDemo(config);
  const ctx = await openApp(config);
  const app = await buildServer(ctx, { logger: { level: config.logLevel } });
  const { CAPABILITIES } = await import('./capabilities.ts');
  const workers: Array<{ stop(): Promise<void> }> = [];
  const shutdown = async () => {
    await app.close();
    await Promise.all(workers.map((w) => w.stop()));
    await ctx.db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  // The first page pays for loading the page modules; pay it here, so "ready" means a page is served.
  await app.inject({ method: 'GET', url: '/ky/' });
  // So does the first search, which makes the indexes it holds until the data changes (names keyed for
  // matching, donors' identities, texts folded): made now, they do not keep the first searchers waiting.
  await app.inject({ method: 'GET', url: '/ky/search?q=talapker' });
  const where = config.databaseUrl ? 'PostgreSQL' : config.sqlitePath;
  // performance.now() counts from the process's start: the real time a user waited.
  say(
    `Talapker is serving on http://localhost:${config.port} (database: ${where}; ready in ${Math.round(performance.now())} ms)`,
  );
  // Background work starts only once pages are served, so that none of it delays the first one.
  for (const c of CAPABILITIES)
    if (c.work)
      workers.push(c.work(ctx, (err) => app.log.error({ err, capability: c.name }, 'background work failed')));
  if (await isEmpty(ctx))
    loadDemoBehind(ctx).catch((err: unknown) => app.log.error({ err }, 'Loading the demo failed'));
}
