// Political advertising over the database, on SQLite and PostgreSQL: a report taken in with its file
// kept, the same file twice stored once, rates with a bad row, links decided and logged, cumulative
// reports counted once, and the comparison's findings against a party's declared online advertising.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  asInput,
  filingTestContext,
  FILING_ELECTION,
  PARTY_A,
  PARTY_B,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from '../filings/filing.test-support.ts';
import { submitFiling } from '../filings/index.ts';
import { activityFor } from '../platform/activity-log.ts';
import {
  adsOverview,
  advertisersToMatch,
  decideLink,
  findingsOfElection,
  importAdReport,
  importRates,
} from './ads.service.ts';

const E = FILING_ELECTION.id;
const HEAD = '\ufeffPage ID,Page name,Disclaimer,Amount spent (USD),Number of ads in Library\n';
const csv = (rows: string[]) => Buffer.from(HEAD + rows.join('\n') + '\n');
// Party A declared 250 000 som of online advertising (2030-09-22). At 80 som to the dollar that is 3 125 USD.
const ALPHA_PAGE = '111';
const SUPPORTER_PAGE = '222';
const STRANGER_PAGE = '333';

describeEachDatabase('political advertising', (get) => {
  let t: FilingTestContext;
  beforeAll(async () => {
    t = filingTestContext(get().db);
    await setupFilingElection(t.ctx);
    const filed = await submitFiling(t.ctx, asInput(validFiling()), { actor: 'treasurer', idempotencyKey: null });
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
  });
  afterAll(() => t.close());

  it('takes in rates, reporting the rows it could not read', async () => {
    const r = await importRates(
      t.ctx,
      Buffer.from('date,currency,rate\n2030-08-31,USD,79.5000\n2030-13-01,USD,80\n2030-10-03,USD,80.0000\n'),
      'user:analyst',
    );
    expect(r.ok && r.value.imported).toBe(2);
    expect(r.ok && r.value.problems.map((p) => [p.code, p.row])).toEqual([['rates.date', 3]]);
    expect((await importRates(t.ctx, Buffer.from('day,ccy\n'), 'user:analyst')).ok).toBe(false);
  });

  it('keeps a report with its file, once, and refuses one whose period is unknown', async () => {
    // "All dates" up to the day before the campaign: what the comparison subtracts.
    const before = await importAdReport(t.ctx, {
      electionId: E,
      fileName: 'FacebookAdLibraryReport_2030-09-04_KG_lifetime_advertisers.csv',
      bytes: csv([`${ALPHA_PAGE},Партия Альфа,Партия Альфа,1000,3`]),
      actor: 'user:analyst',
    });
    expect(before.ok).toBe(true);
    const bytes = csv([
      `${ALPHA_PAGE},Партия Альфа,Партия Альфа,4126,20`,
      `${SUPPORTER_PAGE},Alfa fans,Partiya Alfa,≤100,2`,
      `${STRANGER_PAGE},Someone else,Someone else,50,1`,
      'bad,row',
    ]);
    const file = 'FacebookAdLibraryReport_2030-10-03_KG_lifetime_advertisers.csv';
    const r = await importAdReport(t.ctx, { electionId: E, fileName: file, bytes, actor: 'user:analyst' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ advertisers: 3, duplicate: false });
    expect(r.value.problems.map((p) => p.row)).toEqual([5]);
    const again = await importAdReport(t.ctx, { electionId: E, fileName: file, bytes, actor: 'user:analyst' });
    expect(again.ok && again.value).toMatchObject({ reportId: r.value.reportId, duplicate: true });
    // A yesterday report inside the period does not add to the "all dates" figure.
    const yesterday = await importAdReport(t.ctx, {
      electionId: E,
      fileName: 'FacebookAdLibraryReport_2030-10-02_KG_yesterday_advertisers.csv',
      bytes: csv([`${ALPHA_PAGE},Партия Альфа,Партия Альфа,900,2`]),
      actor: 'user:analyst',
    });
    expect(yesterday.ok).toBe(true);
    const stored = await t.ctx.blobs.getBuffer(
      (await adsOverview(t.ctx, E))!.reports.find((x) => x.fileName === file)!.sha256,
    );
    expect(stored?.equals(bytes)).toBe(true);

    const unnamed = await importAdReport(t.ctx, {
      electionId: E,
      fileName: 'report.csv',
      bytes,
      actor: 'user:analyst',
    });
    expect(!unnamed.ok && unnamed.error.map((p) => p.code)).toContain('ads.period_unknown');
    const nowhere = await importAdReport(t.ctx, {
      electionId: 'no-such',
      fileName: file,
      bytes,
      actor: 'user:analyst',
    });
    expect(nowhere.ok).toBe(false);
  });

  it('suggests the party across scripts and keeps the commission’s decisions, logged', async () => {
    const list = await advertisersToMatch(t.ctx, E);
    const alpha = list.find((a) => a.pageId === ALPHA_PAGE)!;
    expect(alpha.suggestions[0]).toMatchObject({ party: PARTY_A.registrationNumber, basis: 'name' });
    // Latin "Partiya Alfa" in the disclaimer of a page with another name.
    const fans = list.find((a) => a.pageId === SUPPORTER_PAGE)!;
    expect(fans.suggestions[0]).toMatchObject({ party: PARTY_A.registrationNumber, basis: 'disclaimer' });
    expect(list.find((a) => a.pageId === STRANGER_PAGE)!.suggestions).toEqual([]);

    const decide = (
      key: string,
      kind: 'own' | 'supporter',
      status: 'confirmed' | 'rejected',
      party = PARTY_A.registrationNumber,
    ) => decideLink(t.ctx, { electionId: E, key, party, kind, status, actor: 'user:analyst' });
    expect((await decide(alpha.key, 'own', 'confirmed')).ok).toBe(true);
    expect((await decide(fans.key, 'supporter', 'confirmed')).ok).toBe(true);
    expect((await decide(fans.key, 'own', 'rejected', PARTY_B.registrationNumber)).ok).toBe(true);
    expect((await decide('meta:id:999', 'own', 'confirmed')).ok).toBe(false);
    expect((await decide(alpha.key, 'own', 'confirmed', 'NOPE')).ok).toBe(false);
    const log = await activityFor(t.ctx.db, 'ad_link', `${E}/${alpha.key}/${PARTY_A.registrationNumber}`);
    expect(log.map((l) => l.action)).toEqual(['ads.link_confirmed']);
    expect((await advertisersToMatch(t.ctx, E)).find((a) => a.key === fans.key)!.suggestions).toEqual([]);
  });

  it('compares the campaign’s spend with the declaration and stores the findings', async () => {
    const o = (await adsOverview(t.ctx, E))!;
    const a = o.comparison.parties.find((p) => p.party === PARTY_A.registrationNumber)!;
    // 4126 − 1000 USD during the campaign at 80.0000 som (3 October): 250 080 som, 80 som over 250 000.
    expect(a.own).toMatchObject({ min: 25_008_000, max: 25_008_000 });
    expect(a.own.rates).toEqual([{ date: '2030-10-03', currency: 'USD', rate: '80.0000' }]);
    expect(a.declared).toBe(25_000_000);
    expect(a.supporter).toMatchObject({ min: 0, max: 800_000 });
    const findings = await findingsOfElection(t.ctx.db, E);
    const undeclared = findings.find((f) => f.rule === 'ads.undeclared_spend')!;
    expect(undeclared).toMatchObject({ party: PARTY_A.registrationNumber, excess: 8_000, status: 'open' });
    expect(undeclared.evidence.rates).toEqual(a.own.rates);
    expect(findings.filter((f) => f.rule === 'ads.third_party_spend').map((f) => f.party)).toEqual([
      PARTY_A.registrationNumber,
    ]);
    expect(findings.filter((f) => f.rule === 'ads.unlinked_advertiser' && f.status === 'open')).toHaveLength(1);
    expect(o.timeline.map((x) => x.day)).toEqual(['2030-10-02', '2030-10-03']);

    // A correction of the rate brings the figure to the declaration: the finding is resolved, not deleted.
    await importRates(t.ctx, Buffer.from('date,currency,rate\n2030-10-03,USD,79.9744\n'), 'user:analyst');
    const after = await findingsOfElection(t.ctx.db, E);
    expect(after.find((f) => f.id === undeclared.id)?.status).toBe('resolved');
  });
});
