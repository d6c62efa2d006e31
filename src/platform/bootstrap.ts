// Builds the application context from configuration: opens and migrates the database, picks the
// blob store (S3-compatible when configured, local disk otherwise) and loads the rules profiles.
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './app-context.ts';
import { openDatabase } from './db/database.ts';
import { EventBus } from './event-bus.ts';
import { Memo } from './memo.ts';
import { migrateToLatest } from './db/migrate.ts';
import { LocalBlobStore } from './blobs/local-blob-store.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import { ensureBuiltInRulesProfiles } from '../elections/election.service.ts';

async function openBlobStore(config: Config): Promise<BlobStore> {
  if (config.s3) {
    const { S3BlobStore } = await import('./blobs/s3-blob-store.ts');
    return new S3BlobStore(config.s3);
  }
  return new LocalBlobStore(join(config.dataDir, 'blobs'));
}

export async function openApp(config: Config, now: () => Date = () => new Date()): Promise<AppContext> {
  const db = openDatabase({ url: config.databaseUrl ?? config.sqlitePath });
  await migrateToLatest(db);
  const ctx: AppContext = {
    db,
    blobs: await openBlobStore(config),
    config,
    now,
    events: new EventBus(),
    memo: new Memo(),
  };
  await ensureBuiltInRulesProfiles(ctx);
  return ctx;
}
