// Starting the portal: open the app, load the demo into an empty database, listen.
import type { Config } from './platform/config.ts';
import { openApp } from './platform/bootstrap.ts';
import { buildServer } from './server.ts';

export async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const ctx = await openApp(config);
  const any = await ctx.db.selectFrom('elections').select('id').executeTakeFirst();
  let afterListen: (() => Promise<void>) | undefined;
  if (!any) {
    const { loadDemo, attachDemoProgrammePdfs } = await import('./demo/demo-loader.service.ts');
    const { CAPABILITIES } = await import('./capabilities.ts');
    const r = await loadDemo(ctx, CAPABILITIES);
    process.stdout.write(`Empty database: loaded the demo (${r.summary}).\n`);
    afterListen = async () => {
      const n = await attachDemoProgrammePdfs(ctx);
      process.stdout.write(`Demo programme PDFs attached: ${n}.\n`);
    };
  }
  const app = await buildServer(ctx, { logger: { level: config.logLevel } });
  const shutdown = async () => {
    await app.close();
    await ctx.db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : config.sqlitePath;
  afterListen?.().catch((err: unknown) => app.log.error({ err }, 'Demo programme PDFs failed'));
  process.stdout.write(
    `Talapker is serving on http://localhost:${config.port} (database: ${where}; ready in ${Math.round(performance.now() - started)} ms)\n`,
  );
}
