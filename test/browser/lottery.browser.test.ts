// The live demo draw end to end in Chromium, on the real server (buildServer with the demo and
// accounts): a commission administrator signs in through the sign-in form and freezes
// 'demo-live-draw', two observers' rolls are entered while the hall screen follows along, the draw
// is made, the record is verified in the browser (agreeing with the server) and again by the CLI on
// the downloaded file, where one edited seed digit makes the check fail with a clear message; the
// ballot proof PDF carries the drawn order in Kyrgyz and Russian. Visitors and a party treasurer see
// no console. No serious accessibility violation on the pages.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { ensureUser, TEST_PASSWORD } from '../../src/accounts/test-support.ts';
import { DEMO_2020_ELECTION } from '../../src/lottery/lottery-demo.ts';
import { findCurrentDraw } from '../../src/lottery/lottery.repository.ts';
import { lotteryVerifyCommand } from '../../src/lottery/lottery.command.ts';
import { findParticipation } from '../../src/parties/index.ts';
import type { DrawRecord } from '../../src/lottery/core/draw.ts';

const LIVE = 'demo-live-draw';
const ADMIN_LOGIN = 'ceremony-admin';
const TREASURER_LOGIN = 'ceremony-treasurer';

/** Signs in through the real sign-in form, as a person would, and lands on `next`. */
async function signIn(page: Page, base: string, login: string, next: string): Promise<void> {
  await page.goto(`${base}/en/account/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Login', { exact: true }).fill(login);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(next);
}

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return texts.join(' ').replace(/\s+/g, ' ');
}

function expectInOrder(text: string, names: string[]): void {
  let from = 0;
  for (const name of names) {
    const at = text.indexOf(name.replace(/\s+/g, ' '), from);
    expect(at, `"${name}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + name.length;
  }
}

