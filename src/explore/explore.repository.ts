// The lines behind the donor and payee pages: the latest filed version of each report only
// (`is_latest = 1`, the flag the filing submission moves, as finance's totals count them), grouped by
// party and by what a line says of its donor or payee, then identified.
//
// The PIN and the INN are selected here because identity is made from them, and only here: every row
// is turned into its identity (a keyed hash, an organisation's INN) before it leaves this file, so
// nothing that reads these results can hold a PIN, whatever it does with them.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { tyiyn } from '../domain/money.ts';
import { maskPins } from '../domain/pin-masking.ts';
import type { DonorFacts, Identity, PayeeFacts } from './core/identity.ts';
import type { CounterpartLine, LineGroup } from './core/aggregates.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type IdentifyDonor = (d: DonorFacts) => Identity;
export type IdentifyPayee = (p: PayeeFacts) => Identity;

interface GroupRow {
  party: string;
  kind: string;
  name: string;
  pin: string | null;
  inn: string | null;
  amount: number | string;
  n: number | string;
  first: string;
  last: string;
}

function groupOf(r: GroupRow, identity: Identity): LineGroup {
  return {
    identity,
    party: r.party,
    name: maskPins(r.name),
    kind: r.kind,
    amount: tyiyn(Number(r.amount)),
    count: Number(r.n),
    first: r.first,
    last: r.last,
  };
}

/** Every donor of an election, one group per party, kind of donor, spelling and number. */
export async function donorGroups(db: Db, electionId: string, identify: IdentifyDonor): Promise<LineGroup[]> {
  const r = await sql<GroupRow>`
    select party_registration_number as party, donor_type as kind, donor_name as name,
           donor_pin as pin, donor_inn as inn,
           sum(amount) as amount, count(*) as n, min(${sql.ref('date')}) as ${sql.ref('first')}, max(${sql.ref('date')}) as ${sql.ref('last')}
    from receipts
    where is_latest = 1 and election_id = ${electionId}
    group by party_registration_number, donor_type, donor_name, donor_pin, donor_inn`.execute(db);
  return r.rows.map((x) => groupOf(x, identify({ donorType: x.kind, name: x.name, pin: x.pin, inn: x.inn })));
}

/** Every payee of an election, one group per party, category, spelling and INN. */
export async function payeeGroups(db: Db, electionId: string, identify: IdentifyPayee): Promise<LineGroup[]> {
  const r = await sql<GroupRow>`
    select party_registration_number as party, category as kind, payee_name as name,
           null as pin, payee_inn as inn,
           sum(amount) as amount, count(*) as n, min(${sql.ref('date')}) as ${sql.ref('first')}, max(${sql.ref('date')}) as ${sql.ref('last')}
    from expenditures
    where is_latest = 1 and election_id = ${electionId}
    group by party_registration_number, category, payee_name, payee_inn`.execute(db);
  return r.rows.map((x) => groupOf(x, identify({ name: x.name, inn: x.inn })));
}

interface LineRow {
  id: number | string;
  filing_id: number | string;
  party_registration_number: string;
  line_id: string;
  date: string;
  amount: number | string;
}

/** A receipt or expenditure row as a line of a donor's or payee's page; the name is masked like all free text. */
function counterpartLine(r: LineRow, own: { name: string; kind: string; note: string }): CounterpartLine {
  return {
    id: Number(r.id),
    filingId: Number(r.filing_id),
    party: r.party_registration_number,
    lineId: r.line_id,
    date: r.date,
    amount: tyiyn(Number(r.amount)),
    name: maskPins(own.name),
    kind: own.kind,
    note: own.note,
  };
}

/**
 * The lines of one donor in an election. Identity is a keyed hash, which the database cannot compute,
 * so the election's latest lines are read and identified here; the rows that are not this donor's are
 * dropped before anything is returned.
 */
export async function donorLines(
  db: Db,
  electionId: string,
  identify: IdentifyDonor,
  id: string,
): Promise<CounterpartLine[]> {
  const rows = await db
    .selectFrom('receipts')
    .select([
      'id',
      'filing_id',
      'party_registration_number',
      'line_id',
      'date',
      'amount',
      'donor_type',
      'donor_name',
      'donor_pin',
      'donor_inn',
      'channel',
    ])
    .where('is_latest', '=', 1)
    .where('election_id', '=', electionId)
    .execute();
  return rows
    .filter(
      (r) => identify({ donorType: r.donor_type, name: r.donor_name, pin: r.donor_pin, inn: r.donor_inn }).id === id,
    )
    .map((r) => counterpartLine(r, { name: r.donor_name, kind: r.donor_type, note: r.channel }));
}

/** The lines of one payee in an election (see `donorLines`). */
export async function payeeLines(
  db: Db,
  electionId: string,
  identify: IdentifyPayee,
  id: string,
): Promise<CounterpartLine[]> {
  const rows = await db
    .selectFrom('expenditures')
    .select([
      'id',
      'filing_id',
      'party_registration_number',
      'line_id',
      'date',
      'amount',
      'category',
      'payee_name',
      'payee_inn',
      'description',
    ])
    .where('is_latest', '=', 1)
    .where('election_id', '=', electionId)
    .execute();
  return rows
    .filter((r) => identify({ name: r.payee_name, inn: r.payee_inn }).id === id)
    .map((r) => counterpartLine(r, { name: r.payee_name, kind: r.category, note: maskPins(r.description) }));
}

/** Whether the election has any filed line to rank: the election page links the lists only then. */
export async function hasFiledLines(db: Db, electionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('receipts')
    .select('id')
    .where('is_latest', '=', 1)
    .where('election_id', '=', electionId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
