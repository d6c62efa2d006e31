import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';

describe('SQLite statements kept between queries', () => {
  it('runs a query again with other parameters, and after a stream of it was left half-read', async () => {
    const db = openDatabase({ url: ':memory:' });
    await sql`create table t (n integer)`.execute(db);
    await sql`insert into t values (1), (2), (3)`.execute(db);
    const query = (min: number) => sql<{ n: number }>`select n from t where n >= ${min} order by n`;
    expect((await query(2).execute(db)).rows.map((r) => r.n)).toEqual([2, 3]);
    expect((await query(3).execute(db)).rows.map((r) => r.n)).toEqual([3]);
    const all = () =>
      db
        .selectFrom('t' as never)
        .select(sql<number>`n`.as('n'))
        .orderBy(sql`n`);
    for await (const row of all().stream()) {
      expect(row).toEqual({ n: 1 });
      break;
    }
    expect(await all().execute()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await db.destroy();
  });
});
