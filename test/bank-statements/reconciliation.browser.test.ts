// In Chromium, over the whole demo: the commission signs in and sees the planted unreported donation on
// the reconciliation screen, with the bank side as evidence; withdrawn from publication, the donation
// is not on the public party page; published again from the screen, it is — beside the bank's figures
// and the balance chart. A bank officer's refused upload is explained in Russian, by line. No serious
// accessibility violation on any of these pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { ensureUser, TEST_PASSWORD } from '../../src/accounts/test-support.ts';
import { ELECTION_2020 } from '../../src/demo/elections.ts';
import { PARTIES_2020 } from '../../src/demo/parties-2020.ts';
import { PLANTED_BANK, UNREPORTED_DONATION, DEMO_BANK_CODES } from '../../src/bank-statements/statement-demo.ts';
import { startBankDemoServer, type BankDemoServer } from './bank-demo-server.ts';

const party = PARTIES_2020[PLANTED_BANK.unreportedDonation - 1]!;
const RECONCILIATION = `/en/commission/elections/${ELECTION_2020.id}/reconciliation`;
const PARTY_PAGE = `/en/elections/${ELECTION_2020.id}/parties/${encodeURIComponent(party.registrationNumber)}`;

describe.skipIf(!hasChromium)('bank reconciliation in Chromium', () => {
  let server: BankDemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  const pageErrors: string[] = [];

  async function signIn(p: Page, login: string, next: string) {
    await p.goto(`${server.url}/en/account/login?next=${encodeURIComponent(next)}`);
    await p.getByLabel('Login').fill(login);
    await p.getByLabel('Password').fill(TEST_PASSWORD);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL((u) => u.pathname === next.split('?')[0]);
  }

  /** axe on the page as it is now (signed-in pages included); the checker alone bypasses the CSP. */
  async function expectAccessible(p: Page) {
    const html = await p.content();
    const checking = await browser.newContext({ bypassCSP: true });
    const checker = await checking.newPage();
    await checker.route('**/*', (route) =>
      route.request().url() === `${server.url}/axe-snapshot`
        ? route.fulfill({ contentType: 'text/html', body: html })
        : route.continue(),
    );
    await checker.goto(`${server.url}/axe-snapshot`);
    const violations = await seriousViolations(checker);
    await checking.close();
    expect(violations, `${p.url()}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  beforeAll(async () => {
    server = await startBankDemoServer();
    await ensureUser(server.ctx, 'commission_admin', { login: 'recon-admin' });
    await ensureUser(server.ctx, 'bank_officer', { login: 'rsk-officer', bank: DEMO_BANK_CODES['ОАО «РСК Банк»']! });
    dir = mkdtempSync(join(tmpdir(), 'talapker-bank-upload-'));
    browser = await launchBrowser();
    context = await browser.newContext();
    context.on('page', (p) => {
      p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
      p.on('response', (r) => void (r.status() >= 500 && pageErrors.push(`${r.status()} ${r.url()}`)));
    });
    page = await context.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the planted unreported donation on the commission’s reconciliation screen', async () => {
    await signIn(page, 'recon-admin', RECONCILIATION);
    const section = page.locator(`section[data-party="${party.registrationNumber}"]`);
    await expect.poll(() => section.locator('tr[data-kind="unreported"]').count()).toBe(1);
    const row = await section.locator('tr[data-kind="unreported"]').innerText();
    expect(row).toContain('In the bank, in no report');
    expect(row).toContain(UNREPORTED_DONATION.name);
    expect(row).toContain('175,000.00 KGS');
    // Every other finding of the demo is one of the planted ones.
    const kinds = await page
      .locator('table.findings tr[data-kind]:not([data-kind="matched"])')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds.sort()).toEqual(['amount_mismatch', 'cash', 'unreported', 'unsupported']);
    await expectAccessible(page);
  }, 60_000);

  it('publishes the unreported list from the screen, and only then the public party page shows it', async () => {
    await page.goto(`${server.url}${RECONCILIATION}`);
    // The demo published it; withdraw it first.
    if (await page.getByRole('button', { name: 'Withdraw from publication' }).count()) {
      await page.getByRole('button', { name: 'Withdraw from publication' }).click();
      await expect.poll(() => page.locator('[data-published]').getAttribute('data-published')).toBe('0');
    }
    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${server.url}${PARTY_PAGE}?step=hidden`);
    expect(await publicPage.locator('#bank-figures').innerText()).toBe('What the bank reported');
    expect(await publicPage.locator('[data-unreported="hidden"]').count()).toBe(1);
    expect(await publicPage.locator('main').innerText()).not.toContain(UNREPORTED_DONATION.name);

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.locator('[data-published]').getAttribute('data-published')).toBe('1');
    await publicPage.goto(`${server.url}${PARTY_PAGE}?step=published`);
    const list = publicPage.locator('table[data-unreported="list"]');
    expect(await list.innerText()).toContain(UNREPORTED_DONATION.name);
    // Beside the reported totals: what the bank received, and the difference is the donation.
    const figures = await publicPage.locator('section.bank-figures table').first().innerText();
    expect(figures).toContain('175,000.00 KGS');
    expect(await publicPage.locator('section.bank-figures svg[role="img"]').count()).toBe(1);
    expect(await publicPage.locator('main').innerText()).not.toContain(UNREPORTED_DONATION.pin);
    await expectAccessible(publicPage);
    await visitor.close();
  }, 60_000);

  it('explains a refused upload to a bank officer in Russian, by line, and keeps the pages accessible', async () => {
    const officerContext = await browser.newContext();
    const officer = await officerContext.newPage();
    await signIn(officer, 'rsk-officer', '/ru/bank/statements');
    await expectAccessible(officer);
    const file = join(dir, 'broken.sta');
    writeFileSync(
      file,
      ':20:X\r\n:25:1251387750202091\r\n:28C:7\r\n:60F:C201016KGS0,00\r\n:61:NOT A LINE\r\n:62F:C201022KGS0,00\r\n-\r\n',
    );
    await officer.locator('#f-statement').setInputFiles(file);
    await officer.getByRole('button', { name: 'Загрузить' }).click();
    await expect
      .poll(() => officer.locator('.error-summary').innerText())
      .toContain('Файл не принят; ничего не сохранено.');
    expect(await officer.locator('.error-summary').innerText()).toContain('строка 5');
    await expectAccessible(officer);
    await officerContext.close();

    await page.goto(`${server.url}/en/commission/accounts`);
    expect(await page.locator('main table').innerText()).toContain(ELECTION_2020.id);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
