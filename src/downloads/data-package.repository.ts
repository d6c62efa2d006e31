// Rows of built data packages, and the data version a package is built from.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

export type DataPackageTables = {
  data_packages: {
    election_id: string;
    locale: string;
    data_version: number;
    blob_sha256: string;
    size: number;
    created_at: string;
  };
};

export interface BuiltPackage {
  sha256: string;
  size: number;
  createdAt: string;
  dataVersion: number;
}

const packages = (db: Kysely<Database>) => db.withTables<DataPackageTables>();

/** The newest entry of the activity log: every change the law cares about writes one, so it dates the data. */
export async function currentDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('activity_log')
    .select((e) => e.fn.max('id').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function findPackage(
  db: Kysely<Database>,
  electionId: string,
  locale: string,
  dataVersion: number,
): Promise<BuiltPackage | undefined> {
  const row = await packages(db)
    .selectFrom('data_packages')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('locale', '=', locale)
    .where('data_version', '=', dataVersion)
    .executeTakeFirst();
  return row
    ? {
        sha256: row.blob_sha256,
        size: Number(row.size),
        createdAt: row.created_at,
        dataVersion: Number(row.data_version),
      }
    : undefined;
}

/** Records a built package; another instance that built the same one first keeps its row. */
export async function savePackage(
  db: Kysely<Database>,
  electionId: string,
  locale: string,
  p: BuiltPackage,
): Promise<void> {
  await packages(db)
    .insertInto('data_packages')
    .values({
      election_id: electionId,
      locale,
      data_version: p.dataVersion,
      blob_sha256: p.sha256,
      size: p.size,
      created_at: p.createdAt,
    })
    .onConflict((oc) => oc.columns(['election_id', 'locale', 'data_version']).doNothing())
    .execute();
}
