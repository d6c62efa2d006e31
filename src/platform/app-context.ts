// What a running instance holds: the database, the blob store, the configuration and a clock.
// Everything that must agree between instances lives in the database, so N of these can run.
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import type { Config } from './config.ts';

export interface AppContext {
  db: Kysely<Database>;
  blobs: BlobStore;
  config: Config;
  now: () => Date;
}
