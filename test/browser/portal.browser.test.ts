// A voter's path through the portal in a real browser: home → election → party → candidate →
// search → language switch, with no serious or critical accessibility violation on any page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';

describe.skipIf(!hasChromium)('portal in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    // A phone-sized screen, JavaScript off: the pages must work without it.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
      locale: 'ky-KG',
    });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectAccessible(p: Page) {
    // axe needs script (inline, so past the CSP); it runs in a second page on the same URL.
    const ctx = await browser.newContext({ bypassCSP: true });
    const checker = await ctx.newPage();
    await checker.goto(p.url());
    const violations = await seriousViolations(checker);
    await ctx.close();
    expect(violations, `${p.url()}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  it('walks home → election → party → candidate → search → language switch', async () => {
    await page.goto(`${server.url}/`);
    expect(page.url()).toMatch(/\/ky\/$/);
    await expectAccessible(page);

    await page.goto(`${server.url}/ru/`);
    await page.getByRole('link', { name: /2020/ }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/ru\/elections\/kg-2020-parliament$/);
    const rows = page.locator('#ballot ~ .table-wrap table tbody tr');
    expect(await rows.count()).toBe(17);
    expect(await rows.nth(0).innerText()).toContain('Биримдик');
    expect(await rows.nth(15).innerText()).toMatch(/Чоң|Чон/);
    expect(await rows.nth(16).innerText()).toContain('Против всех');
    await expectAccessible(page);

    await rows.nth(5).getByRole('link').click();
    await expect.poll(() => page.url()).toMatch(/\/parties\//);
    expect(await page.locator('h1').innerText()).toContain('Ата Мекен');
    await expectAccessible(page);

    await page.selectOption('select[name=sex]', 'female');
    await page.getByRole('button', { name: 'Показать' }).click();
    await expect.poll(() => page.url()).toContain('sex=female');
    const listRows = page.locator('#list ~ .table-wrap tbody tr, section[aria-labelledby=list] tbody tr');
    const femaleCount = await listRows.count();
    expect(femaleCount).toBeGreaterThan(10);

    await page.locator('section[aria-labelledby=list] tbody tr a').first().click();
    await expect.poll(() => page.url()).toMatch(/\/ru\/candidates\/\d+$/);
    await expectAccessible(page);

    // The search box of the page's header, there on every page (here the candidate's).
    const header = page.getByRole('search', { name: 'Поиск партий, кандидатов, жертвователей и программ' });
    await header.getByRole('searchbox').fill('Birimdik');
    await header.getByRole('button').click();
    await expect.poll(() => page.url()).toContain('/ru/search?q=Birimdik');
    expect(await page.locator('main').innerText()).toContain('Биримдик');

    await page.goto(`${server.url}/ru/search`);
    await page.locator('main').getByRole('searchbox').fill('Shaildabekova');
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => page.url()).toContain('q=Shaildabekova');
    expect(await page.locator('main').innerText()).toContain('Шайлдабекова');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.url()).toMatch(/\/en\/search\?q=Shaildabekova/);
    expect(await page.locator('h1').innerText()).toBe('Search');
    expect(await page.locator('main').innerText()).toMatch(/Shaildabekova|Shayldabekova/);
  }, 120_000);
});
