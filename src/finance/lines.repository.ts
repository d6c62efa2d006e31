// Read-side queries of campaign finance for the public pages, downloads and API: totals, breakdowns
// and timelines per party and election, itemised receipts and expenditures with filters, sorts and
// keyset pagination, streamed batches for downloads, and the filed reports behind them.
//
// Two rules hold for every query here:
// - only lines of the latest filed version count (`is_latest = 1`), so an amended report is never
//   counted twice and a draft never shows;
// - the private columns (`donor_pin`, `donor_address`, and the INNs, which for a person are the PIN)
//   are never selected: the column lists below are the only ones used, so no page, API or download
//   can carry them, whatever it does with a row.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { dialectOf } from '../platform/db/database.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import { searchKey } from '../domain/transliteration.ts';
import { encodeCursor, type KeysetCursor } from '../platform/keyset.ts';
import type { DonorType, ExpenditureCategory, ReceiptChannel } from '../filings/filing.ts';
import type { Localized } from '../domain/election.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const RECEIPT_PUBLIC_COLUMNS = [
  'id',
  'filing_id',
  'election_id',
  'party_registration_number',
  'line_id',
  'date',
  'amount',
  'donor_type',
  'donor_name',
  'channel',
] as const;

export const EXPENDITURE_PUBLIC_COLUMNS = [
  'id',
  'filing_id',
  'election_id',
  'party_registration_number',
  'line_id',
  'date',
  'amount',
  'category',
  'payee_name',
  'document_number',
  'description',
] as const;

export interface PublicReceipt {
  id: number;
  filingId: number;
  electionId: string;
  partyRegistrationNumber: string;
  lineId: string;
  date: string;
  amount: Tyiyn;
  donorType: DonorType;
  donorName: string;
  channel: ReceiptChannel;
}

export interface PublicExpenditure {
  id: number;
  filingId: number;
  electionId: string;
  partyRegistrationNumber: string;
  lineId: string;
  date: string;
  amount: Tyiyn;
  category: ExpenditureCategory;
  payeeName: string;
  documentNumber: string;
  description: string;
}

interface LineRow {
  id: number;
  filing_id: number;
  election_id: string;
  party_registration_number: string;
  line_id: string;
  date: string;
  amount: number;
}

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
  return { ...lineFromRow(r), donorType: r.donor_type as DonorType, donorName: r.donor_name, channel: r.channel as ReceiptChannel };
}

function expenditureFromRow(
  r: LineRow & { category: string; payee_name: string; document_number: string; description: string },
): PublicExpenditure {
  return {
    ...lineFromRow(r),
    category: r.category as ExpenditureCategory,
    payeeName: r.payee_name,
    documentNumber: r.document_number,
    description: r.description,
  };
}

// ---- Filters, sorts and keyset pages of the itemised tables ----------------------------------------

export interface LineFilter {
  electionId: string;
  party?: string;
  dateFrom?: string;
  dateTo?: string;
  minAmount?: Tyiyn;
  maxAmount?: Tyiyn;
}

export interface ReceiptFilter extends LineFilter {
  donorType?: DonorType;
  channel?: ReceiptChannel;
  /** Text typed by a reader, in any script; matched as a prefix of the donor name's phonetic key. */
  donorName?: string;
}

export interface ExpenditureFilter extends LineFilter {
  categories?: readonly ExpenditureCategory[];
}

