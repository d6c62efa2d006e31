// Migration order: 0006 landed before 0005, so databases exist that ran 0006 and not 0005. Migrating
// such a database must run 0005 late instead of refusing it, on SQLite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from './database.ts';
import { MIGRATIONS, migrateToLatest } from './migrate.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const without0005 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name !== '0005-bank-statements'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function tableExists(db: Kysely<any>, name: string): Promise<boolean> {
  try {
    await sql`select 1 from ${sql.table(name)} where 1 = 0`.execute(db);
    return true;
  } catch {
    return false;
  }
}

describe('migrations run late when an earlier one was skipped', () => {
  it('on SQLite', async () => {
    const db = openDatabase({ url: ':memory:' });
    try {
      await migrateToLatest(db, without0005);
      expect(await tableExists(db, 'bank_statements')).toBe(false);
      await migrateToLatest(db);
      expect(await tableExists(db, 'bank_statements')).toBe(true);
    } finally {
      await db.destroy();
    }
  });

  it.skipIf(!pgUrl)('on PostgreSQL', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const db = openDatabase({ url: pgUrl ?? '', schema, poolSize: 2 });
    try {
      await migrateToLatest(db, without0005);
      await migrateToLatest(db);
      expect(await tableExists(db, 'bank_statements')).toBe(true);
    } finally {
      await db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
});
