// Voter services in Chromium on the demo: a voter looks up a station, asks to vote elsewhere and keeps
// the request's number; a commission administrator signs in and approves it; the voter's lookup then
// shows the new station, and the request's status page says it was approved. axe runs on every page of
// voter services the walk passes, the stations and mobile groups pages included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { ensureUser, TEST_PASSWORD } from '../../src/accounts/test-support.ts';
import { KNOWN_DEMO_VOTERS } from '../../src/voters/index.ts';

const LOGIN = 'voters-browser-admin';
const VOTER = KNOWN_DEMO_VOTERS[2];

describe.skipIf(!hasChromium)('voter services in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  let voter: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer();
    await ensureUser(server.ctx, 'commission_admin', { login: LOGIN });
    browser = await launchBrowser();
    voter = await (await browser.newContext()).newPage();
    voter.on('pageerror', (e) => problems.push(e.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** axe on the HTML the page shows now, in a context that lets axe's inline script run. */
  async function noSeriousViolations(p: Page) {
    const html = await p.content();
    const address = p.url().split('#')[0] ?? '';
    const context = await browser.newContext({ bypassCSP: true });
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

  async function lookUp(letters: string) {
    await voter.goto(`${server.url}/en/voters/lookup`);
    await voter.getByLabel('PIN (14 digits)').fill(VOTER?.pin ?? '');
    await voter.getByLabel('First letters of the surname (3 or more)').fill(letters);
    await voter.getByRole('button', { name: /Find|Search again/ }).click();
  }

  it('shows the stations, the mobile groups and the lookup without accessibility violations', async () => {
    for (const path of ['/en/voters/stations', '/ru/voters/stations?country=RU', '/ky/voters/mobile-groups']) {
      await voter.goto(`${server.url}${path}`);
      await noSeriousViolations(voter);
    }
    await lookUp('Жум');
    expect(await voter.locator('main').innerText()).toContain('2001');
    await noSeriousViolations(voter);
    await lookUp('Ива');
    expect(await voter.locator('main').innerText()).toContain('No voter was found');
  });

  it('takes a voter’s request to the commission’s approval and the lookup’s new station', async () => {
    const v = VOTER;
    if (!v) throw new Error('no known demo voter');
    await voter.goto(`${server.url}/en/voters/address-change`);
    await noSeriousViolations(voter);
    await voter.getByLabel('PIN (14 digits)').fill(v.pin);
    await voter.getByLabel('Surname', { exact: true }).fill(v.surname);
    await voter.getByLabel('Given name').fill(v.givenName);
    await voter.getByLabel('Patronymic').fill(v.patronymic);
    await voter.getByLabel('Number of the station wanted').fill('9521');
    await voter.getByLabel('Reason').selectOption('study');
    await voter.getByLabel('Contact (phone or e-mail)').fill('aigul@example.org');
    await voter.getByRole('button', { name: 'Send the request' }).click();
    const text = await voter.locator('main').innerText();
    const number = /AC-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(text)?.[0] ?? '';
    expect(number).not.toBe('');
    await noSeriousViolations(voter);

    const staff = await (await browser.newContext()).newPage();
    await staff.goto(`${server.url}/en/account/login?next=${encodeURIComponent('/en/commission/voters/requests')}`);
    await staff.getByLabel('Login', { exact: true }).fill(LOGIN);
    await staff.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(staff.url()).pathname).toBe('/en/commission/voters/requests');
    await noSeriousViolations(staff);
    const row = staff.locator('tr', { hasText: number });
    expect(await row.innerText()).toContain('in the list: passed');
    await row.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => staff.locator('main').innerText()).toContain('The decision was saved.');
    expect(await staff.locator('tr', { hasText: number }).innerText()).toContain('approved');

    await lookUp('Zhum');
    const answer = await voter.locator('main').innerText();
    expect(answer).toContain('9521');
    expect(answer).toContain('was approved');
    await voter.goto(`${server.url}/en/voters/address-change/status`);
    await voter.getByLabel('Request number').fill(number);
    await voter.getByLabel('First letters of the surname (3 or more)').fill('Жума');
    await voter.getByRole('button', { name: 'Check' }).click();
    expect(await voter.locator('main').innerText()).toContain('Status: approved');
    await noSeriousViolations(voter);
    expect(problems).toEqual([]);
  });
});
