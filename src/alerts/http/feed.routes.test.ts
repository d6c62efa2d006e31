// The Atom feeds of one party and of one donor, on SQLite and PostgreSQL: a party's feed carries that
// party's filed versions and no other's; a donor's feed carries the reports whose counted lines name the
// donor (by the public identifier, or a company's INN), and never the PIN; unknown ones answer 404.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { ALA, BEK, FIN_ELECTION, OTHER_ELECTION, loadFinanceFixture } from '../../../test/finance/finance-fixture.ts';
import { buildServer } from '../../server.ts';
import { filingTestContext, type FilingTestContext } from '../../filings/filing.test-support.ts';
import { donorIdentity } from '../../explore/index.ts';
import { identityKey } from '../../explore/identity-key.ts';
import { ASEL_PIN, COMPANY_INN, loadExploreLines } from '../../explore/explore.test-support.ts';

const E = FIN_ELECTION.id;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

interface Entry {
  id: string;
  link: { '@href': string };
}

describeEachDatabase('party and donor feeds', (get) => {
  let app: FastifyInstance;
  let t: FilingTestContext;
  let asel: string;

  const feed = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const f = parser.parse(res.body).feed;
    expect(f['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    return { body: res.body, title: String(f.title['#text']), entries: [f.entry ?? []].flat() as Entry[] };
  };
  const filingOf = (e: Entry) => Number(/#filing-(\d+)$/.exec(e.link['@href'])?.[1]);

  beforeAll(async () => {
    const db = get().db;
    await loadFinanceFixture(db);
    await loadExploreLines(db, {
      election: E,
      other: OTHER_ELECTION.id,
      a: ALA.registrationNumber,
      b: BEK.registrationNumber,
    });
    t = filingTestContext(db);
    app = await buildServer(t.ctx);
    await app.ready();
    asel = donorIdentity(await identityKey(t.ctx), { donorType: 'individual', name: '', pin: ASEL_PIN, inn: null }).id;
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  /** The filed versions of a party's chains in the election, read straight from the tables. */
  const filedOf = async (party: string) =>
    (
      await get()
        .db.selectFrom('filings as f')
        .innerJoin('filing_chains as c', 'c.id', 'f.chain_id')
        .select('f.id')
        .where('c.election_id', '=', E)
        .where('c.party_registration_number', '=', party)
        .where('f.version', '>=', 1)
        .where('f.status', '<>', 'draft')
        .where('f.submitted_at', 'is not', null)
        .execute()
    )
      .map((r) => Number(r.id))
      .sort((a, b) => a - b);

  it("carries every filed version of one party's reports, and no other party's", async () => {
    for (const party of [ALA.registrationNumber, BEK.registrationNumber]) {
      const want = await filedOf(party);
      expect(want.length).toBeGreaterThan(0);
      for (const l of ['ky', 'ru', 'en'] as const) {
        const f = await feed(`/${l}/elections/${E}/parties/${encodeURIComponent(party)}/feed.atom`);
        expect(f.entries.map(filingOf).sort((a, b) => a - b)).toEqual(want);
        for (const e of f.entries) expect(e.link['@href']).toContain(`/parties/${encodeURIComponent(party)}/finance#`);
      }
    }
    const en = await feed(`/en/elections/${E}/parties/${ALA.registrationNumber}/feed.atom`);
    expect(en.title).toBe('Ala-Too: finance reports — Finance test election');
  });

  it('carries the reports whose counted lines name a donor, by identifier or by INN, without the PIN', async () => {
    const rows = await get()
      .db.selectFrom('receipts')
      .select('filing_id')
      .distinct()
      .where('election_id', '=', E)
      .where('donor_pin', '=', ASEL_PIN)
      .where('is_latest', '=', 1)
      .execute();
    const want = rows.map((r) => Number(r.filing_id)).sort((a, b) => a - b);
    expect(want.length).toBe(2);
    const f = await feed(`/en/elections/${E}/donors/${asel}/feed.atom`);
    expect(f.entries.map(filingOf).sort((a, b) => a - b)).toEqual(want);
    expect(f.body).not.toContain(ASEL_PIN);
    const company = await feed(`/ru/elections/${E}/donors/${COMPANY_INN}/feed.atom`);
    expect(company.entries.length).toBe(1);
  });

  it('answers 404 for an unknown election, party or donor', async () => {
    for (const url of [
      `/en/elections/no-such/parties/${ALA.registrationNumber}/feed.atom`,
      `/en/elections/${E}/parties/NO-SUCH/feed.atom`,
      `/en/elections/${E}/donors/no-such-donor/feed.atom`,
      `/en/elections/no-such/donors/${asel}/feed.atom`,
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});
