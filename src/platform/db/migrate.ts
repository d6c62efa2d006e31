// Ordered migrations, shared by SQLite and PostgreSQL. Files are never edited after they land.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { schemaOf } from './database.ts';
import * as m0001 from './migrations/0001-portal.ts';

/** Add new migrations at the end; the key order is the order they run in. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-portal': m0001,
  '0002-lottery': await import('./migrations/0002-lottery.ts'),
  '0003-accounts': await import('./migrations/0003-accounts.ts'),
  '0004-filings': await import('./migrations/0004-filings.ts'),
  '0005-bank-statements': await import('./migrations/0005-bank-statements.ts'),
  '0006-filings-extra': await import('./migrations/0006-filings-extra.ts'),
  '0007-published-blobs': await import('./migrations/0007-published-blobs.ts'),
  '0008-scan-uploads': await import('./migrations/0008-scan-uploads.ts'),
  '0009-compliance': await import('./migrations/0009-compliance.ts'),
  '0010-account-email': await import('./migrations/0010-account-email.ts'),
  '0011-activity-notices': await import('./migrations/0011-activity-notices.ts'),
  '0013-transparency-log': await import('./migrations/0013-transparency-log.ts'),
  '0014-ads': await import('./migrations/0014-ads.ts'),
  '0016-voters': await import('./migrations/0016-voters.ts'),
  '0017-training': await import('./migrations/0017-training.ts'),
  '0020-data-packages': await import('./migrations/0020-data-packages.ts'),
  '0021-scan-ocr': await import('./migrations/0021-scan-ocr.ts'),
  '0022-alerts': await import('./migrations/0022-alerts.ts'),
  '0023-races': await import('./migrations/0023-races.ts'),
  '0024-in-kind-and-loans': await import('./migrations/0024-in-kind-and-loans.ts'),
  '0025-district-lists': await import('./migrations/0025-district-lists.ts'),
  '0027-annual-reports': await import('./migrations/0027-annual-reports.ts'),
  '0026-candidate-funds': await import('./migrations/0026-candidate-funds.ts'),
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.list;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, list: Record<string, Migration> = MIGRATIONS): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema; naming ours keeps test schemas apart.
  const schema = schemaOf(db);
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(list),
    // 0006 landed before 0005, so a database may have run 0006 without 0005. Each migration touches
    // only its own tables, so one that was skipped is run late rather than the database refused.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