/** Runs `talapker lottery verify FILE` in-process; its exit code and what it printed. */
async function verifyFile(file: string): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => (lines.push(String(chunk)), true);
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    return { code: await lotteryVerifyCommand([file]), output: lines.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe.skipIf(!hasChromium)('ballot-order lottery in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let drawUrl = '';
  /** Script errors and CSP refusals on the pages under test; there must be none. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    dir = mkdtempSync(join(tmpdir(), 'talapker-lottery-browser-'));
    await ensureUser(server.ctx, 'commission_admin', { login: ADMIN_LOGIN });
    await ensureUser(server.ctx, 'party_treasurer', { login: TREASURER_LOGIN });
    browser = await launchBrowser();
    context = await browser.newContext({ acceptDownloads: true });
    context.on('page', (p) => {
      p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
      // Failed loads are caught by URL below (Chromium's own /favicon.ico request is no page's fault).
      p.on(
        'console',
        (m) =>
          void (
            m.type() === 'error' &&
            !m.text().startsWith('Failed to load resource') &&
            pageErrors.push(`${p.url()}: ${m.text()}`)
          ),
      );
      p.on(
        'response',
        (r) =>
          void (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && pageErrors.push(`${r.status()} ${r.url()}`)),
      );
    });
    page = await context.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * axe is injected as an inline script, which the site's CSP rightly refuses; the checker alone
   * bypasses it. It sees the page as `as` does (its cookies), so the console is checked too.
   */
  async function expectAccessible(url: string, as: BrowserContext | null = context) {
    const checking = await browser.newContext({
      bypassCSP: true,
      ...(as ? { storageState: await as.storageState() } : {}),
    });
    const checker = await checking.newPage();
    await checker.goto(url);
    const violations = await seriousViolations(checker);
    await checking.close();
    expect(violations, `${url}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  it('shows no console to a visitor or to a party treasurer signed in', async () => {
    const lotteryPath = `/en/elections/${LIVE}/lottery`;
    const visitor = await browser.newContext();
    const v = await visitor.newPage();
    await v.goto(`${server.url}${lotteryPath}`);
    expect(await v.locator('h1').innerText()).toBe('Ballot-order lottery');
    expect(await v.locator('main form[method=post]').count()).toBe(0);
    await signIn(v, server.url, TREASURER_LOGIN, lotteryPath);
    expect(await v.locator('main form[method=post]').count()).toBe(0);
    expect(await v.getByRole('button', { name: 'Freeze the list of participants' }).count()).toBe(0);
    await visitor.close();
  }, 120_000);

  it('runs a live draw through the web forms while the hall screen follows', async () => {
    const lotteryPath = `/en/elections/${LIVE}/lottery`;
    const lotteryUrl = `${server.url}${lotteryPath}`;
    await signIn(page, server.url, ADMIN_LOGIN, lotteryPath);
    expect(await page.locator('h1').innerText()).toBe('Ballot-order lottery');
    // Every console form carries the session's CSRF token.
    const forms = page.locator('main form[method=post]');
    expect(await forms.count()).toBe(1);
    expect(await page.locator('main form[method=post] input[name=_csrf]').count()).toBe(1);
    await expectAccessible(lotteryUrl);
    await page.getByRole('button', { name: 'Freeze the list of participants' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('List frozen');
    expect(await page.locator('main form[method=post]').count()).toBe(3); // rolls, draw, redo
    expect(await page.locator('main form[method=post] input[name=_csrf]').count()).toBe(3);
    await expectAccessible(lotteryUrl);

    // The hall screen, opened once the list is frozen, shows the rolls as they are entered.
    const presentHref = await page
      .getByRole('link', { name: 'Presentation mode for the hall screen' })
      .first()
      .getAttribute('href');
    const hall = await context.newPage();
    await hall.goto(`${server.url}${presentHref}?pace=100`);
    expect(await hall.locator('#rolls .digit').count()).toBe(0);

    for (const [observer, digits] of [
      ['Observer of Ata Meken', '6 2 8 3 1 8 5 3 0 7'],
      ['Observer of the OSCE/ODIHR mission', '4 1 9 9 2 6 0 5 7 3 3'],
    ] as const) {
      await page.getByLabel('Observer', { exact: true }).fill(observer);
      await page.getByLabel('Digits', { exact: true }).fill(digits);
      await page.getByRole('button', { name: 'Record this roll' }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain(observer);
    }
    await expect.poll(() => hall.locator('#rolls .digit').count(), { timeout: 15_000 }).toBe(21);
    expect(await hall.locator('#seed-progress').innerText()).toContain('21 digits');

    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/en\/lottery\/draws\/\d+$/);
    drawUrl = page.url();

    // The hall screen notices the draw, reloads and reveals the tickets one by one.
    await expect.poll(() => hall.locator('main').getAttribute('data-state'), { timeout: 15_000 }).toBe('drawn');
    await expect.poll(() => hall.locator('main').getAttribute('data-revealed'), { timeout: 15_000 }).toBe('true');
    expect(await hall.locator('#tickets li:visible').count()).toBe(10);
    await hall.close();

    // The ballot numbers are on the election's parties now.
    const draw = (await findCurrentDraw(server.ctx.db, LIVE))!;
    expect(draw.state).toBe('drawn');
    for (const b of draw.record!.ballotNumbers) {
      expect((await findParticipation(server.ctx.db, LIVE, b.id))!.ballotNumber).toBe(b.ballotNumber);
    }
  }, 120_000);

  it('verifies the draw in the browser, every step passing and agreeing with the server', async () => {
    await page.goto(drawUrl);
    await expectAccessible(drawUrl);
    const record = (await findCurrentDraw(server.ctx.db, LIVE))!.record!;
    expect(await page.locator('main').innerText()).toContain('The server recomputed this record: every value matches.');

    await page.getByRole('button', { name: 'Verify in your browser' }).click();
    await expect.poll(() => page.locator('#verify-steps').getAttribute('data-ok')).toBe('true');
    const steps = await page.locator('#verify-steps li').allInnerTexts();
    // timeline, commitment, seed, seed length, 10 tickets, order, 1 fixed line, 10 ballot numbers, summary
    expect(steps).toHaveLength(4 + 10 + 1 + 1 + 10 + 1);
    for (const s of steps.slice(0, -1)) expect(s.startsWith('✓'), s).toBe(true);
    expect(steps.at(-1)).toContain('Verified: every value was recomputed in this browser');
    // What the browser computed is what the server recorded, ticket by ticket at full precision.
    for (const t of record.tickets) expect(steps.some((s) => s.includes(`Ticket of ${t.id}: ${t.ticket}`))).toBe(true);
    expect(steps.some((s) => s.includes(`Ballot order: ${record.order.join(', ')}`))).toBe(true);

    // The same button on a record with one seed digit changed says so, in words.
    await page.evaluate(() => {
      const el = document.getElementById('draw-record')!;
      const r = JSON.parse(el.textContent!) as { seed: string };
      r.seed = (r.seed[0] === '9' ? '8' : '9') + r.seed.slice(1);
      el.textContent = JSON.stringify(r);
    });
    await page.getByRole('button', { name: 'Verify in your browser' }).click();
    await expect.poll(() => page.locator('#verify-steps').getAttribute('data-ok')).toBe('false');
    const failed = await page.locator('#verify-steps li[data-ok=false]').allInnerTexts();
    expect(failed[0]).toMatch(/^✗ Seed = the observers’ rolls, concatenated: record says \d+; recomputed \d+$/);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('downloads the JSON record, which the CLI verifies, and fails clearly with one seed digit edited', async () => {
    await page.goto(drawUrl);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Draw record (JSON)' }).click(),
    ]);
    const file = join(dir, 'downloaded.json');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^demo-live-draw-draw-1\.json$/);

    const good = await verifyFile(file);
    expect(good.code, good.output).toBe(0);
    expect(good.output).toContain(`verified: ${file}`);

    const record = JSON.parse(readFileSync(file, 'utf8')) as DrawRecord;
    const seedEdited = join(dir, 'seed-edited.json');
    const digit = record.seed[5] === '0' ? '1' : '0';
    writeFileSync(
      seedEdited,
      JSON.stringify({ ...record, seed: record.seed.slice(0, 5) + digit + record.seed.slice(6) }, null, 2),
    );
    const bad = await verifyFile(seedEdited);
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('NOT verified');
    expect(bad.output).toContain("the seed does not equal the concatenation of the observers' rolls");

    // Editing a digit of a roll instead changes the seed the rolls give, and so every ticket.
    const rollEdited = join(dir, 'roll-edited.json');
    const parts = record.seedParts.map((p, i) =>
      i === 0 ? { ...p, digits: (p.digits[0] === '9' ? '8' : '9') + p.digits.slice(1) } : p,
    );
    writeFileSync(rollEdited, JSON.stringify({ ...record, seedParts: parts }));
    const bad2 = await verifyFile(rollEdited);
    expect(bad2.code).not.toBe(0);
    expect(bad2.output).toContain("the seed does not equal the concatenation of the observers' rolls");
    expect(bad2.output).toMatch(/ticket for party \S+ does not match/);
  }, 120_000);

  it('serves the ballot proof with the parties in the drawn order, in Kyrgyz and Russian', async () => {
    await page.goto(drawUrl);
    const href = await page.getByRole('link', { name: 'Ballot-paper proof (PDF, A4)' }).getAttribute('href');
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(await res.body());
    const record = (await findCurrentDraw(server.ctx.db, LIVE))!.record!;
    const parties = await Promise.all(
      record.order.map((id) =>
        server.ctx.db
          .selectFrom('parties')
          .select(['name_ky', 'name_ru'])
          .where('registration_number', '=', id)
          .executeTakeFirstOrThrow(),
      ),
    );
    expectInOrder(
      text,
      parties.map((p) => p.name_ky),
    );
    expectInOrder(
      text,
      parties.map((p) => p.name_ru),
    );
    expectInOrder(text, [parties.at(-1)!.name_ru, 'Баарына каршы', 'Против всех']);
  }, 120_000);

  it('shows the hall screen accessibly, and everything at once without JavaScript', async () => {
    const presentUrl = `${drawUrl}/present`;
    await expectAccessible(presentUrl);
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(presentUrl);
    expect(await p.locator('#tickets li:visible').count()).toBe(10);
    expect(await p.locator('#rolls .digit').count()).toBe(21);
    // The record page works without JavaScript too, apart from the verify button.
    await p.goto(drawUrl);
    expect(await p.locator('#tickets-table tbody tr').count()).toBe(10);
    expect(await p.locator('main').innerText()).toContain('How to check it by hand');
    await noJs.close();
  }, 120_000);

  it('shows the 2020 demo draw as an illustration that left the real ballot numbers alone', async () => {
    await page.goto(`${server.url}/en/elections/${DEMO_2020_ELECTION}/lottery`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('The real 2020 order was drawn by the CEC on 9 September 2020');
    await page.getByRole('link', { name: /Draw no\. 1 — Draw record/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/en\/lottery\/draws\/\d+$/);
    expect(await page.locator('main').innerText()).toContain('illustration; this draw uses a synthetic seed');
    await expectAccessible(page.url());
    await page.goto(`${server.url}/ru/elections/${DEMO_2020_ELECTION}`);
    // The ballot's own table: the election page has other sections with tables (finance).
    const rows = page.locator('#ballot ~ .table-wrap table tbody tr');
    expect(await rows.nth(0).innerText()).toContain('Биримдик'); // still the CEC's 2020 order
  }, 120_000);
});
