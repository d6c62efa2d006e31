// The registers of gifts in kind and of loans in a real browser, with a filed v2 report on them: on a
// 390 px screen neither page scrolls sideways as a whole (the table scrolls in its own box), and axe-core
// finds no serious or critical accessibility violation, in ky, ru and en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { hasChromium, launchBrowser, seriousViolations } from '../../../test/support/browser.ts';
import { openTestDatabase } from '../../../test/support/databases.ts';
import { bearerAs } from '../../accounts/test-support.ts';
import {
  buildFilingPortal,
  FILING_ELECTION,
  filingTestContext,
  PARTY_A,
  setupFilingElection,
  type FilingTestContext,
} from '../../filings/filing.test-support.ts';
import { GIFT, v2Report } from '../../../test/finance/v2-report.ts';

const WIDTH = 390;

describe.skipIf(!hasChromium)('registers of gifts in kind and loans in Chromium', () => {
  let t: FilingTestContext;
  let closeDb: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const db = await openTestDatabase('sqlite');
    closeDb = db.close;
    t = filingTestContext(db.db);
    await setupFilingElection(t.ctx);
    app = await buildFilingPortal(t.ctx);
    const token = await bearerAs(t.ctx, 'party_treasurer', ['filings:write', 'filings:submit'], {
      party: PARTY_A.registrationNumber,
    });
    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/filings',
      payload: v2Report(),
      headers: { ...token.headers, 'idempotency-key': 'browser-v2' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 }, javaScriptEnabled: false });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    t?.close();
    await closeDb?.();
  });

  it('fits a phone and has no serious accessibility violation', async () => {
    for (const l of ['ky', 'ru', 'en']) {
      for (const register of ['in-kind', 'loans']) {
        const res = await page.goto(`${url}/${l}/elections/${FILING_ELECTION.id}/${register}`);
        expect(res?.status()).toBe(200);
        if (register === 'in-kind') expect(await page.content()).toContain(GIFT);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
        const ctx = await browser.newContext({ bypassCSP: true });
        const checker = await ctx.newPage();
        await checker.goto(page.url());
        const violations = await seriousViolations(checker);
        await ctx.close();
        expect(violations, `${page.url()}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      }
    }
  }, 120_000);
});
