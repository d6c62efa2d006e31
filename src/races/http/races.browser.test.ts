// The races' pages in Chromium on a phone 390 pixels wide: nothing wider than the screen (a wide table
// scrolls in its own box), and no serious accessibility violation, in every language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../../../test/support/browser.ts';
import { RACE_ELECTION } from '../races.test-support.ts';
import { startRaceServer, type RaceServer } from '../race-server.test-support.ts';

const E = RACE_ELECTION.id;

describe.skipIf(!hasChromium)('the races’ pages on a phone', () => {
  let server: RaceServer | undefined;
  let url = '';
  let browser: Browser;
  let phone: Page;
  beforeAll(async () => {
    server = await startRaceServer();
    url = server.url;
    browser = await launchBrowser();
    phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** axe on the HTML the page shows now, in a context that lets axe's inline script run. */
  async function noSeriousViolations(p: Page) {
    const html = await p.content();
    const address = p.url().split('#')[0] ?? '';
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const checker = await context.newPage();
    await checker.route(
      (u) => u.href === address,
      (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await checker.goto(address);
    const violations = await seriousViolations(checker);
    await context.close();
    expect(violations, `${address}: ${JSON.stringify(violations)}`).toEqual([]);
  }

  it('fits the list and a district on the screen, accessibly, in every language', async () => {
    for (const path of [
      `/ky/elections/${E}/races`,
      `/ru/elections/${E}/races?kind=constituency`,
      `/en/elections/${E}/races/01`,
      `/ky/elections/${E}/races/03`,
    ]) {
      const res = await phone.goto(`${url}${path}`);
      expect(res?.status(), path).toBe(200);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
      await noSeriousViolations(phone);
    }
  });
});
