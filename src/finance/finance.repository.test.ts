// The read-side finance queries on SQLite and PostgreSQL: totals count only the latest filed
// version of each report, breakdowns and timelines add up to the totals, keyset walks visit every
// matching line exactly once in order for every filter × sort, donor search works across scripts,
// and no private column ever comes out.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  ALA,
  BEK,
  CHUY,
  DRAFT_DONOR,
  FIN_ELECTION,
  OTHER_ELECTION,
  SUPERSEDED_DONOR,
  latestOf,
  loadFinanceFixture,
  sumOf,
  type FinanceFixture,
  type FixtureReceipt,
} from '../../test/finance/finance-fixture.ts';
import { expenditureBatches, listExpenditures, listReceipts, namePlan, receiptBatches } from './lines.repository.ts';
import { firstFiledAt, listFiledReports, loadElectionFinance } from './totals.repository.ts';
import {
  prefixUpperBound,
  type LineSort,
  type PageRequest,
  type PublicReceipt,
  type ReceiptFilter,
  type SortOrder,
} from './core/lines.ts';
import { decodeCursor } from '../platform/keyset.ts';
import { tyiyn } from '../domain/money.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

const E = FIN_ELECTION.id;

async function walkReceipts(
  db: Kysely<Database>,
  f: ReceiptFilter,
  sort: LineSort,
  order: SortOrder,
  limit: number,
): Promise<PublicReceipt[]> {
  const out: PublicReceipt[] = [];
  let after: PageRequest['after'];
  for (let pages = 0; ; pages++) {
    if (pages > 10_000) throw new Error('pagination does not end');
    const page = await listReceipts(db, f, { sort, order, limit, ...(after ? { after } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor !== null) expect(page.items).toHaveLength(limit);
    out.push(...page.items);
    if (page.nextCursor === null) return out;
    after = decodeCursor(page.nextCursor);
    expect(after).toBeDefined();
  }
}

const keyOf = (r: { partyRegistrationNumber: string; lineId: string } | { party: string; lineId: string }) =>
  `${'party' in r ? r.party : r.partyRegistrationNumber}|${r.lineId}`;

function expectOrdered(rows: PublicReceipt[], sort: LineSort, order: SortOrder) {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const va = sort === 'date' ? a.date : a.amount;
    const vb = sort === 'date' ? b.date : b.amount;
    const cmp = va < vb ? -1 : va > vb ? 1 : a.id - b.id;
    expect(order === 'asc' ? cmp < 0 : cmp > 0, `rows ${i - 1}, ${i} out of order`).toBe(true);
  }
}

describeEachDatabase('finance read side', (get) => {
  let fx: FinanceFixture;
  beforeAll(async () => {
    fx = await loadFinanceFixture(get().db);
  });

  it('totals count only the latest filed version of each report', async () => {
    const fin = await loadElectionFinance(get().db, E);
    for (const reg of [ALA.registrationNumber, BEK.registrationNumber]) {
      const t = fin.parties.get(reg)!;
      const receipts = latestOf(fx.receipts, E, reg);
      const expenditures = latestOf(fx.expenditures, E, reg);
      const refunds = latestOf(fx.refunds, E, reg);
      expect(t.receipts).toBe(sumOf(receipts));
      expect(t.receiptCount).toBe(receipts.length);
      expect(t.expenditures).toBe(sumOf(expenditures));
      expect(t.expenditureCount).toBe(expenditures.length);
      expect(t.refunds).toBe(sumOf(refunds));
      expect(t.balance).toBe(sumOf(receipts) - sumOf(expenditures) - sumOf(refunds));
    }
    // The amended and draft versions are in the tables, and would change the sum if counted.
    const everything = sumOf(fx.receipts.filter((r) => r.electionId === E && r.party === ALA.registrationNumber));
    expect(fin.parties.get(ALA.registrationNumber)!.receipts).toBeLessThan(everything);
    expect(fin.parties.has(CHUY.registrationNumber)).toBe(false);
    expect(fin.total.receipts).toBe(sumOf(latestOf(fx.receipts, E)));
    expect(fin.total.expenditures).toBe(sumOf(latestOf(fx.expenditures, E)));
    const other = await loadElectionFinance(get().db, OTHER_ELECTION.id);
    expect(other.total.receipts).toBe(sumOf(latestOf(fx.receipts, OTHER_ELECTION.id)));
    expect(other.total.receiptCount).toBe(7);
  });

  it('breakdowns and timelines add up to the totals', async () => {
    const fin = await loadElectionFinance(get().db, E);
    for (const t of [...fin.parties.values(), fin.total]) {
      expect(sumOf(t.byDonorType)).toBe(t.receipts);
      expect(t.byDonorType.reduce((s, x) => s + x.count, 0)).toBe(t.receiptCount);
      expect(sumOf(t.byCategory)).toBe(t.expenditures);
      expect(t.byCategory.reduce((s, x) => s + x.count, 0)).toBe(t.expenditureCount);
      const last = t.timeline.at(-1)!;
      expect(last.cumulativeReceipts).toBe(t.receipts);
      expect(last.cumulativeExpenditures).toBe(t.expenditures);
      expect(last.cumulativeRefunds).toBe(t.refunds);
      for (let i = 1; i < t.timeline.length; i++) {
        expect(t.timeline[i]!.date > t.timeline[i - 1]!.date).toBe(true);
        expect(t.timeline[i]!.cumulativeReceipts).toBeGreaterThanOrEqual(t.timeline[i - 1]!.cumulativeReceipts);
      }
    }
    const ala = fin.parties.get(ALA.registrationNumber)!;
    const individuals = latestOf(fx.receipts, E, ALA.registrationNumber).filter((r) => r.donorType === 'individual');
    expect(ala.byDonorType.find((x) => x.key === 'individual')?.amount).toBe(sumOf(individuals));
    // Largest first.
    expect([...ala.byDonorType].sort((a, b) => b.amount - a.amount)).toEqual(ala.byDonorType);
  });

  const filters: Array<[string, ReceiptFilter, (r: FixtureReceipt) => boolean]> = [
    ['the whole election', { electionId: E }, () => true],
    ['one party', { electionId: E, party: ALA.registrationNumber }, (r) => r.party === ALA.registrationNumber],
    ['a donor type', { electionId: E, donorType: 'legal_entity' }, (r) => r.donorType === 'legal_entity'],
    [
      'a channel and a party',
      { electionId: E, channel: 'cash', party: BEK.registrationNumber },
      (r) => r.channel === 'cash' && r.party === BEK.registrationNumber,
    ],
    [
      'a date range',
      { electionId: E, dateFrom: '2030-08-25', dateTo: '2030-09-05' },
      (r) => r.date >= '2030-08-25' && r.date <= '2030-09-05',
    ],
    [
      'an amount range',
      { electionId: E, minAmount: tyiyn(250_000), maxAmount: tyiyn(2_500_000) },
      (r) => r.amount >= 250_000 && r.amount <= 2_500_000,
    ],
    ['a donor name', { electionId: E, donorName: 'Osmonov' }, (r) => r.donorName.startsWith('Осмонов')],
  ];

  it('walks every filter × sort × order by keyset without gaps or repeats', async () => {
    const { db } = get();
    for (const [what, f, keep] of filters) {
      const expected = latestOf(fx.receipts, E).filter(keep).map(keyOf).sort();
      expect(expected.length, what).toBeGreaterThan(3);
      for (const sort of ['date', 'amount'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const rows = await walkReceipts(db, f, sort, order, 7);
          expect(rows.map(keyOf).sort(), `${what} by ${sort} ${order}`).toEqual(expected);
          expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
          expectOrdered(rows, sort, order);
        }
      }
    }
  });

  it('pages expenditures by keyset and filters them by category', async () => {
    const { db } = get();
    const expected = latestOf(fx.expenditures, E).map(keyOf).sort();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listExpenditures>> = await listExpenditures(
        db,
        { electionId: E },
        { sort: 'amount', order: 'desc', limit: 9, ...(cursor ? { after: decodeCursor(cursor)! } : {}) },
      );
      seen.push(...page.items.map(keyOf));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.sort()).toEqual(expected);
    const ads = await listExpenditures(
      db,
      { electionId: E, categories: ['advertising_tv', 'advertising_online'] },
      { sort: 'date', order: 'asc', limit: 500 },
    );
    expect(ads.items.length).toBe(
      latestOf(fx.expenditures, E).filter((x) => x.category === 'advertising_tv' || x.category === 'advertising_online')
        .length,
    );
    expect(new Set(ads.items.map((x) => x.category))).toEqual(new Set(['advertising_tv', 'advertising_online']));
  });

  it('finds donors by name across scripts and spellings, only among the latest lines', async () => {
    const { db } = get();
    const names = async (q: string) =>
      (await listReceipts(db, { electionId: E, donorName: q }, { sort: 'date', order: 'asc', limit: 500 })).items
        .map((r) => r.donorName)
        .sort();
    const jeenbekovs = ['Jeenbekov Bakyt', 'Zheenbekova Aigul', 'Жээнбеков Бакыт', 'Жээнбеков Бакыт'];
    expect(await names('Zheenbekov')).toEqual(jeenbekovs);
    expect(await names('жээнбеков')).toEqual(jeenbekovs);
    expect(await names('JEENBEKOV')).toEqual(jeenbekovs);
    expect(await names('Жээнбеков Бак')).toEqual(['Jeenbekov Bakyt', 'Жээнбеков Бакыт', 'Жээнбеков Бакыт']);
    // One election only: the other one has seven "Асанов Асан".
    expect(await names('Asanov')).toEqual(['Асанов Асан Асанович']);
    expect(await names(SUPERSEDED_DONOR)).toEqual([]);
    expect(await names(DRAFT_DONOR)).toEqual([]);
    // Text without letters or digits is no filter at all.
    expect((await names('!!!')).length).toBe(latestOf(fx.receipts, E).length);
  });

  it('never selects a private column', async () => {
    const { db } = get();
    const all: unknown[] = [];
    for await (const batch of receiptBatches(db, { electionId: E }, 'date', 'asc', 50)) all.push(...batch);
    for await (const batch of expenditureBatches(db, { electionId: E }, 'date', 'asc', 50)) all.push(...batch);
    expect(all.length).toBe(latestOf(fx.receipts, E).length + latestOf(fx.expenditures, E).length);
    const keys = new Set(all.flatMap((x) => Object.keys(x as object)));
    for (const k of keys) expect(k).not.toMatch(/pin|address|inn|bank/i);
    const text = JSON.stringify(all);
    for (const secret of fx.privateValues) expect(text).not.toContain(secret);
  });

  it('streams every matching line in bounded batches', async () => {
    const { db } = get();
    const sizes: number[] = [];
    const keys: string[] = [];
    for await (const batch of receiptBatches(
      db,
      { electionId: E, party: ALA.registrationNumber },
      'amount',
      'desc',
      13,
    )) {
      sizes.push(batch.length);
      keys.push(...batch.map(keyOf));
    }
    expect(Math.max(...sizes)).toBe(13);
    expect(keys.sort()).toEqual(latestOf(fx.receipts, E, ALA.registrationNumber).map(keyOf).sort());
  });

  it('lists filed versions newest first, drafts never, and when each report was first filed', async () => {
    const { db } = get();
    const all = await listFiledReports(db, {});
    expect(all).toHaveLength(fx.filedVersions);
    expect(all.map((f) => f.submittedAt)).toEqual([...all.map((f) => f.submittedAt)].sort().reverse());
    const mine = await listFiledReports(db, { electionId: E, party: ALA.registrationNumber });
    expect(mine.map((f) => [f.reportKind, f.version, f.isLatest])).toEqual([
      ['first', 2, true],
      ['first', 1, false],
      ['initial', 1, true],
    ]);
    expect(mine[0]!.partyShortName?.en).toBe('Ala-Too');
    const first = await firstFiledAt(db, E);
    expect(first.get(ALA.registrationNumber)?.get('first')?.firstFiledAt).toBe('2030-09-20T08:00:00.000Z');
    expect(first.get(ALA.registrationNumber)?.has('final')).toBe(false);
    expect(first.get(BEK.registrationNumber)?.get('initial')?.firstFiledAt).toBe('2030-09-11T19:30:00.000Z');
    expect(first.has(CHUY.registrationNumber)).toBe(false);
  });
});

