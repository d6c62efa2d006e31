// The lines behind the donor and payee pages: the latest filed version of each report only
// (`is_latest = 1`, the flag the filing submission moves, as finance's totals count them), identified
// and grouped by party and by what a line says of its donor or payee; and the election's money summed
// by party, kind, size band and day for the breakdowns and comparisons.
//
// The PIN and the INN are selected here because identity is made from them, and only here: every row
// is turned into its identity (a keyed hash, an organisation's INN) before it leaves this file, so
// nothing that reads these results can hold a PIN, whatever it does with them.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { tyiyn } from '../domain/money.ts';
import { maskPins } from '../domain/pin-masking.ts';
import type { DonorFacts, Identity, PayeeFacts } from './core/identity.ts';
import type { CounterpartLine, LineGroup, Role } from './core/aggregates.ts';
import type { ReceiptCell, SpendingCell } from './core/breakdowns.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type IdentifyDonor = (d: DonorFacts) => Identity;
export type IdentifyPayee = (p: PayeeFacts) => Identity;

/** Lines read per query while an election is indexed: bounded memory however large the election. */
const CHUNK = 20_000;

/**
 * Everyone of one role in an election, grouped and identified, with the ids of each one's lines: what a
 * ranked list needs, and what a donor's page needs to fetch its lines by primary key instead of
 * reading the election again. Built once per data version by the service.
 */
export interface CounterpartIndex {
  groups: LineGroup[];
  /** The ids of each identity's lines, by identifier. */
  lineIds: Map<string, number[]>;
}

interface Facts {
  id: number | string;
  party: string;
  kind: string;
  name: string;
  amount: number | string;
  date: string;
}

/**
 * Reads an election's latest lines in chunks of ids, identifies each (hashing each distinct set of
 * facts once: many lines share a donor) and sums them into groups.
 */
async function indexOf<F extends Facts>(
  chunk: (afterId: number) => Promise<F[]>,
  factsKey: (r: F) => string,
  identify: (r: F) => Identity,
): Promise<CounterpartIndex> {
  // Keys hold the PIN and live only in this call; what is kept is the identity and the masked name.
  const known = new Map<string, { identity: Identity; name: string }>();
  const groups = new Map<string, LineGroup>();
  const lineIds = new Map<string, number[]>();
  for (let after = 0; ;) {
    const rows = await chunk(after);
    for (const r of rows) {
      const k = factsKey(r);
      let who = known.get(k);
      if (!who) known.set(k, (who = { identity: identify(r), name: maskPins(r.name) }));
      const id = who.identity.id;
      const groupKey = `${id}\u0000${r.party}\u0000${r.kind}\u0000${who.name}`;
      const amount = Number(r.amount);
      const g = groups.get(groupKey);
      if (g) {
        g.amount = tyiyn(g.amount + amount);
        g.count += 1;
        if (r.date < g.first) g.first = r.date;
        if (r.date > g.last) g.last = r.date;
      } else {
        groups.set(groupKey, {
          identity: who.identity,
          party: r.party,
          name: who.name,
          kind: r.kind,
          amount: tyiyn(amount),
          count: 1,
          first: r.date,
          last: r.date,
        });
      }
      let ids = lineIds.get(id);
      if (!ids) lineIds.set(id, (ids = []));
      ids.push(Number(r.id));
    }
    const last = rows.at(-1);
    if (rows.length < CHUNK || last === undefined) break;
    after = Number(last.id);
  }
  return { groups: [...groups.values()], lineIds };
}

/** The election's latest lines of a table after an id, in id order: a chunk of the index's read. */
const chunkOf =
  <F extends Facts>(db: Db, table: 'receipts' | 'expenditures', own: RawBuilder<unknown>, electionId: string) =>
  async (after: number): Promise<F[]> =>
    (
      await sql<F>`
        select id, party_registration_number as party, ${own}, amount, ${sql.ref('date')}
        from ${sql.table(table)}
        where is_latest = 1 and election_id = ${electionId} and id > ${after}
        order by id
        limit ${sql.lit(CHUNK)}`.execute(db)
    ).rows;

