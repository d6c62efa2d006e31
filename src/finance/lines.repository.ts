// Read-side queries of the itemised receipts and expenditures for the public pages, downloads and
// API: filters, sorts and keyset pagination, and streamed batches for downloads.
//
// Two rules hold for every query here:
// - only lines of the latest filed version count (`is_latest = 1`), so an amended report is never
//   counted twice and a draft never shows;
// - the private columns (`donor_pin`, `donor_address`, and the INNs, which for a person are the PIN)
//   are never selected: the column lists below are the only ones used, so no page, API or download
//   can carry them, whatever it does with a row.
import { sql, type Kysely, type RawBuilder, type Selectable, type SelectQueryBuilder, type Transaction } from 'kysely';
import { maskPins } from '../domain/pin-masking.ts';
import type { Database } from '../platform/db/schema.ts';
import type { ItemisedLine } from '../platform/db/tables/filings.tables.ts';
import { dialectOf } from '../platform/db/database.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import { encodeCursor, type KeysetCursor } from '../platform/keyset.ts';
import type { DonorType, ExpenditureCategory, ReceiptChannel } from '../filings/index.ts';
import {
  cursorAfter,
  donorSearchKey,
  prefixUpperBound,
  type ExpenditureFilter,
  type LineFilter,
  type LinePage,
  type LineSort,
  type PageRequest,
  type PublicExpenditure,
  type PublicReceipt,
  type ReceiptFilter,
  type SortOrder,
} from './core/lines.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns every itemised table has, all public. */
const LINE_PUBLIC_COLUMNS = [
  'id',
  'filing_id',
  'election_id',
  'party_registration_number',
  'line_id',
  'date',
  'amount',
] as const;

export const RECEIPT_PUBLIC_COLUMNS = [...LINE_PUBLIC_COLUMNS, 'donor_type', 'donor_name', 'channel'] as const;

export const EXPENDITURE_PUBLIC_COLUMNS = [
  ...LINE_PUBLIC_COLUMNS,
  'category',
  'payee_name',
  'document_number',
  'description',
] as const;

type LineRow = Omit<Selectable<ItemisedLine>, 'is_latest'>;

function lineFromRow(r: LineRow) {
  return {
    id: Number(r.id),
    filingId: Number(r.filing_id),
    electionId: r.election_id,
    partyRegistrationNumber: r.party_registration_number,
    lineId: r.line_id,
    date: r.date,
    amount: tyiyn(Number(r.amount)),
  };
}

function receiptFromRow(r: LineRow & { donor_type: string; donor_name: string; channel: string }): PublicReceipt {
  // Enum values were checked by the filing schema when the report was filed.
  return {
    ...lineFromRow(r),
    donorType: r.donor_type as DonorType,
    donorName: maskPins(r.donor_name),
    channel: r.channel as ReceiptChannel,
  };
}

function expenditureFromRow(
  r: LineRow & { category: string; payee_name: string; document_number: string; description: string },
): PublicExpenditure {
  return {
    ...lineFromRow(r),
    category: r.category as ExpenditureCategory,
    payeeName: maskPins(r.payee_name),
    documentNumber: maskPins(r.document_number),
    description: maskPins(r.description),
  };
}

// ---- Filters, sorts and keyset pages of the itemised tables ----------------------------------------

function lineConditions(f: LineFilter): RawBuilder<unknown>[] {
  // `is_latest` leads every index of the itemised tables (migration 0004), `election_id` and the party follow in the party ones.
  const c: RawBuilder<unknown>[] = [sql`is_latest = 1`, sql`election_id = ${f.electionId}`];
  if (f.party !== undefined) c.push(sql`party_registration_number = ${f.party}`);
  if (f.dateFrom !== undefined) c.push(sql`${sql.ref('date')} >= ${f.dateFrom}`);
  if (f.dateTo !== undefined) c.push(sql`${sql.ref('date')} <= ${f.dateTo}`);
  if (f.minAmount !== undefined) c.push(sql`amount >= ${f.minAmount}`);
  if (f.maxAmount !== undefined) c.push(sql`amount <= ${f.maxAmount}`);
  return c;
}

/**
 * How a donor-name search is run. `key-index`: find the names through receipts_donor_key_idx and
 * sort what was found, cheap while few rows match. `sort-index`: walk the index of the sort column
 * and test each row's name, cheap when many match (the first page fills after limit ÷ share rows).
 * Neither index holds the other's column, so each plan reads one table row per row it visits.
 * PostgreSQL chooses between them itself, from its statistics on the key column; SQLite keeps none
 * unless ANALYZE was run, so for SQLite `namePlan` chooses.
 */
