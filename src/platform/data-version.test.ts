// The data version and the write mark, on SQLite and PostgreSQL: the version moves with an activity
// record and only then; on SQLite the write mark moves with any write, recorded or not, and inside a
// transaction it is read on the transaction's own connection.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { recordActivity } from './activity-log.ts';
import { dataVersion, newestActivity, sqliteWriteMark } from './data-version.ts';
import { dialectOf } from './db/database.ts';

describeEachDatabase('the data version and the write mark', (get) => {
  it('move as the record and the database do', async () => {
    const { db } = get();
    const sqlite = dialectOf(db) === 'sqlite';
    const v0 = await dataVersion(db);
    const m0 = await sqliteWriteMark(db);
    expect(m0 === undefined).toBe(!sqlite);

    // A row written straight into a table: no record, so the version stays; the mark moves on SQLite.
    await db
      .insertInto('rules_profiles')
      .values({ id: 'marks-test', version: 1, body: '{}', created_at: '2030-01-01T00:00:00.000Z' })
      .execute();
    expect(await dataVersion(db)).toBe(v0);
    if (sqlite) expect(await sqliteWriteMark(db)).not.toBe(m0);

    await recordActivity(db, { actor: 't', action: 'test', entityType: 'test', entityId: '1' });
    const v1 = await newestActivity(db);
    expect(v1).toBeGreaterThan(v0);
    expect(await dataVersion(db)).toBe(v1);

    // Inside a transaction, its own uncommitted record is seen through it.
    await db.transaction().execute(async (trx) => {
      await recordActivity(trx, { actor: 't', action: 'test', entityType: 'test', entityId: '2' });
      expect(await dataVersion(trx)).toBeGreaterThan(v1);
      if (sqlite) expect(await sqliteWriteMark(trx)).toMatch(/^\d+\/\d+$/);
    });
    expect(await dataVersion(db)).toBeGreaterThan(v1);
  });
});
