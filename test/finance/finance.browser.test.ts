// The finance pages in a real browser, with JavaScript off as a voter on an old phone might have it:
// filters submit as plain GET forms, sort and next-page links work, and axe-core finds no serious or
// critical accessibility violation on any of the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { openTestDatabase } from '../support/databases.ts';
import { ALA, BEK, FIN_ELECTION, FIN_NOW, loadFinanceFixture } from './finance-fixture.ts';
import { startFinanceServer, type FinanceTestServer } from './finance-server.ts';

describe.skipIf(!hasChromium)('finance pages in Chromium', () => {
  let server: FinanceTestServer;
  let close: () => Promise<void>;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const t = await openTestDatabase('sqlite');
    close = t.close;
    await loadFinanceFixture(t.db);
    server = await startFinanceServer(t.db, () => FIN_NOW);
    url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await close?.();
  });

  async function expectAccessible(p: Page) {
    // axe needs script; it runs in a second, script-enabled page on the same URL, let past the CSP.
    const ctx = await browser.newContext({ bypassCSP: true });
    const checker = await ctx.newPage();
    await checker.goto(p.url());
    const violations = await seriousViolations(checker);
    await ctx.close();
    expect(violations, `${p.url()}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  it('walks election finance → party finance → receipts (filter, sort, next page) → expenditures', async () => {
    await page.goto(`${url}/ru/elections/${FIN_ELECTION.id}/finance`);
    expect(await page.locator('h1').innerText()).toContain('Избирательные фонды партий');
    await expectAccessible(page);

    await page.getByRole('link', { name: BEK.shortName.ru, exact: true }).first().click();
    await expect.poll(() => page.url()).toContain(`/parties/${encodeURIComponent(BEK.registrationNumber)}/finance`);
    expect(await page.locator('main').innerText()).toMatch(/Подан с опозданием на 1\sдень/);
    await expectAccessible(page);

    await page.goto(`${url}/en/elections/${FIN_ELECTION.id}/parties/${ALA.registrationNumber}/finance`);
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Receipts: Ala-Too/ }).click();
    await expect.poll(() => page.url()).toContain('/receipts?party=F-001');
    await page.selectOption('select[name=type]', 'individual');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.url()).toContain('type=individual');
    await page.getByRole('link', { name: /^Amount/ }).click();
    await expect.poll(() => page.url()).toContain('sort=amount');
    const firstPage = await page.locator('tbody tr').count();
    expect(firstPage).toBe(50);
    await page.getByRole('link', { name: /Next page/ }).click();
    await expect.poll(() => page.url()).toContain('cursor=');
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.locator('main input[name=q]').fill('Zheenbekov');
    await page.selectOption('select[name=party]', '');
    await page.selectOption('select[name=type]', '');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.url()).toContain('q=Zheenbekov');
    expect(await page.locator('tbody tr').count()).toBe(4);

    await page.goto(`${url}/ky/elections/${FIN_ELECTION.id}/expenditures`);
    await page.selectOption('select[name=category]', 'group:advertising');
    await page.getByRole('button', { name: 'Көрсөтүү' }).click();
    await expect.poll(() => page.url()).toContain('category=group');
    await expectAccessible(page);
  }, 180_000);
});