export const LINE_SORTS = ['date', 'amount'] as const;
export type LineSort = (typeof LINE_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface PageRequest {
  sort: LineSort;
  order: SortOrder;
  limit: number;
  after?: KeysetCursor;
}

export interface LinePage<T> {
  items: T[];
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

/**
 * The smallest string greater than every string that starts with `prefix`, in code-point order
 * (SQLite's BINARY collation and PostgreSQL's C collations). Undefined when there is none.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const cps = Array.from(prefix);
  while (cps.length > 0) {
    const last = (cps.pop() as string).codePointAt(0) as number;
    if (last < 0x10ffff && last !== 0xd7ff) return cps.join('') + String.fromCodePoint(last + 1);
  }
  return undefined;
}

/** The phonetic key a donor-name search looks for, or undefined when the text has no letters or digits. */
export function donorSearchKey(text: string | undefined): string | undefined {
  const key = text === undefined ? '' : searchKey(text.slice(0, 200));
  return key === '' ? undefined : key;
}

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

function receiptConditions(f: ReceiptFilter, search: NameSearch = { plan: 'planner', exactRange: true }): RawBuilder<unknown>[] {
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
  const top = await db.selectFrom('receipts').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
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

/** A cursor fits a sort only if its value has the sort column's type; anything else would skip or repeat rows. */
export function cursorFitsSort(c: KeysetCursor, sort: LineSort): boolean {
  return sort === 'date' ? typeof c.v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.v) : typeof c.v === 'number' && Number.isSafeInteger(c.v);
}

interface RawPage<T> {
  items: T[];
  next: KeysetCursor | undefined;
}

function pageOf<T extends { id: number; date: string; amount: Tyiyn }>(items: T[], page: PageRequest): RawPage<T> {
  const more = items.length > page.limit;
  const shown = more ? items.slice(0, page.limit) : items;
  const last = shown[shown.length - 1];
  return { items: shown, next: more && last ? { v: page.sort === 'date' ? last.date : last.amount, id: last.id } : undefined };
}

async function receiptPage(db: Db, f: ReceiptFilter, page: PageRequest): Promise<RawPage<PublicReceipt>> {
  const key = donorSearchKey(f.donorName);
  const search: NameSearch =
    key === undefined ? { plan: 'planner', exactRange: true } : { plan: await namePlan(db, key, f, page), exactRange: await codePointCollation(db) };
  const conds = receiptConditions(f, search);
  const after = afterCursor(page);
  if (after) conds.push(after);
  const rows = await db
    .selectFrom('receipts')
    .select(RECEIPT_PUBLIC_COLUMNS)
    .where(and(conds))
    .orderBy(page.sort, page.order)
    .orderBy('id', page.order)
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows.map(receiptFromRow), page);
}

async function expenditurePage(db: Db, f: ExpenditureFilter, page: PageRequest): Promise<RawPage<PublicExpenditure>> {
  const conds = expenditureConditions(f);
  const after = afterCursor(page);
  if (after) conds.push(after);
  const rows = await db
    .selectFrom('expenditures')
    .select(EXPENDITURE_PUBLIC_COLUMNS)
    .where(and(conds))
    .orderBy(page.sort, page.order)
    .orderBy('id', page.order)
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows.map(expenditureFromRow), page);
}

const encoded = <T>(p: RawPage<T>): LinePage<T> => ({ items: p.items, nextCursor: p.next ? encodeCursor(p.next) : null });

export async function listReceipts(db: Db, f: ReceiptFilter, page: PageRequest): Promise<LinePage<PublicReceipt>> {
  return encoded(await receiptPage(db, f, page));
}

export async function listExpenditures(db: Db, f: ExpenditureFilter, page: PageRequest): Promise<LinePage<PublicExpenditure>> {
  return encoded(await expenditurePage(db, f, page));
}

/**
 * Every matching line in batches, walking the same keyset as the pages: memory holds one batch,
 * however many rows there are, and each batch is a cheap index range whatever its depth. An
 * iterator object rather than a generator: a suspended generator keeps its last batch alive while
 * the download waits for the client, long enough for the garbage collector to promote it, and a
 * million rows of promoted garbage is what makes a server's memory balloon.
 */
