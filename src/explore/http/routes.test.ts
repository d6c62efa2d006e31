// The donor and payee pages, downloads and API on SQLite and PostgreSQL: one PIN under three
// spellings is one donor with one total in every language, in the CSV and in the API; a donor without
// a PIN is grouped by name and marked; a company's INN is shown; and no PIN (nor a sole trader's INN,
// nor an address) is in any response.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  ALA,
  BEK,
  FIN_ELECTION,
  FIN_NOW,
  OTHER_ELECTION,
  loadFinanceFixture,
} from '../../../test/finance/finance-fixture.ts';
import { buildServer } from '../../server.ts';
import { loadConfig } from '../../platform/config.ts';
import { LocalBlobStore } from '../../platform/blobs/local-blob-store.ts';
import { EventBus } from '../../platform/event-bus.ts';
import { Memo } from '../../platform/memo.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { som } from '../../platform/web/numbers.ts';
import { tyiyn } from '../../domain/money.ts';
import { donorIdentity, payeeIdentity } from '../core/identity.ts';
import { identityKey } from '../identity-key.ts';
import {
  ASEL_AMOUNTS,
  ASEL_PIN,
  ASEL_SPELLINGS,
  COMPANY_INN,
  NOPIN_SPELLINGS,
  TRADER_INN,
  loadExploreLines,
} from '../explore.test-support.ts';
import { createElection } from '../../elections/index.ts';
import { recordActivity } from '../../platform/activity-log.ts';

