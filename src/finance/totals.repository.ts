// Read-side queries of campaign finance totals: the sums of the latest filed lines per party,
// grouped for the totals, breakdowns and timelines of core/totals.ts and reused while nothing was
// filed; and the filed reports behind them. Only lines of the latest filed version count
// (`is_latest = 1`), so an amended report is never counted twice and a draft never shows.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import { tyiyn } from '../domain/money.ts';
import { PARTY_NAME_COLUMNS } from '../parties/index.ts';
import { electionFinanceOf, type ElectionFinance, type LineSum, type PartyLineSums } from './core/totals.ts';
import type { FilingAnnouncement } from './core/finance-view.ts';
import type { FiledKind } from '../domain/report-deadlines.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * One party's lines of one table, grouped by kind (donor type, category, refund kind) and date: its
 * totals, both breakdowns and its timeline from one index range (the party indexes of migration
 * 0004). Party by party rather than one scan of the election: on SQLite a query holds the event
 * loop while it runs, so twenty short ones let other requests through between them.
 */
async function partySums(
  db: Db,
  table: 'receipts' | 'expenditures' | 'refunds',
  electionId: string,
  party: string,
): Promise<LineSum[]> {
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
  const chains = await db
    .selectFrom('filing_chains')
    .select('party_registration_number')
    .distinct()
    .where('election_id', '=', electionId)
    // A party's money only: a single-mandate candidate's fund is shown on its district's page.
    .where('filer_kind', '=', 'party')
    .execute();
  const sums = new Map<string, PartyLineSums>();
  for (const { party_registration_number: party } of [...chains].sort((a, b) =>
    a.party_registration_number.localeCompare(b.party_registration_number),
  )) {
    const [receipts, expenditures, refunds] = await Promise.all([
      partySums(db, 'receipts', electionId, party),
      partySums(db, 'expenditures', electionId, party),
      partySums(db, 'refunds', electionId, party),
    ]);
    sums.set(party, { receipts, expenditures, refunds });
  }
  return electionFinanceOf(electionId, sums);
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
    if (entries.size >= MEMO_ELECTIONS) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
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
      ...PARTY_NAME_COLUMNS,
      'e.name_ky as e_name_ky',
      'e.name_ru as e_name_ru',
      'e.name_en as e_name_en',
    ])
    .where('f.version', '>=', 1)
    .where('f.status', '<>', 'draft')
    .where('f.submitted_at', 'is not', null)
    .where('c.filer_kind', '=', 'party');
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
    submittedAt: r.submitted_at ?? '',
    totalReceipts: tyiyn(Number(r.total_receipts)),
    totalExpenditures: tyiyn(Number(r.total_expenditures)),
    totalRefunds: tyiyn(Number(r.total_refunds)),
    closingBalance: tyiyn(Number(r.closing_balance)),
    partyName: r.name_ky === null ? null : { ky: r.name_ky, ru: r.name_ru ?? '', en: r.name_en ?? '' },
    partyShortName:
      r.short_name_ky === null ? null : { ky: r.short_name_ky, ru: r.short_name_ru ?? '', en: r.short_name_en ?? '' },
    electionName: r.e_name_ky === null ? null : { ky: r.e_name_ky, ru: r.e_name_ru ?? '', en: r.e_name_en ?? '' },
  }));
}

/**
 * The kinds of report each party filed: party → report kind → when its first version came (ISO
 * timestamp) and the first day it covers.
 */
export async function firstFiledAt(db: Db, electionId: string): Promise<Map<string, Map<string, FiledKind>>> {
  const rows = await db
    .selectFrom('filings as f')
    .innerJoin('filing_chains as c', 'c.id', 'f.chain_id')
    .select((eb) => [
      'c.party_registration_number',
      'c.report_kind',
      eb.fn.min('f.submitted_at').as('first'),
      eb.fn.min('c.period_from').as('period_from'),
    ])
    .where('c.election_id', '=', electionId)
    .where('c.filer_kind', '=', 'party')
    .where('f.version', '>=', 1)
    .where('f.status', '<>', 'draft')
    .where('f.submitted_at', 'is not', null)
    .groupBy(['c.party_registration_number', 'c.report_kind'])
    .execute();
  const out = new Map<string, Map<string, FiledKind>>();
  for (const r of rows) {
    if (r.first === null) continue;
    const m = out.get(r.party_registration_number) ?? new Map<string, FiledKind>();
    m.set(r.report_kind, { firstFiledAt: String(r.first), periodFrom: String(r.period_from) });
    out.set(r.party_registration_number, m);
  }
  return out;
}
