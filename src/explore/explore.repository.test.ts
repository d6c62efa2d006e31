// The donor and payee aggregates on SQLite and PostgreSQL: one PIN under three spellings is one donor
// with one total, a donor without a PIN is grouped by the folded name and marked, only the latest filed
// version counts, another election stays out, and no PIN comes out of the repository.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { counterpartsOf, topOf } from './core/aggregates.ts';
import { donorIdentity, payeeIdentity } from './core/identity.ts';
import { donorIndex, linesById, payeeIndex, receiptCells, spendingCells } from './explore.repository.ts';
import { bandOf } from './core/breakdowns.ts';
import {
  AMENDED_PIN,
  ASEL_AMOUNTS,
  ASEL_PIN,
  ASEL_SPELLINGS,
  COMPANY_INN,
  E,
  NOPIN_SPELLINGS,
  PARTY_A,
  PARTY_B,
  TRADER_INN,
  loadExploreLines,
} from './explore.test-support.ts';

const KEY = Buffer.from('a test key that is long enough for the hash');
const identifyDonor = (d: Parameters<typeof donorIdentity>[1]) => donorIdentity(KEY, d);
const identifyPayee = (p: Parameters<typeof payeeIdentity>[1]) => payeeIdentity(KEY, p);

describeEachDatabase('donors and payees', (get) => {
  beforeAll(async () => {
    await loadExploreLines(get().db);
  });

  it('makes one donor of one PIN under three spellings, with one total over both parties', async () => {
    const donors = counterpartsOf((await donorIndex(get().db, E, identifyDonor)).groups);
    const asel = donors.filter((d) => d.names.some((n) => (ASEL_SPELLINGS as readonly string[]).includes(n)));
    expect(asel).toHaveLength(1);
    const d = asel[0]!;
    expect(d.basis).toBe('number');
    expect(d.inn).toBeNull();
    expect([...d.names].sort()).toEqual([...ASEL_SPELLINGS].sort());
    expect(d.total).toBe(ASEL_AMOUNTS[0] + ASEL_AMOUNTS[1] + ASEL_AMOUNTS[2]);
    expect(d.count).toBe(3);
    expect([d.first, d.last]).toEqual(['2030-08-25', '2030-08-30']);
    expect(d.parties.map((p) => [p.party, p.amount])).toEqual([
      [PARTY_A, ASEL_AMOUNTS[0] + ASEL_AMOUNTS[1]],
      [PARTY_B, ASEL_AMOUNTS[2]],
    ]);
    // The amended version's donor is gone; the other election's gift is not counted.
    expect(donors.some((x) => x.names.includes('Эскирген Донор'))).toBe(false);
    // Among those giving to more than one party.
    expect(topOf(donors, { minParties: 2 }).map((r) => r.counterpart.id)).toContain(d.id);
  });

  it('groups a donor without a PIN by the folded name across scripts and marks it', async () => {
    const donors = counterpartsOf((await donorIndex(get().db, E, identifyDonor)).groups);
    const erlan = donors.filter((d) => d.names.some((n) => (NOPIN_SPELLINGS as readonly string[]).includes(n)));
    expect(erlan).toHaveLength(1);
    expect(erlan[0]).toMatchObject({ basis: 'name', inn: null, total: 150_000, count: 2 });
    expect(erlan[0]!.parties).toHaveLength(2);
  });

  it('shows a company’s INN, never a person’s, and ranks by party', async () => {
    const donors = counterpartsOf((await donorIndex(get().db, E, identifyDonor)).groups);
    expect(donors[0]).toMatchObject({ inn: COMPANY_INN, basis: 'number', total: 5_000_000 });
    const top = topOf(donors, { party: PARTY_B });
    expect(top.map((r) => r.amount)).toEqual([ASEL_AMOUNTS[2], 50_000]);
    const text = JSON.stringify(donors);
    for (const pin of [ASEL_PIN, AMENDED_PIN]) expect(text).not.toContain(pin);
  });

  it('lists one donor’s lines, and merges a payee by INN while withholding a sole trader’s', async () => {
    const asel = donorIdentity(KEY, { donorType: 'individual', name: 'x', pin: ASEL_PIN, inn: null });
    const donors = await donorIndex(get().db, E, identifyDonor);
    const lines = await linesById(get().db, 'donor', donors.lineIds.get(asel.id) ?? []);
    expect(lines.map((l) => l.amount).sort()).toEqual([...ASEL_AMOUNTS].sort());
    expect(JSON.stringify(lines)).not.toContain(ASEL_PIN);

    const payeeIdx = await payeeIndex(get().db, E, identifyPayee);
    const payees = counterpartsOf(payeeIdx.groups);
    const company = payees.find((p) => p.inn === COMPANY_INN);
    expect(company).toMatchObject({ total: 650_000, count: 2, basis: 'number' });
    expect(company!.parties).toHaveLength(2);
    const trader = payees.find((p) => p.name === 'ИП Токтогулов');
    expect(trader).toMatchObject({ basis: 'number', inn: null });
    expect(payees.find((p) => p.name === 'Кафе «Нарын»')).toMatchObject({ basis: 'name' });
    expect(JSON.stringify(payees)).not.toContain(TRADER_INN);
    const traderLines = await linesById(get().db, 'payee', payeeIdx.lineIds.get(trader!.id) ?? []);
    expect(traderLines).toHaveLength(1);
    expect(JSON.stringify(traderLines)).not.toContain(TRADER_INN);
  });

  it('sums receipts by party, kind, size band and day, the bands as the core draws them', async () => {
    const thresholds = [100_000, 300_000];
    const cells = await receiptCells(get().db, E, thresholds);
    // Six latest lines of the election; the amended version and the other election stay out.
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(6);
    const key = (c: { party: string; date: string; band: number; amount: number }) =>
      `${c.party} ${c.date} ${c.band} ${c.amount}`;
    expect(cells.map(key).sort()).toEqual(
      [
        [PARTY_A, '2030-08-25', ASEL_AMOUNTS[0]],
        [PARTY_A, '2030-08-28', ASEL_AMOUNTS[1]],
        [PARTY_A, '2030-08-26', 100_000],
        [PARTY_A, '2030-08-27', 5_000_000],
        [PARTY_B, '2030-08-30', ASEL_AMOUNTS[2]],
        [PARTY_B, '2030-08-29', 50_000],
      ]
        .map(([party, date, amount]) =>
          key({
            party: party as string,
            date: date as string,
            amount: amount as number,
            band: bandOf(amount as number, thresholds),
          }),
        )
        .sort(),
    );
    expect(new Set(cells.map((c) => c.band))).toEqual(new Set([0, 1, 2]));
  });

  it('sums spending by party, category and day', async () => {
    const cells = await spendingCells(get().db, E);
    expect(cells.filter((c) => c.party === PARTY_A).reduce((n, c) => n + c.amount, 0)).toBe(550_000);
    expect(cells.filter((c) => c.party === PARTY_B).map((c) => [c.kind, c.date, c.amount, c.count])).toEqual([
      ['campaign_materials', '2030-08-31', 250_000, 1],
    ]);
  });
});