const E = FIN_ELECTION.id;
const TOTAL = ASEL_AMOUNTS[0] + ASEL_AMOUNTS[1] + ASEL_AMOUNTS[2];
const LOCALES = ['ky', 'ru', 'en'] as const;
const money = (amount: number, l: (typeof LOCALES)[number]) => som(tyiyn(amount), l);
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describeEachDatabase('donor and payee pages, downloads and API', (get) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let dir: string;
  let asel: string;
  let company: string;
  let trader: string;
  const seen: LightMyRequestResponse[] = [];
  const fetch = async (url: string, status = 200) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(status);
    seen.push(res);
    return res;
  };

  beforeAll(async () => {
    const db = get().db;
    await loadFinanceFixture(db);
    await loadExploreLines(db, {
      election: E,
      other: OTHER_ELECTION.id,
      a: ALA.registrationNumber,
      b: BEK.registrationNumber,
    });
    dir = mkdtempSync(join(tmpdir(), 'talapker-explore-'));
    ctx = {
      db,
      blobs: new LocalBlobStore(join(dir, 'blobs')),
      config: loadConfig({ TALAPKER_DATA_DIR: dir }),
      now: () => FIN_NOW,
      events: new EventBus(),
      memo: new Memo(),
    };
    app = await buildServer(ctx);
    await app.ready();
    const key = await identityKey(ctx);
    asel = donorIdentity(key, { donorType: 'individual', name: '', pin: ASEL_PIN, inn: null }).id;
    company = payeeIdentity(key, { name: '', inn: COMPANY_INN }).id;
    trader = payeeIdentity(key, { name: '', inn: TRADER_INN }).id;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is reached from the election page once the election has filed lines', async () => {
    for (const l of LOCALES) {
      const body = (await fetch(`/${l}/elections/${E}`)).body;
      expect(body).toContain(`href="/${l}/elections/${E}/donors"`);
      expect(body).toContain(`href="/${l}/elections/${E}/payees"`);
    }
    // An election nobody has filed for yet has no lists to link.
    const quiet = { ...OTHER_ELECTION, id: 'explore-quiet' };
    expect((await createElection(ctx, quiet, 'test')).ok).toBe(true);
    const empty = (await fetch(`/en/elections/${quiet.id}`)).body;
    expect(empty).not.toContain(`/elections/${quiet.id}/donors`);
  });

  it('lists one donor for one PIN, with one total, in every language', async () => {
    for (const l of LOCALES) {
      const body = (await fetch(`/${l}/elections/${E}/donors`)).body;
      expect(occurrences(body, `/${l}/elections/${E}/donors/${asel}"`), l).toBe(1);
      expect(body).toContain(money(TOTAL, l));
      // Grouped by name, and marked.
      expect(body).toContain('data-basis="name"');
      expect(body).toContain(`${l === 'en' ? 'INN' : 'ИНН'} ${COMPANY_INN}`);
      const filtered = (
        await fetch(`/${l}/elections/${E}/donors?party=${encodeURIComponent(BEK.registrationNumber)}&multi=1`)
      ).body;
      expect(filtered).toContain(money(ASEL_AMOUNTS[2], l));
      expect(filtered).not.toContain(COMPANY_INN);

      const page = (await fetch(`/${l}/elections/${E}/donors/${asel}`)).body;
      for (const name of ASEL_SPELLINGS) expect(page).toContain(name);
      expect(page).toContain(money(TOTAL, l));
      for (const a of ASEL_AMOUNTS) expect(page).toContain(money(a, l));
      expect(occurrences(page, '/reports/')).toBe(3);

      const payees = (await fetch(`/${l}/elections/${E}/payees`)).body;
      expect(occurrences(payees, `/${l}/elections/${E}/payees/${company}"`)).toBe(1);
      expect(payees).toContain(money(650_000, l));
      const trade = (await fetch(`/${l}/elections/${E}/payees/${trader}`)).body;
      expect(trade).toContain('ИП Токтогулов');
    }
    await fetch(`/en/elections/no-such/donors`, 404);
    await fetch(`/en/elections/${E}/donors/${'0'.repeat(24)}`, 404);
    await fetch(`/en/elections/${E}/donors/not-an-id`, 404);
    // A company may be asked for by its INN; a person's PIN finds nobody.
    expect((await fetch(`/en/elections/${E}/donors/${COMPANY_INN}`)).body).toContain(COMPANY_INN);
    await fetch(`/en/elections/${E}/donors/${ASEL_PIN}`, 404);
    await fetch(`/en/elections/${E}/payees/${TRADER_INN}`, 404);
  });

  it('downloads the ranked lists as CSV with the same identity and total', async () => {
    const res = await fetch(`/ru/elections/${E}/donors.csv`);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(String(res.headers['content-disposition'])).toContain(`${E}-donors.csv`);
    const rows = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const mine = rows.filter((r) => r.includes(asel));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(`${TOTAL / 100}.00`);
    const byName = rows.filter((r) => (NOPIN_SPELLINGS as readonly string[]).some((n) => r.includes(n)));
    expect(byName).toHaveLength(1);
    expect(byName[0]).toContain('по имени');
    const multi = await fetch(`/en/elections/${E}/donors.csv?multi=1`);
    expect(multi.body).toContain(asel);
    const payees = await fetch(`/en/elections/${E}/payees.csv`);
    expect(payees.body).toContain(COMPANY_INN);
    expect(payees.body.split('\r\n').filter((r) => r.includes(trader))).toHaveLength(1);
  });

  it('answers the API with the same donors and payees', async () => {
    const list = (await fetch(`/api/v1/elections/${E}/donors?limit=1000`)).json();
    const entries = list.data.filter((x: { counterpart: { id: string } }) => x.counterpart.id === asel);
    expect(entries).toHaveLength(1);
    expect(entries[0].counterpart).toMatchObject({ identifiedBy: 'number', inn: null, total: TOTAL, count: 3 });
    const multi = (await fetch(`/api/v1/elections/${E}/donors?multiParty=true`)).json();
    expect(multi.data.map((x: { counterpart: { id: string } }) => x.counterpart.id)).toContain(asel);
    const byParty = (
      await fetch(`/api/v1/elections/${E}/donors?party=${encodeURIComponent(BEK.registrationNumber)}`)
    ).json();
    expect(byParty.data.find((x: { counterpart: { id: string } }) => x.counterpart.id === asel).amount).toBe(
      ASEL_AMOUNTS[2],
    );
    const one = (await fetch(`/api/v1/elections/${E}/donors/${asel}`)).json();
    expect(one.lines).toHaveLength(3);
    expect(one.counterpart.names.sort()).toEqual([...ASEL_SPELLINGS].sort());
    const payee = (await fetch(`/api/v1/elections/${E}/payees/${company}`)).json();
    expect(payee.counterpart).toMatchObject({ inn: COMPANY_INN, total: 650_000 });
    expect((await fetch(`/api/v1/elections/${E}/payees/${trader}`)).json().counterpart.inn).toBeNull();
    await fetch(`/api/v1/elections/${E}/donors/${'0'.repeat(24)}`, 404);
    await fetch(`/api/v1/elections/${E}/donors/xyz`, 400);
    expect((await fetch(`/api/v1/elections/${E}/payees/${COMPANY_INN}`)).json().counterpart.id).toBe(company);
    const byPin = await fetch(`/api/v1/elections/${E}/donors/${ASEL_PIN}`, 404);
    expect(byPin.body).not.toContain(ASEL_PIN);
    await fetch(`/api/v1/elections/no-such/payees`, 404);
  });

  it('breaks the money down by size, kind, month and week, the same on pages, CSV and API', async () => {
    type B = { amount: number; count: number };
    const sum = (xs: B[]) => xs.reduce((s, x) => s + x.amount, 0);
    const all = (await fetch(`/api/v1/elections/${E}/breakdown`)).json();
    const total = sum(all.sizeBands);
    expect(total).toBeGreaterThan(0);
    for (const part of [all.donorTypes, all.months, all.weeks]) expect(sum(part)).toBe(total);
    // Bands from the rules profile: 10,000, 50,000, 100,000 som, the two caps, and above every cap.
    expect(all.sizeBands.map((b: { upTo: number | null }) => b.upTo)).toEqual([
      1_000_000,
      5_000_000,
      10_000_000,
      20_000_000,
      300_000_000,
      null,
    ]);
    // Both Asel (by PIN) and Erlan (by name) gave to both parties.
    expect(all.multiPartyDonors.count).toBeGreaterThanOrEqual(2);
    const bek = (await fetch(`/api/v1/elections/${E}/breakdown?party=${BEK.registrationNumber}`)).json();
    expect(bek.partyRegistrationNumber).toBe(BEK.registrationNumber);
    expect(bek.multiPartyDonors.amount).toBeGreaterThanOrEqual(ASEL_AMOUNTS[2] + 50_000);
    expect(bek.spending.map((x: { partyRegistrationNumber: string }) => x.partyRegistrationNumber)).toEqual([
      BEK.registrationNumber,
    ]);
    for (const l of LOCALES) {
      const page = (await fetch(`/${l}/elections/${E}/breakdown`)).body;
      expect(page).toContain('role="img"');
      expect(page).toContain(money(total, l));
      expect(page).toContain(money(all.multiPartyDonors.amount, l));
      expect(page).toContain(`href="/${l}/elections/${E}/compare"`);
    }
    const csv = (await fetch(`/en/elections/${E}/breakdown.csv?party=${BEK.registrationNumber}`)).body;
    const bandRows = csv.split('\r\n').filter((r) => r.startsWith('size_band,'));
    expect(bandRows).toHaveLength(6);
    await fetch(`/en/elections/no-such/breakdown`, 404);
  });

  it('compares two parties side by side, with the totals the breakdowns give each', async () => {
    const [a, b] = [ALA.registrationNumber, BEK.registrationNumber];
    const c = (await fetch(`/api/v1/elections/${E}/comparison?parties=${a},${b}`)).json();
    expect(c.parties.map((x: { partyRegistrationNumber: string }) => x.partyRegistrationNumber)).toEqual([a, b]);
    for (const side of c.parties) {
      const own = (await fetch(`/api/v1/elections/${E}/breakdown?party=${side.partyRegistrationNumber}`)).json();
      expect(side.receipts).toBe(own.sizeBands.reduce((s: number, x: { amount: number }) => s + x.amount, 0));
      expect(side.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual(c.weeks);
    }
    // Each side's top donors are the head of that party's ranked list.
    const ranked = (await fetch(`/api/v1/elections/${E}/donors?party=${encodeURIComponent(b)}&limit=5`)).json();
    expect(c.parties[1].topDonors).toEqual(ranked.data);
    const topId = ranked.data[0].counterpart.id as string;
    for (const l of LOCALES) {
      const page = (await fetch(`/${l}/elections/${E}/compare?parties=${a}&parties=${b}`)).body;
      expect(occurrences(page, 'role="img"')).toBeGreaterThanOrEqual(3);
      expect(page).toContain(`/${l}/elections/${E}/donors/${topId}"`);
      expect(page).toContain(money(c.parties[0].receipts, l));
    }
    // Without two parties the page asks which; the download has nothing to give.
    expect((await fetch(`/en/elections/${E}/compare?parties=${a}`)).body).toContain('Choose two to four parties');
    await fetch(`/en/elections/${E}/compare.csv?parties=${a}`, 404);
    const csv = (await fetch(`/ru/elections/${E}/compare.csv?parties=${a},${b}`)).body;
    expect(csv.split('\r\n').filter((r) => r.startsWith('top_donor,') && r.includes(topId))).not.toHaveLength(0);
  });

  it('refuses unknown or malformed API filters with a 400 naming the allowed ones', async () => {
    const unknown = (await fetch(`/api/v1/elections/${E}/donors?amountFrom=1`, 400)).json();
    expect(unknown.error.message).toContain('"amountFrom"');
    expect(unknown.error.message).toContain('party, multiParty, limit');
    expect((await fetch(`/api/v1/elections/${E}/breakdown?parties=x`, 400)).json().error.message).toContain(
      'the filters are: party',
    );
    await fetch(`/api/v1/elections/${E}/donors?multiParty=yes`, 400);
    await fetch(`/api/v1/elections/${E}/donors?limit=0`, 400);
    await fetch(`/api/v1/elections/${E}/comparison?parties=${ALA.registrationNumber}`, 400);
    const stranger = (
      await fetch(`/api/v1/elections/${E}/comparison?parties=${ALA.registrationNumber},NOPE`, 400)
    ).json();
    expect(stranger.error.message).toContain('NOPE');
    await fetch(
      `/api/v1/elections/${E}/comparison?parties=${ALA.registrationNumber},${BEK.registrationNumber}&x=1`,
      400,
    );
  });

  it('sees a new line once the public record moves on, and not before', async () => {
    const db = get().db;
    const filing = await db
      .selectFrom('receipts')
      .select('filing_id')
      .where('election_id', '=', E)
      .where('donor_pin', '=', ASEL_PIN)
      .where('is_latest', '=', 1)
      .executeTakeFirstOrThrow();
    const before = (await fetch(`/api/v1/elections/${E}/donors/${asel}`)).json();
    await db
      .insertInto('receipts')
      .values({
        filing_id: filing.filing_id,
        election_id: E,
        party_registration_number: ALA.registrationNumber,
        line_id: 'R-late',
        date: '2030-08-31',
        amount: 70_000,
        is_latest: 1,
        donor_type: 'individual',
        donor_name: 'Asanova A.',
        donor_name_key: 'asanova a',
        donor_pin: ASEL_PIN,
        donor_inn: null,
        donor_address: 'Бишкек',
        channel: 'bank_transfer',
        bank_reference: null,
      })
      .execute();
    // Without a record of the change the remembered index still answers.
    expect((await fetch(`/api/v1/elections/${E}/donors/${asel}`)).json().counterpart.total).toBe(
      before.counterpart.total,
    );
    await recordActivity(db, { actor: 'test', action: 'filing.filed', entityType: 'filing', entityId: 'late' });
    const after = (await fetch(`/api/v1/elections/${E}/donors/${asel}`)).json();
    expect(after.counterpart.total).toBe(before.counterpart.total + 70_000);
    expect(after.lines).toHaveLength(before.lines.length + 1);
    expect(after.lines.map((x: { name: string }) => x.name)).toContain('Asanova A.');
  });

  it('puts no PIN, no sole trader’s INN and no address in any response', async () => {
    const pins = (await get().db.selectFrom('receipts').select(['donor_pin', 'donor_address']).execute()).flatMap((r) =>
      [r.donor_pin, r.donor_address].filter((x): x is string => x !== null),
    );
    expect(pins).toContain(ASEL_PIN);
    // Every donor's and payee's page and API answer, besides what the tests above fetched.
    for (const role of ['donors', 'payees']) {
      const all = (await fetch(`/api/v1/elections/${E}/${role}?limit=1000`)).json();
      for (const x of all.data as Array<{ counterpart: { id: string } }>) {
        await fetch(`/ru/elections/${E}/${role}/${x.counterpart.id}`);
        await fetch(`/api/v1/elections/${E}/${role}/${x.counterpart.id}`);
      }
      await fetch(`/ky/elections/${E}/${role}.csv`);
    }
    expect(seen.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const res of seen) {
      const text = `${JSON.stringify(res.headers)}\n${res.body}`;
      for (const secret of [...pins, TRADER_INN])
        if (text.includes(secret)) leaks.push(`${secret} in ${res.raw.req.url}`);
    }
    expect(leaks).toEqual([]);
  });
});