export type NamePlan = 'key-index' | 'sort-index' | 'planner';

interface NameSearch {
  plan: NamePlan;
  /** Whether a key range is exactly the keys with the prefix (true under code-point collations). */
  exactRange: boolean;
}

function receiptConditions(
  f: ReceiptFilter,
  search: NameSearch = { plan: 'planner', exactRange: true },
): RawBuilder<unknown>[] {
  const c = lineConditions(f);
  if (f.donorType !== undefined) c.push(sql`donor_type = ${f.donorType}`);
  if (f.channel !== undefined) c.push(sql`channel = ${f.channel}`);
  const key = donorSearchKey(f.donorName);
  if (key !== undefined) {
    // A range on the key, not LIKE: a range uses receipts_donor_key_idx on both databases, whatever
    // the collation (SQLite only uses an index for LIKE under case_sensitive_like, PostgreSQL only
    // under a "C" collation or text_pattern_ops).
    // For the sort-index plan the column is behind SQLite's unary +, documented as exactly the hint
    // that keeps a term from using an index, so SQLite walks the sort column's index instead.
    const col = search.plan === 'sort-index' ? sql`+donor_name_key` : sql.ref('donor_name_key');
    c.push(sql`${col} >= ${key}`);
    const upper = prefixUpperBound(key);
    if (upper !== undefined) c.push(sql`${col} < ${upper}`);
    // Under a linguistic collation a range can let in keys without the prefix; LIKE removes them.
    // Only then: PostgreSQL cannot estimate LIKE on top of a range and would pick a worse plan. Keys
    // hold no % or _ (they are letters, digits and spaces), so the pattern needs no escaping.
    if (!search.exactRange) c.push(sql`${col} like ${`${key}%`}`);
  }
  return c;
}

const exactRanges = new WeakMap<object, Promise<boolean>>();

/** Whether the database compares text by code point, so that a key range is exactly a prefix; asked once per database. */
function codePointCollation(db: Db): Promise<boolean> {
  if (dialectOf(db) === 'sqlite') return Promise.resolve(true); // BINARY, the column declares no other
  let known = exactRanges.get(db);
  if (!known) {
    known = sql<{ c: string }>`select datcollate as c from pg_database where datname = current_database()`
      .execute(db)
      .then((r) => /^(c|posix|c\.utf-?8|ucs_basic)$/i.test(r.rows[0]?.c ?? ''));
    exactRanges.set(db, known);
  }
  return known;
}

/**
 * Chooses the plan of a donor-name search by counting matches up to a cap, index-only on
 * receipts_donor_key_idx. The cap is where the two plans cost the same when matches are spread
 * evenly along the sort order: the key-index plan reads every match (m rows), the sort-index plan
 * about (limit + 1) × n ÷ m of the n rows, equal at m = √((limit + 1) · n), about 7,300 for a page
 * of 50 in a million rows. Dates are spread so. Amounts are not: the largest come from legal
 * entities and parties' own funds, ahead of any person's gift, so walking the amount index from
 * the top may pass all of them before the first match; within one party's lines that detour is
 * bounded by the party's size, from the bottom there is none. Elsewhere the key-index plan stays.
 */
export async function namePlan(db: Db, key: string, f: ReceiptFilter, page: PageRequest): Promise<NamePlan> {
  if (dialectOf(db) === 'postgres') return 'planner';
  const top = await db
    .selectFrom('receipts')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  const cap = Math.max(256, Math.ceil(Math.sqrt((page.limit + 1) * Number(top?.m ?? 0))));
  const upper = prefixUpperBound(key);
  const r = await sql<{ n: number | string }>`
    select count(*) as n from (
      select id from receipts
      where is_latest = 1 and donor_name_key >= ${key} ${upper !== undefined ? sql`and donor_name_key < ${upper}` : sql``}
      limit ${cap}
    ) as matches`.execute(db);
  if (Number(r.rows[0]?.n ?? 0) < cap) return 'key-index';
  if (page.sort === 'date' || page.order === 'asc' || f.party !== undefined) return 'sort-index';
  return 'key-index';
}

function expenditureConditions(f: ExpenditureFilter): RawBuilder<unknown>[] {
  const c = lineConditions(f);
  if (f.categories !== undefined && f.categories.length > 0) {
    c.push(sql`category in (${sql.join(f.categories.map((x) => sql`${x}`))})`);
  }
  return c;
}

const and = (conds: RawBuilder<unknown>[]) => sql<boolean>`${sql.join(conds, sql` and `)}`;

