// The party lists of a local council election: in a municipality each party stands with a list of its
// own, so which parties stand where (and how long each list is) is data per district, beside the
// single-mandate candidates of 0023.
//
// A party has at most one list in a district of an election, so the triple is the key; the key's order
// also serves a district's page (its lists) and the count of lists per district (GROUP BY on the key's
// first two columns) without another index.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('district_lists')
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text', (c) => c.notNull())
    // How many candidates the list names.
    .addColumn('list_size', 'integer', (c) => c.notNull())
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('district_lists_pk', ['election_id', 'district_code', 'party_registration_number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('district_lists').execute();
}
