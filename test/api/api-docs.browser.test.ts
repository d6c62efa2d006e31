// The API docs page in a real browser: it renders under the site's CSP with nothing blocked and
// has no serious or critical accessibility violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';

describe.skipIf(!hasChromium)('API docs page in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads nothing blocked and is accessible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    // A CSP refusal shows as a console error; the browser's own favicon probe is not the page's doing.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) blocked.push(m.text());
    });
    page.on('requestfailed', (r) => blocked.push(r.url()));
    const res = await page.goto(`${server.url}/api/docs`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain('Talapker public API');
    expect(await page.locator('section.op').count()).toBeGreaterThanOrEqual(12);
    expect(blocked).toEqual([]);
    await context.close();
    // axe is injected as an inline script, which the CSP rightly refuses; a second context lets it in.
    const axeContext = await browser.newContext({ bypassCSP: true });
    const checker = await axeContext.newPage();
    await checker.goto(`${server.url}/api/docs`);
    const violations = await seriousViolations(checker);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await axeContext.close();
    // axe on a page with a hundred tables takes a while on a slow machine.
  }, 90_000);
});