function batches<T>(fetch: (page: PageRequest) => Promise<RawPage<T>>, sort: LineSort, order: SortOrder, batchSize: number): AsyncIterableIterator<T[]> {
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

export function receiptBatches(db: Db, f: ReceiptFilter, sort: LineSort, order: SortOrder, batchSize = 500): AsyncIterableIterator<PublicReceipt[]> {
  return batches((p) => receiptPage(db, f, p), sort, order, batchSize);
}

export function expenditureBatches(
  db: Db,
  f: ExpenditureFilter,
  sort: LineSort,
  order: SortOrder,
  batchSize = 500,
): AsyncIterableIterator<PublicExpenditure[]> {
  return batches((p) => expenditurePage(db, f, p), sort, order, batchSize);
}

// ---- Totals, breakdowns and timelines ------------------------------------------------------------

export interface AmountAndCount<K extends string> {
  key: K;
  amount: Tyiyn;
  count: number;
}

export interface TimelinePoint {
  date: string;
  receipts: Tyiyn;
  expenditures: Tyiyn;
  refunds: Tyiyn;
  /** Running totals up to and including this date. */
  cumulativeReceipts: Tyiyn;
  cumulativeExpenditures: Tyiyn;
  cumulativeRefunds: Tyiyn;
}

export interface FinanceTotals {
  receipts: Tyiyn;
  expenditures: Tyiyn;
  refunds: Tyiyn;
  /** What is left in the fund: received − spent − refunded. */
  balance: Tyiyn;
  receiptCount: number;
  expenditureCount: number;
  refundCount: number;
  byDonorType: AmountAndCount<DonorType>[];
  byCategory: AmountAndCount<ExpenditureCategory>[];
  timeline: TimelinePoint[];
}

export interface ElectionFinance {
  electionId: string;
  /** Every party with at least one line, by registration number. */
  parties: Map<string, FinanceTotals>;
  /** The whole election. */
  total: FinanceTotals;
}

/** Group keys of one line table: party × kind (donor type, category, refund kind) × date. */
interface Cell {
  party: string;
  key: string;
  date: string;
  amount: number;
  n: number;
}

class Accumulator {
  receipts = 0;
  expenditures = 0;
  refunds = 0;
  receiptCount = 0;
  expenditureCount = 0;
  refundCount = 0;
  readonly byDonorType = new Map<string, { amount: number; count: number }>();
  readonly byCategory = new Map<string, { amount: number; count: number }>();
  readonly days = new Map<string, { r: number; e: number; f: number }>();

  private day(date: string) {
    let d = this.days.get(date);
    if (!d) this.days.set(date, (d = { r: 0, e: 0, f: 0 }));
    return d;
  }

  private static bump(m: Map<string, { amount: number; count: number }>, key: string, c: Cell) {
    const x = m.get(key) ?? { amount: 0, count: 0 };
    x.amount += c.amount;
    x.count += c.n;
    m.set(key, x);
  }

  receipt(c: Cell) {
    this.receipts += c.amount;
    this.receiptCount += c.n;
    Accumulator.bump(this.byDonorType, c.key, c);
    this.day(c.date).r += c.amount;
  }

  expenditure(c: Cell) {
    this.expenditures += c.amount;
    this.expenditureCount += c.n;
    Accumulator.bump(this.byCategory, c.key, c);
    this.day(c.date).e += c.amount;
  }

  refund(c: Cell) {
    this.refunds += c.amount;
    this.refundCount += c.n;
    this.day(c.date).f += c.amount;
  }

  totals(): FinanceTotals {
    const list = <K extends string>(m: Map<string, { amount: number; count: number }>): AmountAndCount<K>[] =>
      [...m]
        .map(([key, v]) => ({ key: key as K, amount: tyiyn(v.amount), count: v.count }))
        .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
    let cr = 0;
    let ce = 0;
    let cf = 0;
    const timeline = [...this.days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, d]) => {
        cr += d.r;
        ce += d.e;
        cf += d.f;
        return {
          date,
          receipts: tyiyn(d.r),
          expenditures: tyiyn(d.e),
          refunds: tyiyn(d.f),
          cumulativeReceipts: tyiyn(cr),
          cumulativeExpenditures: tyiyn(ce),
          cumulativeRefunds: tyiyn(cf),
        };
      });
    return {
      receipts: tyiyn(this.receipts),
      expenditures: tyiyn(this.expenditures),
      refunds: tyiyn(this.refunds),
      balance: tyiyn(this.receipts - this.expenditures - this.refunds),
      receiptCount: this.receiptCount,
      expenditureCount: this.expenditureCount,
      refundCount: this.refundCount,
      byDonorType: list<DonorType>(this.byDonorType),
      byCategory: list<ExpenditureCategory>(this.byCategory),
      timeline,
    };
  }
}

export const emptyTotals = (): FinanceTotals => new Accumulator().totals();

/**
 * One party's lines of one table, grouped by kind (donor type, category, refund kind) and date: its
 * totals, both breakdowns and its timeline from one index range (the party indexes of migration
 * 0004). Party by party rather than one scan of the election: on SQLite a query holds the event
 * loop while it runs, so twenty short ones let other requests through between them.
 */
async function partyCells(db: Db, table: 'receipts' | 'expenditures' | 'refunds', electionId: string, party: string): Promise<Cell[]> {
  // Refunds are keyed by their kind; PostgreSQL refuses a constant in GROUP BY, so a column it is.
  const kind = sql.ref(table === 'receipts' ? 'donor_type' : table === 'expenditures' ? 'category' : 'kind');
  const result = await sql<{ key: string; date: string; amount: number | string; n: number | string }>`
    select ${kind} as ${sql.ref('key')}, ${sql.ref('date')} as ${sql.ref('date')}, sum(amount) as amount, count(*) as n
    from ${sql.table(table)}
    where is_latest = 1 and election_id = ${electionId} and party_registration_number = ${party}
    group by ${sql.ref('date')}, ${kind}`.execute(db);
  return result.rows.map((r) => ({ party, key: r.key, date: r.date, amount: Number(r.amount), n: Number(r.n) }));
}