/**
 * The keyset condition: rows strictly after the cursor in (sort column, id) order. A row-value
 * comparison, because both databases turn it into one index range, whereas the equivalent
 * `a > x or (a = x and id > y)` makes PostgreSQL scan from the start of the index on deep pages.
 */
function afterCursor(page: PageRequest): RawBuilder<unknown> | undefined {
  const a = page.after;
  if (!a) return undefined;
  const cmp = sql.raw(page.order === 'asc' ? '>' : '<');
  return sql`(${sql.ref(page.sort)}, id) ${cmp} (${a.v}, ${a.id})`;
}

interface RawPage<T> {
  items: T[];
  next: KeysetCursor | undefined;
}

function pageOf<T extends { id: number; date: string; amount: Tyiyn }>(items: T[], page: PageRequest): RawPage<T> {
  const more = items.length > page.limit;
  const shown = more ? items.slice(0, page.limit) : items;
  const last = shown[shown.length - 1];
  return { items: shown, next: more && last ? cursorAfter(last, page.sort) : undefined };
}

/** The rows of one keyset page of a line query: the filter, rows after the cursor, and one more row to tell whether another page follows. */
function keysetRows<TB extends keyof Database, O>(
  query: SelectQueryBuilder<Database, TB, O>,
  conds: RawBuilder<unknown>[],
  page: PageRequest,
): Promise<O[]> {
  const after = afterCursor(page);
  return query
    .where(and(after ? [...conds, after] : conds))
    .orderBy(sql.ref(page.sort), page.order)
    .orderBy(sql.ref('id'), page.order)
    .limit(page.limit + 1)
    .execute();
}

async function receiptPage(db: Db, f: ReceiptFilter, page: PageRequest): Promise<RawPage<PublicReceipt>> {
  const key = donorSearchKey(f.donorName);
  const search: NameSearch =
    key === undefined
      ? { plan: 'planner', exactRange: true }
      : { plan: await namePlan(db, key, f, page), exactRange: await codePointCollation(db) };
  const rows = await keysetRows(
    db.selectFrom('receipts').select(RECEIPT_PUBLIC_COLUMNS),
    receiptConditions(f, search),
    page,
  );
  return pageOf(rows.map(receiptFromRow), page);
}

async function expenditurePage(db: Db, f: ExpenditureFilter, page: PageRequest): Promise<RawPage<PublicExpenditure>> {
  const rows = await keysetRows(
    db.selectFrom('expenditures').select(EXPENDITURE_PUBLIC_COLUMNS),
    expenditureConditions(f),
    page,
  );
  return pageOf(rows.map(expenditureFromRow), page);
}

const encoded = <T>(p: RawPage<T>): LinePage<T> => ({
  items: p.items,
  nextCursor: p.next ? encodeCursor(p.next) : null,
});

/** The public listing of an itemised table from its page query: cursors encoded for the caller. */
const listingOf =
  <F, T>(query: (db: Db, f: F, page: PageRequest) => Promise<RawPage<T>>) =>
  async (db: Db, f: F, page: PageRequest): Promise<LinePage<T>> =>
    encoded(await query(db, f, page));

export const listReceipts = listingOf(receiptPage);
export const listExpenditures = listingOf(expenditurePage);

/**
 * Every matching line in batches, walking the same keyset as the pages: memory holds one batch,
 * however many rows there are, and each batch is a cheap index range whatever its depth. An
 * iterator object rather than a generator: a suspended generator keeps its last batch alive while
 * the download waits for the client, long enough for the garbage collector to promote it, and a
 * million rows of promoted garbage is what makes a server's memory balloon.
 */
function batches<T>(
  fetch: (page: PageRequest) => Promise<RawPage<T>>,
  sort: LineSort,
  order: SortOrder,
  batchSize: number,
): AsyncIterableIterator<T[]> {
  let after: KeysetCursor | undefined;
  let done = false;
  const it: AsyncIterableIterator<T[]> = {
    async next(): Promise<IteratorResult<T[]>> {
      while (!done) {
        const page = await fetch({ sort, order, limit: batchSize, ...(after ? { after } : {}) });
        after = page.next;
        done = page.next === undefined;
        if (page.items.length > 0) return { value: page.items, done: false };
      }
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}

/** The batches of an itemised table from its page query, for downloads. */
const batchesOf =
  <F, T>(query: (db: Db, f: F, page: PageRequest) => Promise<RawPage<T>>) =>
  (db: Db, f: F, sort: LineSort, order: SortOrder, batchSize = 500): AsyncIterableIterator<T[]> =>
    batches((p) => query(db, f, p), sort, order, batchSize);

export const receiptBatches = batchesOf(receiptPage);
export const expenditureBatches = batchesOf(expenditurePage);