/** Every donor of an election, identified, with their lines' ids. */
export function donorIndex(db: Db, electionId: string, identify: IdentifyDonor): Promise<CounterpartIndex> {
  return indexOf(
    chunkOf<Facts & { pin: string | null; inn: string | null }>(
      db,
      'receipts',
      sql`donor_type as kind, donor_name as name, donor_pin as pin, donor_inn as inn`,
      electionId,
    ),
    (r) => `${r.kind}\u0000${r.name}\u0000${r.pin ?? ''}\u0000${r.inn ?? ''}`,
    (r) => identify({ donorType: r.kind, name: r.name, pin: r.pin, inn: r.inn }),
  );
}

/** Every payee of an election, identified, with their lines' ids. */
export function payeeIndex(db: Db, electionId: string, identify: IdentifyPayee): Promise<CounterpartIndex> {
  return indexOf(
    chunkOf<Facts & { inn: string | null }>(
      db,
      'expenditures',
      sql`category as kind, payee_name as name, payee_inn as inn`,
      electionId,
    ),
    (r) => `${r.name}\u0000${r.inn ?? ''}`,
    (r) => identify({ name: r.name, inn: r.inn }),
  );
}

interface LineRow {
  id: number | string;
  filing_id: number | string;
  party_registration_number: string;
  line_id: string;
  date: string;
  amount: number | string;
  name: string;
  kind: string;
  /** The channel of a gift, or what a payment was for. */
  note: string;
}

/** Ids per query: well under the bound on parameters of either database. */
const IDS_PER_QUERY = 5_000;

/**
 * One donor's receipt lines or one payee's expenditure lines by id (from the index), read by primary
 * key; names and notes are masked like all free text that reaches the public.
 */
export async function linesById(db: Db, role: Role, ids: readonly number[]): Promise<CounterpartLine[]> {
  const own =
    role === 'donor'
      ? sql`donor_type as kind, donor_name as name, channel as note`
      : sql`category as kind, payee_name as name, description as note`;
  const out: CounterpartLine[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const some = ids.slice(i, i + IDS_PER_QUERY);
    const r = await sql<LineRow>`
      select id, filing_id, party_registration_number, line_id, ${sql.ref('date')}, amount, ${own}
      from ${sql.table(role === 'donor' ? 'receipts' : 'expenditures')}
      where is_latest = 1 and id in (${sql.join(some)})`.execute(db);
    for (const x of r.rows)
      out.push({
        id: Number(x.id),
        filingId: Number(x.filing_id),
        party: x.party_registration_number,
        lineId: x.line_id,
        date: x.date,
        amount: tyiyn(Number(x.amount)),
        name: maskPins(x.name),
        kind: x.kind,
        note: maskPins(x.note),
      });
  }
  return out;
}

interface CellRow {
  party: string;
  kind: string;
  band: number | string;
  day: string;
  amount: number | string;
  n: number | string;
}

/**
 * An election's receipts summed by party, kind of donor, size band and day. The band is worked out by
 * the database (a CASE over the thresholds, as `bandOf` does it), so a million lines come back as a few
 * thousand rows.
 */
export async function receiptCells(db: Db, electionId: string, thresholds: readonly number[]): Promise<ReceiptCell[]> {
  const band =
    thresholds.length === 0
      ? sql`0`
      : sql`case ${sql.join(
          thresholds.map((t, i) => sql`when amount <= ${t} then ${sql.lit(i)}`),
          sql` `,
        )} else ${sql.lit(thresholds.length)} end`;
  const r = await sql<CellRow>`
    select party_registration_number as party, donor_type as kind, ${band} as band, ${sql.ref('date')} as ${sql.ref('day')},
           sum(amount) as amount, count(*) as n
    from receipts
    where is_latest = 1 and election_id = ${electionId}
    group by 1, 2, 3, 4`.execute(db);
  return r.rows.map((x) => ({
    party: x.party,
    kind: x.kind,
    band: Number(x.band),
    date: x.day,
    amount: tyiyn(Number(x.amount)),
    count: Number(x.n),
  }));
}

/** An election's expenditures summed by party, category and day. */
export async function spendingCells(db: Db, electionId: string): Promise<SpendingCell[]> {
  const r = await sql<Omit<CellRow, 'band'>>`
    select party_registration_number as party, category as kind, ${sql.ref('date')} as ${sql.ref('day')},
           sum(amount) as amount, count(*) as n
    from expenditures
    where is_latest = 1 and election_id = ${electionId}
    group by 1, 2, 3`.execute(db);
  return r.rows.map((x) => ({
    party: x.party,
    kind: x.kind,
    date: x.day,
    amount: tyiyn(Number(x.amount)),
    count: Number(x.n),
  }));
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
