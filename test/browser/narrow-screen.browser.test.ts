// Every public page fits a phone: at a 390 px wide viewport no page scrolls sideways as a whole, in
// ky, ru and en (wide tables scroll inside their own box). The pages are those of the public
// snapshots' list, which covers every kind of public page in the three languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';

const PAGES = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'snapshots', 'public-pages.json'), 'utf8'),
) as string[];
const WIDTH = 390;

describe.skipIf(!hasChromium)('public pages on a 390 px screen', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 }, javaScriptEnabled: false });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no page wider than the screen', async () => {
    expect(PAGES.length).toBeGreaterThan(100);
    const wide: string[] = [];
    for (const url of PAGES) {
      const res = await page.goto(`${server.url}${url}`);
      if (!res || res.status() >= 500) {
        wide.push(`${url}: answered ${res?.status()}`);
        continue;
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > WIDTH) {
        // Name the widest element that is not inside a box of its own that scrolls, to say what to fix.
        const culprit = await page.evaluate((w) => {
          let worst = '';
          let worstRight = w;
          for (const el of Array.from(document.body.querySelectorAll('*'))) {
            const right = el.getBoundingClientRect().right;
            if (right <= worstRight) continue;
            let scrolls = false;
            for (let p = el.parentElement; p; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if (o === 'auto' || o === 'scroll' || o === 'hidden') scrolls = true;
            }
            if (scrolls) continue;
            worstRight = right;
            worst = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
          }
          return worst;
        }, WIDTH);
        wide.push(`${url}: ${width} px (${culprit})`);
      }
    }
    expect(wide).toEqual([]);
  }, 600_000);
});
