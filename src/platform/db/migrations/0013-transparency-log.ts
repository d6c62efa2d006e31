// The public transparency log: one row per leaf of the Merkle tree, in tree order, and the signed
// checkpoints given out. `idx` is the leaf's position, so a gap or a duplicate is impossible to store
// unnoticed: the primary key refuses a duplicate, and appends take the next number under a lock.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('log_entries')
    .addColumn('idx', 'bigint', (c) => c.primaryKey())
    // The leaf's exact bytes: UTF-8 canonical JSON, stored as text so both databases keep them as they are.
    .addColumn('leaf', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('log_entries_ref_idx').on('log_entries').columns(['kind', 'ref']).execute();

  await db.schema
    .createTable('log_checkpoints')
    .addColumn('size', 'bigint', (c) => c.primaryKey())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
}
