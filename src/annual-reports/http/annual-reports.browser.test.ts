// The annual reports' public pages in Chromium on a phone 390 pixels wide: a party's years, one year's
// report with its donations, assets and the preliminary check, and a donor across years fit the screen
// (wide tables scroll in their own box) with no serious accessibility violation, in every language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../../../test/support/browser.ts';
import { openTestDatabase } from '../../../test/support/databases.ts';
import { buildServer } from '../../server.ts';
import { LOCALES } from '../../domain/election.ts';
import { memoryRegistry } from '../../compliance/index.ts';
import { submitAnnualReport } from '../annual-reports.service.ts';
import {
  ANNUAL_PARTY,
  annualDocument,
  annualTestContext,
  donation,
  setupAnnualParty,
} from '../annual-reports.test-support.ts';

describe.skipIf(!hasChromium)('the annual reports’ pages on a phone', () => {
  let app: FastifyInstance;
  let closeDb: () => Promise<void>;
  let closeCtx: () => void;
  let browser: Browser;
  let phone: Page;
  let url = '';
  let donorPath = '';
  beforeAll(async () => {
    const db = await openTestDatabase('sqlite');
    closeDb = db.close;
    const tc = annualTestContext(db.db);
    closeCtx = tc.close;
    await setupAnnualParty(tc.ctx);
    const gifts = [
      donation('D-1', '2023-03-15'),
      donation('D-2', '2023-08-08', { donorName: 'Аноним', donorPin: undefined }),
    ];
    const filed = await submitAnnualReport(tc.ctx, annualDocument({ donations: gifts }), {
      actor: 'user:treasurer',
      idempotencyKey: null,
      registry: memoryRegistry({}),
    });
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    app = await buildServer(tc.ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await launchBrowser();
    phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(`${url}/en/parties/${ANNUAL_PARTY}/annual-reports/2023`);
    donorPath = new URL(
      (await phone.locator('a[href*="/annual-reports/donors/"]').first().getAttribute('href')) ?? '',
      url,
    ).pathname.replace(/^\/en/, '');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    closeCtx?.();
    await closeDb?.();
  });

  it('fits every page on the screen, accessibly, in every language', async () => {
    expect(donorPath).toMatch(/^\/annual-reports\/donors\/./);
    for (const l of LOCALES)
      for (const path of [
        `/parties/${ANNUAL_PARTY}/annual-reports`,
        `/parties/${ANNUAL_PARTY}/annual-reports/2023`,
        donorPath,
      ]) {
        const res = await phone.goto(`${url}/${l}${path}`);
        expect(res?.status(), path).toBe(200);
        const width = await phone.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${l}${path}`).toBeLessThanOrEqual(390);
        const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
        const checker = await context.newPage();
        await checker.goto(phone.url());
        const violations = await seriousViolations(checker);
        await context.close();
        expect(violations, `${l}${path}: ${JSON.stringify(violations)}`).toEqual([]);
      }
  });
});
