// The demo's ad page in Chromium, reached from the election page by its link, in each language: the
// party table with the declared figure and the difference, the chart as one labelled image with its
// table, the source files; no serious accessibility violation, with JavaScript off as a voter may have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../../test/support/browser.ts';
import { startDemoServer, type DemoServer } from '../../test/support/demo-server.ts';

const E = 'kg-2020-parliament';

describe.skipIf(!hasChromium)('the ad page in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    page = await context.newPage();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectAccessible(url: string) {
    // axe needs script; it runs in a second page on the same URL.
    const ctx = await browser.newContext({ bypassCSP: true });
    const checker = await ctx.newPage();
    await checker.goto(url);
    const violations = await seriousViolations(checker);
    await ctx.close();
    expect(violations, `${url}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  it('is linked from the election page and readable in every language', async () => {
    for (const l of ['ky', 'ru', 'en'] as const) {
      await page.goto(`${server.url}/${l}/elections/${E}`);
      await page.locator(`a[href="/${l}/elections/${E}/ads"]`).click();
      await expect.poll(() => page.url()).toMatch(new RegExp(`/${l}/elections/${E}/ads$`));
      const main = await page.locator('main').innerText();
      expect(main).toContain('FacebookAdLibraryReport_2020-10-03_KG_lifetime_advertisers.csv');
      expect(await page.locator('svg[role=img]').count()).toBe(1);
      expect(
        await page
          .locator('#ads-by-party ~ .table-wrap tbody tr, section[aria-labelledby=ads-by-party] tbody tr')
          .count(),
      ).toBeGreaterThan(3);
      expect(await page.locator('section[aria-labelledby=ads-by-party] strong').count()).toBe(1);
      await expectAccessible(page.url());
    }
  });
});
