// Hearing, on PostgreSQL, that some instance wrote to the public record: the activity log's trigger
// (migration 0011) sends a notice on commit, and each instance keeps one connection listening for it.
// The connection is its own, outside the pool, because a listener must stay on one session; it comes
// back by itself after an outage, and says so with one more notice, since notices sent meanwhile are lost.
// (A pooler in transaction mode, such as PgBouncer's, does not carry LISTEN: point DATABASE_URL past it.)
import pg from 'pg';
import type { Kysely } from 'kysely';
import { dialectOf, pgConnectionOf } from './database.ts';

const CHANNEL = 'talapker_activity';
const RETRY_MS = 1000;

export interface ActivityNotices {
  close(): Promise<void>;
}

/** Calls `onNotice` after each transaction that writes activity, from any instance; undefined on SQLite. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function listenForActivity(db: Kysely<any>, onNotice: () => void): ActivityNotices | undefined {
  const config = dialectOf(db) === 'postgres' ? pgConnectionOf(db) : undefined;
  if (!config) return undefined;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const again = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RETRY_MS);
    retry.unref();
  };
  const connect = async () => {
    const c = new pg.Client(config);
    client = c;
    // A lost connection is replaced, never left to end the process.
    c.on('error', () => {
      void c.end().catch(() => undefined);
      again();
    });
    c.on('end', again);
    c.on('notification', (n) => {
      if (n.channel === CHANNEL) onNotice();
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      // Whatever was written while nobody listened is caught up now.
      onNotice();
    } catch {
      void c.end().catch(() => undefined);
      again();
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
