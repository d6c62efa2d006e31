// Filing a finance report in Chromium, with JavaScript off: a treasurer signs in, starts a draft, fills
// in the header, adds lines, uploads a scan, is told which line is wrong, fixes it and submits; an
// anonymous visitor sees the itemised report at once; the treasurer amends it; the visitor sees both
// versions and the diff between them. No serious or critical accessibility violation on any page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startFilingDemoServer, pdfWithText, type FilingDemoServer } from '../../src/filings/filing.test-support.ts';
import { ensureUser, TEST_PASSWORD } from '../../src/accounts/test-support.ts';
import { PARTIES_2021_NEW } from '../../src/demo/parties-2020.ts';
import { registerParty } from '../../src/parties/index.ts';
import type { Party } from '../../src/domain/election.ts';

const ELECTION = 'kg-2021-parliament';
/**
 * A party registered here for 2021, so that the report filed here is its first: every party of the
 * demo has filed its 2021 reports already.
 */
const PARTY = 'BR-2021-7';
const BROWSER_PARTY: Party = {
  ...structuredClone(PARTIES_2021_NEW[0]!),
  registrationNumber: PARTY,
  name: { ky: 'Браузер партиясы', ru: 'Партия «Браузер»', en: 'Browser Party' },
  shortName: { ky: 'Браузер', ru: 'Браузер', en: 'Browser' },
};
const PIN = '21204198800017';
const ADDRESS = 'г. Бишкек, ул. Тестовая, д. 5, кв. 12';