describeEachDatabase('finance totals after a new filing', (get) => {
  it('are recomputed as soon as an amendment is filed', async () => {
    const { db } = get();
    await loadFinanceFixture(db);
    const before = await loadElectionFinance(db, E);
    const bek = before.parties.get(BEK.registrationNumber)!;
    // BEK amends its initial report: one more receipt of 1,000 som; the old lines stop counting.
    const old = await db
      .selectFrom('filings as f')
      .innerJoin('filing_chains as c', 'c.id', 'f.chain_id')
      .select(['f.id', 'f.chain_id'])
      .where('c.party_registration_number', '=', BEK.registrationNumber)
      .where('c.election_id', '=', E)
      .executeTakeFirstOrThrow();
    const at = '2030-09-30T10:00:00.000Z';
    const v2 = await db
      .insertInto('filings')
      .values({
        chain_id: Number(old.chain_id),
        version: 2,
        status: 'filed',
        is_latest: 1,
        body_json: '{}',
        opening_balance: 0,
        closing_balance: 0,
        total_receipts: 0,
        total_expenditures: 0,
        total_refunds: 0,
        idempotency_key: null,
        created_by: 'test',
        created_at: at,
        updated_at: at,
        submitted_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('filings').set({ is_latest: 0, updated_at: at }).where('id', '=', Number(old.id)).execute();
    const oldLines = await db.selectFrom('receipts').selectAll().where('filing_id', '=', Number(old.id)).execute();
    await db.updateTable('receipts').set({ is_latest: 0 }).where('filing_id', '=', Number(old.id)).execute();
    for (let i = 0; i < oldLines.length; i += 100) {
      await db
        .insertInto('receipts')
        .values(
          oldLines.slice(i, i + 100).map(({ id: _id, ...r }) => ({ ...r, filing_id: Number(v2.id), is_latest: 1 })),
        )
        .execute();
    }
    await db
      .insertInto('receipts')
      .values({
        filing_id: Number(v2.id),
        election_id: E,
        party_registration_number: BEK.registrationNumber,
        line_id: 'NEW-1',
        date: '2030-09-29',
        amount: 100_000,
        is_latest: 1,
        donor_type: 'individual',
        donor_name: 'Жаңы Донор',
        donor_name_key: 'jani donor',
        donor_pin: null,
        donor_inn: null,
        donor_address: null,
        channel: 'bank_transfer',
        bank_reference: null,
      })
      .execute();
    const after = await loadElectionFinance(db, E);
    expect(after.parties.get(BEK.registrationNumber)!.receipts).toBe(bek.receipts + 100_000);
    expect(after.parties.get(BEK.registrationNumber)!.receiptCount).toBe(bek.receiptCount + 1);
  });
});

describeEachDatabase('donor search over a common name', (get) => {
  it('walks by the sort index, and still finds every match in order, once', async () => {
    const { db } = get();
    const fx = await loadFinanceFixture(db);
    // 600 more gifts from one family name: enough for the search to walk the sort column's index.
    const filing = await db
      .selectFrom('receipts')
      .select('filing_id')
      .where('party_registration_number', '=', BEK.registrationNumber)
      .where('is_latest', '=', 1)
      .executeTakeFirstOrThrow();
    const extra = Array.from({ length: 600 }, (_, i) => ({
      filing_id: Number(filing.filing_id),
      election_id: E,
      party_registration_number: i % 3 === 0 ? BEK.registrationNumber : ALA.registrationNumber,
      line_id: `OSM-${i}`,
      date: `2030-09-${String(1 + (i % 9)).padStart(2, '0')}`,
      amount: 100_000 + (i % 7) * 50_000,
      is_latest: 1,
      donor_type: 'individual',
      donor_name: i % 2 === 0 ? 'Осмонов Нурлан' : 'Осмонова Бермет',
      donor_name_key: i % 2 === 0 ? 'osmonov nurlan' : 'osmonova bermet',
      donor_pin: null,
      donor_inn: null,
      donor_address: null,
      channel: 'bank_transfer',
      bank_reference: null,
    }));
    for (let i = 0; i < extra.length; i += 100)
      await db
        .insertInto('receipts')
        .values(extra.slice(i, i + 100))
        .execute();
    const all = [
      ...latestOf(fx.receipts, E).map((r) => ({ party: r.party, lineId: r.lineId, name: r.donorName })),
      ...extra.map((r) => ({ party: r.party_registration_number, lineId: r.line_id, name: r.donor_name })),
    ];
    for (const party of [undefined, ALA.registrationNumber]) {
      const f: ReceiptFilter = { electionId: E, donorName: 'Osmonov', ...(party ? { party } : {}) };
      const expected = all
        .filter((r) => r.name.startsWith('Осмонов') && (party === undefined || r.party === party))
        .map(keyOf)
        .sort();
      for (const sort of ['date', 'amount'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const rows = await walkReceipts(db, f, sort, order, 25);
          expect(rows.map(keyOf).sort(), `${party ?? 'all'} ${sort} ${order}`).toEqual(expected);
          expectOrdered(rows, sort, order);
        }
      }
      // PostgreSQL decides from its statistics; SQLite has none, so the repository decides.
      expect(await namePlan(db, 'osmonov', f, { sort: 'date', order: 'desc', limit: 25 })).toBe(
        get().dialect === 'postgres' ? 'planner' : 'sort-index',
      );
    }
    // A rare name still goes through the name index.
    expect(await namePlan(db, 'jenbekov', { electionId: E }, { sort: 'date', order: 'desc', limit: 25 })).toBe(
      get().dialect === 'postgres' ? 'planner' : 'key-index',
    );
  });
});

it('bounds a key prefix in code-point order', () => {
  expect(prefixUpperBound('asan')).toBe('asao');
  expect(prefixUpperBound('az')).toBe('a{');
  expect(prefixUpperBound('')).toBeUndefined();
});
