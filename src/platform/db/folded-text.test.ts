// A case-insensitive match in every script, on both databases: SQLite's own lower() folds ASCII only,
// so "ПЛАТЁЖНОЕ" would not match "платёжное" there without the portal's fold().
import { expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { foldedText } from './database.ts';

describeEachDatabase('text folded to lower case', (get) => {
  it('matches Cyrillic, Kyrgyz and Latin letters whatever their case', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = get().db as unknown as Kysely<any>;
    await db.schema.createTable('fold_probe').ifNotExists().addColumn('t', 'text').execute();
    await db.deleteFrom('fold_probe').execute();
    await db
      .insertInto('fold_probe')
      .values([{ t: 'ПЛАТЁЖНОЕ ПОРУЧЕНИЕ № 12' }, { t: 'Төлөм ТАПШЫРМАСЫ Ң' }, { t: 'Payment ORDER' }, { t: 'другое' }])
      .execute();
    const find = async (needle: string) =>
      (
        await db
          .selectFrom('fold_probe')
          .select('t')
          .where(sql<boolean>`${foldedText(db, 'fold_probe.t')} like ${`%${needle}%`}`)
          .execute()
      ).map((r) => r.t as string);
    expect(await find('платёжное поручение')).toEqual(['ПЛАТЁЖНОЕ ПОРУЧЕНИЕ № 12']);
    expect(await find('тапшырмасы ң')).toEqual(['Төлөм ТАПШЫРМАСЫ Ң']);
    expect(await find('payment order')).toEqual(['Payment ORDER']);
    await db.schema.dropTable('fold_probe').execute();
  });
});