describe.skipIf(!hasChromium)('filing a finance report in Chromium', () => {
  let server: FilingDemoServer;
  let browser: Browser;
  let treasurerContext: BrowserContext;
  let treasurer: Page;
  let visitor: Page;

  beforeAll(async () => {
    server = await startFilingDemoServer();
    const registered = await registerParty(
      server.ctx,
      { electionId: ELECTION, party: BROWSER_PARTY, ballotNumber: null },
      'test',
    );
    if (!registered.ok) throw new Error(JSON.stringify(registered.error));
    await ensureUser(server.ctx, 'party_treasurer', {
      party: PARTY,
      login: 'browser-treasurer',
      displayName: 'Browser Treasurer',
    });
    browser = await launchBrowser();
    treasurerContext = await browser.newContext({ javaScriptEnabled: false });
    treasurer = await treasurerContext.newPage();
    visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * axe needs script: it runs in a script-enabled context holding the same cookies, allowed past the
   * pages' Content-Security-Policy (which rightly forbids inline script) to inject itself.
   */
  async function expectAccessible(p: Page) {
    const ctx = await browser.newContext({ bypassCSP: true });
    await ctx.addCookies(await p.context().cookies());
    const checker = await ctx.newPage();
    await checker.goto(p.url());
    const violations = await seriousViolations(checker);
    await ctx.close();
    expect(violations, `${p.url()}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  const main = (p: Page) => p.locator('main').innerText();

  it('files, amends and shows the diff, to the treasurer and to anyone', async () => {
    const url = server.url;
    // ---- the treasurer signs in and starts a draft
    await treasurer.goto(`${url}/en/treasurer`);
    await expect.poll(() => treasurer.url()).toContain('/en/account/login');
    await treasurer.fill('#f-login', 'browser-treasurer');
    await treasurer.fill('#f-password', TEST_PASSWORD);
    await treasurer.press('#f-password', 'Enter');
    await expect.poll(() => treasurer.url()).toMatch(/\/en\/treasurer$/);
    await expectAccessible(treasurer);

    await treasurer.selectOption('#f-new-electionId', ELECTION);
    await treasurer.selectOption('#f-new-reportKind', 'first');
    await treasurer.fill('#f-new-periodFrom', '2021-10-29');
    await treasurer.fill('#f-new-periodTo', '2021-11-17');
    await treasurer.getByRole('button', { name: 'Create the draft' }).click();
    await expect.poll(() => treasurer.url()).toMatch(/\/en\/treasurer\/drafts\/\d+\?done=created$/);
    expect(await main(treasurer)).toContain('“Bank” must not be empty.');

    // ---- header, lines, a scan
    await treasurer.fill('#f-header-bank', 'ОАО «Айыл Банк»');
    await treasurer.fill('#f-header-accountNumber', '1240000012345678');
    await treasurer.fill('#f-header-openingBalance', '0');
    await treasurer.fill('#f-header-closingBalance', '30 000');
    await treasurer.fill('#f-header-signerName', 'Browser Treasurer');
    await treasurer.fill('#f-header-signerPosition', 'Treasurer');
    await treasurer.getByRole('button', { name: 'Save the header' }).click();
    await expect.poll(() => treasurer.url()).toContain('done=header');

    await treasurer.locator('summary', { hasText: 'Add a receipt' }).click();
    await treasurer.fill('#f-receipts-date', '2021-11-01');
    await treasurer.selectOption('#f-receipts-donorType', 'individual');
    await treasurer.fill('#f-receipts-donorName', 'Synthetic Donor Browser');
    await treasurer.fill('#f-receipts-donorPin', PIN);
    await treasurer.fill('#f-receipts-donorAddress', ADDRESS);
    await treasurer.fill('#f-receipts-amount', '50 000');
    await treasurer.selectOption('#f-receipts-channel', 'bank_transfer');
    await treasurer.fill('#f-receipts-bankReference', 'PP-B-1');
    await treasurer.locator('#form-receipts button[type=submit]').click();
    await expect.poll(() => treasurer.url()).toContain('done=lineAdded');

    // An expenditure dated after the period: taken into the draft, named by the check.
    await treasurer.locator('summary', { hasText: 'Add an expenditure' }).click();
    await treasurer.fill('#f-expenditures-date', '2021-12-01');
    await treasurer.selectOption('#f-expenditures-category', 'advertising_online');
    await treasurer.fill('#f-expenditures-payeeName', 'Synthetic Media LLC');
    await treasurer.fill('#f-expenditures-amount', '20000');
    await treasurer.fill('#f-expenditures-documentNumber', 'INV-B-1');
    await treasurer.fill('#f-expenditures-description', 'Online advertising');
    await treasurer.locator('#form-expenditures button[type=submit]').click();
    await expect.poll(() => treasurer.url()).toContain('done=lineAdded');

    await treasurer.setInputFiles('#f-scan-file', {
      name: 'statement.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfWithText(['SYNTHETIC', 'Browser statement PP-B-1']),
    });
    await treasurer.locator('#form-scan button[type=submit]').click();
    await expect.poll(() => treasurer.url()).toContain('done=scanAdded');
    expect(await main(treasurer)).toContain('statement.pdf');
    await expectAccessible(treasurer);

    // ---- submitting is refused, naming the line; the line is fixed; it goes through
    await treasurer.getByRole('button', { name: 'Submit the report' }).click();
    const summary = treasurer.locator('.error-summary');
    await expect
      .poll(() => summary.innerText())
      .toContain(
        'Expenditures, line 1 (E-1): The date 2021-12-01 is outside the report period 2021-10-29 – 2021-11-17.',
      );
    await expectAccessible(treasurer);
    await summary.getByRole('link').first().click();
    await treasurer.getByRole('link', { name: 'Edit E-1' }).click();
    await expect.poll(() => treasurer.url()).toMatch(/\/lines\/expenditures\/0$/);
    await expectAccessible(treasurer);
    await treasurer.fill('#f-line-date', '2021-11-10');
    await treasurer.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => treasurer.url()).toContain('done=lineSaved');
    expect(await main(treasurer)).toContain('No errors: the report can be submitted.');
    await treasurer.getByRole('button', { name: 'Submit the report' }).click();
    await expect.poll(() => treasurer.url()).toMatch(/\/en\/reports\/\d+$/);
    const v1Url = treasurer.url();

    // ---- an anonymous visitor sees it at once, itemised, without the PIN or the address
    await visitor.goto(`${url}/en/elections/${ELECTION}/parties/${PARTY}/reports`);
    await expectAccessible(visitor);
    await visitor.getByRole('link', { name: 'First report' }).click();
    await expect.poll(() => visitor.url()).toBe(v1Url);
    const report = await main(visitor);
    expect(report).toContain('Synthetic Donor Browser');
    expect(report).toContain('Synthetic Media LLC');
    expect(report).toContain('50,000.00 KGS');
    expect(await visitor.content()).not.toContain(PIN);
    expect(await visitor.content()).not.toContain(ADDRESS);
    expect(await visitor.locator('iframe[title="Document: statement.pdf"]').count()).toBe(1);
    await expectAccessible(visitor);

    // ---- the treasurer amends it
    await treasurer.goto(`${url}/en/treasurer`);
    await treasurer.getByRole('button', { name: 'Amend version 1' }).click();
    await expect.poll(() => treasurer.url()).toMatch(/\/en\/treasurer\/drafts\/\d+\?done=amend$/);
    await treasurer.getByRole('link', { name: 'Edit R-1' }).click();
    await treasurer.fill('#f-line-amount', '60 000');
    await treasurer.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => treasurer.url()).toContain('done=lineSaved');
    await treasurer.fill('#f-header-closingBalance', '40000');
    await treasurer.getByRole('button', { name: 'Save the header' }).click();
    await expect.poll(() => treasurer.url()).toContain('done=header');
    await treasurer.getByRole('button', { name: 'Submit the report' }).click();
    await expect.poll(() => treasurer.url()).toMatch(/\/en\/reports\/\d+$/);
    expect(treasurer.url()).not.toBe(v1Url);

    // ---- the visitor sees both versions and the diff
    await visitor.goto(`${url}/en/elections/${ELECTION}/parties/${PARTY}/reports`);
    const list = await main(visitor);
    expect(list).toContain('version 1');
    expect(list).toContain('version 2');
    await visitor.getByRole('link', { name: 'version 2' }).click();
    await visitor.getByRole('link', { name: 'Compare with version 1' }).click();
    await expect.poll(() => visitor.url()).toContain('?diff=');
    const diff = await visitor.locator('section[aria-labelledby=diff]').innerText();
    expect(diff).toContain('Changes from version 1 to version 2');
    expect(diff).toContain('50,000.00 KGS');
    expect(diff).toContain('60,000.00 KGS');
    await expectAccessible(visitor);
    await visitor.goto(v1Url);
    expect(await main(visitor)).toContain('This is an earlier version: the report has been amended.');

    await visitor.goto(`${url}/en/reports/search?q=Browser`);
    expect(await main(visitor)).toContain('Synthetic Donor Browser');
    await expectAccessible(visitor);
  }, 240_000);
});
