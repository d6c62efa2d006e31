// What a running instance holds: the database, the blob store, the configuration, a clock, the event bus and its caches.
// Everything that must agree between instances lives in the database, so N of these can run.
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import type { Config } from './config.ts';
import type { EventBus } from './event-bus.ts';
import type { Memo } from './memo.ts';

export interface AppContext {
  db: Kysely<Database>;
  blobs: BlobStore;
  config: Config;
  now: () => Date;
  /** What one capability tells the others (a report was filed…); subscribed by each capability's index.ts. */
  events: EventBus;
  /** This instance's bounded caches (never the only copy of anything). */
  memo: Memo;
}
