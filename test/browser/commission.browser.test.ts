// The commission's screens in Chromium on the real server with the demo: an administrator signs in
// through the sign-in form, creates an election, registers a party, uploads a candidate list with
// one bad row and reads the row-and-column message, fixes the file and uploads it again, withdraws a
// candidate (confirming it on the page that asks) and sees the list rules checked again, and reads the
// activity log. Every page the administrator sees, the refusals included, has no serious accessibility
// violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { testCandidates } from '../support/portal-fixture.ts';
import { ensureUser, TEST_PASSWORD } from '../../src/accounts/test-support.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../src/domain/candidate-columns.ts';
import type { Candidate } from '../../src/domain/election.ts';

const LOGIN = 'commission-browser-admin';
const ELECTION = 'browser-2031';
const PARTY = 'BR-7007';

function toCsv(cs: Candidate[]): string {
  const rows = cs.map((c) =>
    [
      c.listPosition,
      c.nameKy,
      c.nameRu,
      c.nameLatin,
      c.birthDate,
      c.sex,
      c.occupation,
      c.placeOfResidence,
      c.ethnicMinority ? 'yes' : 'no',
      c.disability ? 'yes' : 'no',
      c.pin,
    ].join(','),
  );
  return [CANDIDATE_IMPORT_COLUMNS.join(','), ...rows].join('\n');
}