async function computeElectionFinance(db: Db, electionId: string): Promise<ElectionFinance> {
  // Every line belongs to a filing of a chain, so the chains name every party that can have lines.
  const chains = await db.selectFrom('filing_chains').select('party_registration_number').distinct().where('election_id', '=', electionId).execute();
  const byParty = new Map<string, Accumulator>();
  const total = new Accumulator();
  for (const { party_registration_number: party } of [...chains].sort((a, b) => a.party_registration_number.localeCompare(b.party_registration_number))) {
    const a = new Accumulator();
    const [receipts, expenditures, refunds] = await Promise.all([
      partyCells(db, 'receipts', electionId, party),
      partyCells(db, 'expenditures', electionId, party),
      partyCells(db, 'refunds', electionId, party),
    ]);
    for (const c of receipts) {
      a.receipt(c);
      total.receipt(c);
    }
    for (const c of expenditures) {
      a.expenditure(c);
      total.expenditure(c);
    }
    for (const c of refunds) {
      a.refund(c);
      total.refund(c);
    }
    if (receipts.length + expenditures.length + refunds.length > 0) byParty.set(party, a);
  }
  return { electionId, parties: new Map([...byParty].map(([k, v]) => [k, v.totals()] as const)), total: total.totals() };
}

/**
 * What changes whenever the lines that count change: filing a version adds or updates a filing row
 * and a status event, and adds lines. Every part is an index lookup, so checking costs far less than
 * recomputing the totals, which scan every line of the election.
 */
async function financeStamp(db: Db, electionId: string): Promise<string> {
  const r = await sql<Record<string, unknown>>`
    select count(*) as n, max(f.id) as max_id, sum(f.is_latest) as latest, max(f.updated_at) as updated, max(f.submitted_at) as submitted,
           (select max(id) from filing_status_events) as events,
           (select max(id) from receipts) as receipts,
           (select max(id) from expenditures) as expenditures,
           (select max(id) from refunds) as refunds
    from filings f join filing_chains c on c.id = f.chain_id
    where c.election_id = ${electionId}`.execute(db);
  // Numbers come back as numbers or numeric strings depending on the driver; both stringify stably.
  return JSON.stringify(Object.values(r.rows[0] ?? {}).map((v) => (v === null ? null : String(v))));
}

/**
 * Computed totals per election, reused while the stamp is unchanged. Not state that must agree
 * between instances: every instance checks the stamp in the database on every call, so all of them
 * serve what the database holds now; the memo only saves the scan when nothing was filed meanwhile.
 * One computation runs per election at a time, however many requests arrive during it.
 */
interface MemoEntry {
  stamp: string;
  value: ElectionFinance | undefined;
  pending: { stamp: string; promise: Promise<ElectionFinance> } | undefined;
}
const memo = new WeakMap<object, Map<string, MemoEntry>>();
const MEMO_ELECTIONS = 32;

export async function loadElectionFinance(db: Db, electionId: string): Promise<ElectionFinance> {
  const stamp = await financeStamp(db, electionId);
  let perDb = memo.get(db);
  if (!perDb) memo.set(db, (perDb = new Map()));
  const entries = perDb;
  let entry = entries.get(electionId);
  if (entry?.value && entry.stamp === stamp) return entry.value;
  if (!entry) {
    if (entries.size >= MEMO_ELECTIONS) entries.delete(entries.keys().next().value as string);
    entries.set(electionId, (entry = { stamp, value: undefined, pending: undefined }));
  }
  // Never the previous figures while new ones are computed: a page rendered now may be kept by the
  // page cache as the page of the new data version, so it must show the new data.
  const current = entry;
  if (!current.pending || current.pending.stamp !== stamp) {
    const promise = computeElectionFinance(db, electionId).then((value) => {
      if (current.pending?.promise === promise) {
        current.stamp = stamp;
        current.value = value;
        current.pending = undefined;
      }
      return value;
    });
    promise.catch(() => {
      if (current.pending?.promise === promise) current.pending = undefined;
    });
    current.pending = { stamp, promise };
  }
  return current.pending.promise;
}

