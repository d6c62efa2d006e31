// Candidate funds: a single-mandate candidate's electoral fund files its own reports, kept by the fund's
// number as a party's are kept by its registration number. The number is derived from the election, the
// district and the candidate's name (races/core/candidate-fund.ts), so it is stored beside the candidate
// to be found by SQL, and rows imported before this migration are given theirs here. A report chain says
// whose fund it is (`filer_kind`), so that what is a party's (its totals, the compliance analysis, the
// deadlines) never takes in a candidate's; every chain before this one is a party's. A treasurer is bound
// to a party or to a candidate's fund (`users.candidate_fund_number`; the party column keeps its foreign key
// to the parties).
import { sql, type Kysely } from 'kysely';
import { candidateFundNumber } from '../../../races/core/candidate-fund.ts';

interface Row {
  id: number;
  election_id: string;
  district_code: string;
  last_name: string;
  first_name: string;
  patronymic: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('district_candidates').addColumn('fund_number', 'text').execute();
  await db.schema.alterTable('users').addColumn('candidate_fund_number', 'text').execute();
  await db.schema
    .alterTable('filing_chains')
    .addColumn('filer_kind', 'text', (c) => c.notNull().defaultTo('party'))
    .execute();
  const rows = await sql<Row>`select id, election_id, district_code, last_name, first_name, patronymic
    from district_candidates`.execute(db);
  for (const r of rows.rows) {
    const fund = candidateFundNumber(r.election_id, {
      districtCode: r.district_code,
      lastName: r.last_name,
      firstName: r.first_name,
      patronymic: r.patronymic,
    });
    await sql`update district_candidates set fund_number = ${fund} where id = ${r.id}`.execute(db);
  }
  await db.schema.createIndex('district_candidates_fund').on('district_candidates').column('fund_number').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('filing_chains').dropColumn('filer_kind').execute();
  await db.schema.alterTable('users').dropColumn('candidate_fund_number').execute();
  await db.schema.dropIndex('district_candidates_fund').execute();
  await db.schema.alterTable('district_candidates').dropColumn('fund_number').execute();
}
