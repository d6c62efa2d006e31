// A single-mandate candidate's treasurer files the fund's report in Chromium with JavaScript off, and the
// district's page then shows the candidate's totals beside the other candidates', on a phone 390 pixels
// wide, with no serious accessibility violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { RACE_ELECTION } from '../../src/races/races.test-support.ts';
import { startRaceServer, type RaceServer } from '../../src/races/race-server.test-support.ts';
import { listCandidateFunds } from '../../src/races/index.ts';
import { ensureUser, TEST_PASSWORD } from '../../src/accounts/test-support.ts';

const E = RACE_ELECTION.id;

describe.skipIf(!hasChromium)('a candidate fund’s report filed in Chromium', () => {
  let server: RaceServer | undefined;
  let url = '';
  let browser: Browser;
  let treasurer: Page;
  let phone: Page;
  let fund = '';
  beforeAll(async () => {
    server = await startRaceServer(async (ctx) => {
      const toktogulova = (await listCandidateFunds(ctx.db, { electionId: E })).find(
        (f) => f.lastName === 'Токтогулова',
      );
      fund = toktogulova?.fundNumber ?? '';
      await ensureUser(ctx, 'party_treasurer', { party: fund, login: 'fund-treasurer', displayName: 'Fund Treasurer' });
    });
    url = server.url;
    browser = await launchBrowser();
    treasurer = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** axe on the page as the user sees it, in a context that lets axe's script run and holds their cookies. */
  async function expectAccessible(p: Page) {
    const context = await browser.newContext({ bypassCSP: true, viewport: p.viewportSize() ?? undefined });
    await context.addCookies(await p.context().cookies());
    const checker = await context.newPage();
    await checker.goto(p.url());
    const violations = await seriousViolations(checker);
    await context.close();
    expect(violations, `${p.url()}: ${JSON.stringify(violations)}`).toEqual([]);
  }

  it('files the fund’s first report and shows it beside the other candidates', async () => {
    expect(fund).toMatch(/^FUND-/);
    await treasurer.goto(`${url}/en/treasurer`);
    await expect.poll(() => treasurer.url()).toContain('/en/account/login');
    await treasurer.fill('#f-login', 'fund-treasurer');
    await treasurer.fill('#f-password', TEST_PASSWORD);
    await treasurer.press('#f-password', 'Enter');
    await expect.poll(() => treasurer.url()).toMatch(/\/en\/treasurer$/);
    expect(await treasurer.locator('main').innerText()).toContain('Electoral fund of Токтогулова Айгүл');
    await expectAccessible(treasurer);

    await treasurer.selectOption('#f-new-electionId', E);
    await treasurer.selectOption('#f-new-reportKind', 'initial');
    await treasurer.fill('#f-new-periodFrom', '2031-10-28');
    await treasurer.fill('#f-new-periodTo', '2031-10-31');
    await treasurer.getByRole('button', { name: 'Create the draft' }).click();
    await expect.poll(() => treasurer.url()).toMatch(/\/en\/treasurer\/drafts\/\d+\?done=created$/);

    await treasurer.fill('#f-header-bank', 'ОАО «Айыл Банк»');
    await treasurer.fill('#f-header-accountNumber', '1240000012345670');
    await treasurer.fill('#f-header-openingBalance', '0');
    await treasurer.fill('#f-header-closingBalance', '63 000');
    await treasurer.fill('#f-header-signerName', 'Fund Treasurer');
    await treasurer.fill('#f-header-signerPosition', 'Treasurer');
    await treasurer.getByRole('button', { name: 'Save the header' }).click();
    await expect.poll(() => treasurer.url()).toContain('done=header');

    await treasurer.locator('summary', { hasText: 'Add a receipt' }).click();
    await treasurer.fill('#f-receipts-date', '2031-10-28');
    await treasurer.selectOption('#f-receipts-donorType', 'candidate_own_funds');
    await treasurer.fill('#f-receipts-donorName', 'Токтогулова Айгүл');
    await treasurer.fill('#f-receipts-amount', '75 000');
    await treasurer.selectOption('#f-receipts-channel', 'bank_transfer');
    await treasurer.fill('#f-receipts-bankReference', 'PP-F-1');
    await treasurer.locator('#form-receipts button[type=submit]').click();
    await expect.poll(() => treasurer.url()).toContain('done=lineAdded');

    await treasurer.locator('summary', { hasText: 'Add an expenditure' }).click();
    await treasurer.fill('#f-expenditures-date', '2031-10-30');
    await treasurer.selectOption('#f-expenditures-category', 'advertising_online');
    await treasurer.fill('#f-expenditures-payeeName', 'Synthetic Media LLC');
    await treasurer.fill('#f-expenditures-amount', '12000');
    await treasurer.fill('#f-expenditures-documentNumber', 'INV-F-1');
    await treasurer.fill('#f-expenditures-description', 'Online advertising');
    await treasurer.locator('#form-expenditures button[type=submit]').click();
    await expect.poll(() => treasurer.url()).toContain('done=lineAdded');
    expect(await treasurer.locator('main').innerText()).toContain('No errors: the report can be submitted.');
    await expectAccessible(treasurer);
    await treasurer.getByRole('button', { name: 'Submit the report' }).click();
    await expect.poll(() => treasurer.url()).toMatch(/\/en\/reports\/\d+$/);

    // ---- anyone, on a phone: the district's candidates with their funds' money side by side
    for (const l of ['en', 'ru', 'ky'] as const) {
      const res = await phone.goto(`${url}/${l}/elections/${E}/races/01`);
      expect(res?.status()).toBe(200);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width, l).toBeLessThanOrEqual(390);
      await expectAccessible(phone);
    }
    await phone.goto(`${url}/en/elections/${E}/races/01`);
    const rows = await phone.locator('section[aria-labelledby=candidate-funds] tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      `Токтогулова Айгүл Fund number: ${fund} 75,000.00 KGS 12,000.00 KGS`,
      expect.stringMatching(/^Асанов Бакыт Маратович Fund number: FUND-[0-9A-F]{12} No report yet —$/),
      expect.stringMatching(/^Беков Нурлан Fund number: FUND-[0-9A-F]{12} No report yet —$/),
    ]);
    // The name leads to the fund's reports, where the report filed above is listed.
    await phone.getByRole('link', { name: 'Токтогулова Айгүл' }).click();
    await expect.poll(() => phone.url()).toContain(`/parties/${fund}/reports`);
    expect(await phone.locator('main').innerText()).toContain('Electoral fund of Токтогулова Айгүл');
  });
});
