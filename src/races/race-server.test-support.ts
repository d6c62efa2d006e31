// The race election with its districts and candidates served on a local port, on its own SQLite
// database, for the browser tests of the races' pages and of the candidates' funds.
import type { AppContext } from '../platform/app-context.ts';
import { openTestDatabase } from '../../test/support/databases.ts';
import { buildServer } from '../server.ts';
import { raceTestContext, setupRaceWithCandidates } from './races.test-support.ts';

export interface RaceServer {
  ctx: AppContext;
  url: string;
  close(): Promise<void>;
}

/** Serves the race election; `prepare` runs on its data before the server starts (accounts, reports). */
export async function startRaceServer(prepare?: (ctx: AppContext) => Promise<void>): Promise<RaceServer> {
  const db = await openTestDatabase('sqlite');
  const t = raceTestContext(db.db);
  await setupRaceWithCandidates(t.ctx);
  await prepare?.(t.ctx);
  const app = await buildServer(t.ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return {
    ctx: t.ctx,
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    async close() {
      await app.close();
      t.close();
      await db.close();
    },
  };
}