// ---- Filed reports ---------------------------------------------------------------------------------

export interface FiledReport {
  filingId: number;
  chainId: number;
  electionId: string;
  partyRegistrationNumber: string;
  reportKind: string;
  periodFrom: string;
  periodTo: string;
  version: number;
  status: string;
  /** The latest filed version of its report; earlier versions were amended. */
  isLatest: boolean;
  submittedAt: string;
  totalReceipts: Tyiyn;
  totalExpenditures: Tyiyn;
  totalRefunds: Tyiyn;
  closingBalance: Tyiyn;
}

export interface FilingAnnouncement extends FiledReport {
  partyName: Localized | null;
  partyShortName: Localized | null;
  electionName: Localized | null;
}

/** Filed versions (drafts are never public), newest first. */
export async function listFiledReports(
  db: Db,
  opts: { electionId?: string; party?: string; limit?: number },
): Promise<FilingAnnouncement[]> {
  let q = db
    .selectFrom('filings as f')
    .innerJoin('filing_chains as c', 'c.id', 'f.chain_id')
    .leftJoin('parties as p', 'p.registration_number', 'c.party_registration_number')
    .leftJoin('elections as e', 'e.id', 'c.election_id')
    .select([
      'f.id',
      'f.chain_id',
      'c.election_id',
      'c.party_registration_number',
      'c.report_kind',
      'c.period_from',
      'c.period_to',
      'f.version',
      'f.status',
      'f.is_latest',
      'f.submitted_at',
      'f.total_receipts',
      'f.total_expenditures',
      'f.total_refunds',
      'f.closing_balance',
      'p.name_ky',
      'p.name_ru',
      'p.name_en',
      'p.short_name_ky',
      'p.short_name_ru',
      'p.short_name_en',
      'e.name_ky as e_name_ky',
      'e.name_ru as e_name_ru',
      'e.name_en as e_name_en',
    ])
    .where('f.version', '>=', 1)
    .where('f.status', '<>', 'draft')
    .where('f.submitted_at', 'is not', null);
  if (opts.electionId !== undefined) q = q.where('c.election_id', '=', opts.electionId);
  if (opts.party !== undefined) q = q.where('c.party_registration_number', '=', opts.party);
  q = q.orderBy('f.submitted_at', 'desc').orderBy('f.id', 'desc');
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  const rows = await q.execute();
  return rows.map((r) => ({
    filingId: Number(r.id),
    chainId: Number(r.chain_id),
    electionId: r.election_id,
    partyRegistrationNumber: r.party_registration_number,
    reportKind: r.report_kind,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    version: r.version,
    status: r.status,
    isLatest: Number(r.is_latest) === 1,
    submittedAt: r.submitted_at as string,
    totalReceipts: tyiyn(Number(r.total_receipts)),
    totalExpenditures: tyiyn(Number(r.total_expenditures)),
    totalRefunds: tyiyn(Number(r.total_refunds)),
    closingBalance: tyiyn(Number(r.closing_balance)),
    partyName: r.name_ky === null ? null : { ky: r.name_ky, ru: r.name_ru ?? '', en: r.name_en ?? '' },
    partyShortName: r.short_name_ky === null ? null : { ky: r.short_name_ky, ru: r.short_name_ru ?? '', en: r.short_name_en ?? '' },
    electionName: r.e_name_ky === null ? null : { ky: r.e_name_ky, ru: r.e_name_ru ?? '', en: r.e_name_en ?? '' },
  }));
}

/** When each party first filed each kind of report: party → report kind → ISO timestamp. */
export async function firstFiledAt(db: Db, electionId: string): Promise<Map<string, Map<string, string>>> {
  const rows = await db
    .selectFrom('filings as f')
    .innerJoin('filing_chains as c', 'c.id', 'f.chain_id')
    .select((eb) => ['c.party_registration_number', 'c.report_kind', eb.fn.min('f.submitted_at').as('first')])
    .where('c.election_id', '=', electionId)
    .where('f.version', '>=', 1)
    .where('f.status', '<>', 'draft')
    .where('f.submitted_at', 'is not', null)
    .groupBy(['c.party_registration_number', 'c.report_kind'])
    .execute();
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (r.first === null) continue;
    const m = out.get(r.party_registration_number) ?? new Map<string, string>();
    m.set(r.report_kind, String(r.first));
    out.set(r.party_registration_number, m);
  }
  return out;
}
