// Runs one repository test suite on every database: SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set. Each PostgreSQL suite gets a schema of its own so files can run in
// parallel against one server.
import { describe, beforeAll, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openDatabase, type DialectName } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import type { Database } from '../../src/platform/db/schema.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
let warned = false;

export interface TestDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
}

/** Opens a fresh, migrated database of the given dialect; `close` drops what it made. */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase & { close(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = openDatabase({ url: ':memory:' });
    await migrateToLatest(db);
    return { db, dialect, close: () => db.destroy() };
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDatabase({ url: pgUrl, schema, poolSize: 4 });
  await migrateToLatest(db);
  return {
    db,
    dialect,
    async close() {
      await db.destroy();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export function availableDialects(): DialectName[] {
  if (!pgUrl && !warned) {
    warned = true;
    console.warn('PostgreSQL repository tests SKIPPED: set TEST_DATABASE_URL=postgres://… to run them.');
  }
  return pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** `describe` once per database, with a fresh migrated database for the suite. */
export function describeEachDatabase(name: string, body: (get: () => TestDatabase) => void): void {
  for (const dialect of availableDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let t: (TestDatabase & { close(): Promise<void> }) | undefined;
      beforeAll(async () => {
        t = await openTestDatabase(dialect);
      });
      afterAll(async () => {
        await t?.close();
      });
      body(() => {
        if (!t) throw new Error('database not open');
        return t;
      });
    });
  }
}