describe.skipIf(!hasChromium)('commission screens in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Script errors, CSP refusals and failed loads; a refused form's own 422 is expected. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    if (!server.app.hasRoute({ method: 'GET', url: '/:locale/commission' })) {
      throw new Error(
        'commissionRoutes is not registered: add `await commissionRoutes(app, ctx)` to buildServer in src/server.ts',
      );
    }
    await ensureUser(server.ctx, 'commission_admin', { login: LOGIN });
    browser = await launchBrowser();
    context = await browser.newContext();
    context.on('page', (p) => {
      p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
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
          void (
            r.status() >= 400 &&
            r.status() !== 422 &&
            !r.url().endsWith('/favicon.ico') &&
            pageErrors.push(`${r.status()} ${r.url()}`)
          ),
      );
    });
    page = await context.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * axe on exactly what the page shows now. axe is injected as an inline script, which the site's
   * CSP rightly refuses, so a checker context that bypasses CSP gets the same HTML (a refused form's
   * answer cannot be fetched again by its URL) while styles still come from the server.
   */
  async function expectAccessible(p: Page) {
    const url = p.url();
    const requested = url.split('#')[0]; // the fragment never reaches the network
    const html = await p.content();
    const checking = await browser.newContext({ bypassCSP: true });
    const checker = await checking.newPage();
    await checker.route(
      (u) => u.href === requested,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await checker.goto(url);
    // The checker must be looking at the same page, not at a sign-in page it was sent to.
    expect(await checker.locator('h1').innerText()).toBe(await p.locator('h1').innerText());
    const violations = await seriousViolations(checker);
    await checking.close();
    expect(violations, `${url}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  const main = () => page.locator('main').innerText();

  it('signs in and creates an election', async () => {
    await page.goto(`${server.url}/en/account/login?next=${encodeURIComponent('/en/commission')}`);
    await page.getByLabel('Login', { exact: true }).fill(LOGIN);
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/commission');
    expect(await page.locator('h1').innerText()).toBe('Commission: elections');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Create a new election' }).click();
    await expectAccessible(page);
    await page.getByLabel('Identifier', { exact: true }).fill(ELECTION);
    await page.getByLabel('Name in Kyrgyz', { exact: true }).fill('Шайлоо 2031');
    await page.getByLabel('Name in Russian', { exact: true }).fill('Выборы 2031');
    await page.getByLabel('Name in English', { exact: true }).fill('Election 2031');
    await page.getByLabel('Called on', { exact: true }).fill('2031-07-01');
    await page.getByLabel('Campaign starts', { exact: true }).fill('2031-09-05');
    await page.getByLabel('Campaign ends', { exact: true }).fill('2031-10-04');
    // The election day is left out: the form comes back naming it.
    await page.getByLabel('Seats', { exact: true }).fill('90');
    await page.getByLabel('Threshold, %', { exact: true }).fill('5');
    await page.getByLabel('Rules profile', { exact: true }).selectOption('kg-2021-parliament');
    await page.getByRole('button', { name: 'Create the election' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Election day: Fill this in.');
    await expectAccessible(page);
    // The summary's entry leads to the field.
    await page.getByRole('link', { name: 'Election day: Fill this in.' }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#f-electionDay');
    await page.getByLabel('Election day', { exact: true }).fill('2031-10-05');
    await page.getByRole('button', { name: 'Create the election' }).click();
    await expect.poll(main).toContain('The election was created.');
    expect(new URL(page.url()).pathname).toBe(`/en/commission/elections/${ELECTION}`);
    await expectAccessible(page);
  }, 120_000);

  it('registers a party', async () => {
    await page.getByRole('link', { name: 'Register a party' }).click();
    await expectAccessible(page);
    await page.getByLabel('Registration number', { exact: true }).fill(PARTY);
    await page.getByLabel('Name in Kyrgyz', { exact: true }).fill('Браузер партиясы');
    await page.getByLabel('Name in Russian', { exact: true }).fill('Партия браузера');
    await page.getByLabel('Name in English', { exact: true }).fill('Browser Party');
    await page.getByRole('button', { name: 'Register the party' }).click();
    await expect.poll(main).toContain('The party was registered in this election.');
    expect(await page.locator('h1').innerText()).toBe('Browser Party');
    await expectAccessible(page);
  }, 120_000);

  it('uploads a list with one bad row, reads where the problem is, fixes it and uploads again', async () => {
    const list = testCandidates(150, { electionId: ELECTION, party: PARTY });
    const lines = toCsv(list).split('\n');
    const good = lines.join('\n');
    lines[6] = lines[6]!.replace(/,(female|male),/, ',x,'); // row 7 of the file
    await page
      .getByLabel('List file (CSV or XLSX)')
      .setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Row 7, column “sex”: “x” is not a sex (female or male).');
    expect(await page.getByRole('alert').innerText()).toContain('Nothing was saved.');
    expect(await page.getByLabel('List file (CSV or XLSX)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await page
      .getByLabel('List file (CSV or XLSX)')
      .setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect.poll(main).toContain('150 candidates imported.');
    expect(await main()).toContain('All rules met');
    await expectAccessible(page);
  }, 120_000);

  it('withdraws a candidate and sees the list rules checked again', async () => {
    // Position 4 is a woman between two pairs of men: without her, four men follow one another.
    await page.getByLabel('Candidate', { exact: true }).selectOption({ label: '4. Aigul Synoova 4' });
    await page.getByLabel('Date of withdrawal', { exact: true }).fill('2031-09-12');
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    // The withdrawal cannot be undone: a page asks first, naming the candidate.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Withdraw Aigul Synoova 4 from the list?');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Yes, withdraw', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toContain('Aigul Synoova 4 (position 4) was withdrawn. The list was checked against the rules again:');
    expect(await page.getByRole('status').innerText()).toContain('1 rule broken');
    const row = page.getByRole('row', { name: /Run of one sex/ });
    expect(await row.innerText()).toMatch(/4\s+≤ 2\s+✗ Broken/);
    expect(await page.getByRole('row', { name: /Aigul Synoova 4\b/ }).innerText()).toContain('Withdrawn');
    await expectAccessible(page);
  }, 120_000);

  it('shows the election’s activity log with each step and who took it', async () => {
    await page.getByRole('link', { name: 'Activity log', exact: true }).click();
    const text = await main();
    for (const action of ['Election created', 'Party registered', 'Candidate list imported', 'Candidate withdrawn'])
      expect(text).toContain(action);
    expect(text).toContain(`user:${LOGIN}`);
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
