// The review of the compliance findings in Chromium on the real server with the demo (which imports
// the registries and runs the checks): an analyst signs in through the sign-in form, filters the
// findings by election and rule, opens one, reads its evidence and confirms it after the confirmation
// step; asks another party for an explanation with a deadline, which that party's treasurer reads and
// answers, and the analyst reads the answer. The public register and the party's page show nothing
// until a commission administrator decides the publication (again with a confirmation step); then they
// show the confirmed findings with their remedy and its state, and never the donor's PIN. Every page
// has no serious accessibility violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { ensureUser, TEST_PASSWORD } from '../../src/accounts/test-support.ts';
import { day, som } from '../../src/platform/web/index.ts';
import type { Tyiyn } from '../../src/domain/money.ts';

const ELECTION = 'kg-2020-parliament';
const ANALYST = 'compliance-browser-analyst';
const ADMIN = 'compliance-browser-admin';
const TREASURER = 'compliance-browser-treasurer';
const QUESTION = 'Пожалуйста, объясните, почему пожертвование принято после дня смерти жертвователя.';
const ANSWER = 'Платёж поступил от родственника; средства будут перечислены в бюджет.';
const REGISTER_TITLE = 'Результаты предварительной проверки финансирования';

/** A demo finding as the test needs it, read from the database the server uses. */
interface DemoFinding {
  id: string;
  party: string;
  partyName: string;
  donorName: string;
  pin: string;
  remedy: { kind: string; amount: Tyiyn; deadline: string };
  /** The registry record the finding rests on, as the evidence holds it. */
  record: Record<string, unknown>;
}

describe.skipIf(!hasChromium)('compliance review in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let analyst: Page;
  let treasurer: Page;
  let admin: Page;
  let visitor: Page;
  /** The page axe runs in, and the HTML it is given for the address it asks for. */
  let checker: Page;
  let serving = { href: '', html: '' };
  let loginChecked = false;
  /** Found by the checks and confirmed here: a donor who is a foreign citizen. */
  let foreign: DemoFinding;
  /** Asked about here: a donor who had died before the donation (another party). */
  let deceased: DemoFinding;
  /** Over the cap and already refunded in a later report: confirmed here, published as remedied. */
  let refunded: DemoFinding;
  /** Script errors, CSP refusals and failed loads; a refused form’s 422 and the register’s 404 before publication are expected. */
  const pageErrors: string[] = [];
  const expected404 = new Set<string>();

  async function demoFinding(rule: string, status: string): Promise<DemoFinding> {
    const row = await server.ctx.db
      .selectFrom('compliance_findings')
      .innerJoin('parties', 'parties.registration_number', 'compliance_findings.party_registration_number')
      .select([
        'compliance_findings.id',
        'compliance_findings.party_registration_number as party',
        'parties.name_ru as partyName',
        'compliance_findings.donor_json',
        'compliance_findings.remedy_json',
        'compliance_findings.evidence_json',
      ])
      .where('compliance_findings.election_id', '=', ELECTION)
      .where('compliance_findings.rule', '=', rule)
      .where('compliance_findings.status', '=', status)
      .orderBy('compliance_findings.id')
      .executeTakeFirst();
    if (!row) throw new Error(`the demo has no ${status} finding of ${rule} in ${ELECTION}`);
    const donor = JSON.parse(row.donor_json ?? 'null') as { name: string; identifier: string } | null;
    const remedy = JSON.parse(row.remedy_json ?? 'null') as DemoFinding['remedy'] | null;
    if (!donor || !/^\d{14}$/.test(donor.identifier) || !remedy)
      throw new Error(`${row.id}: a finding on an individual donor with a remedy was expected`);
    return {
      id: row.id,
      party: row.party,
      partyName: row.partyName,
      donorName: donor.name,
      pin: donor.identifier,
      remedy,
      record:
        (JSON.parse(row.evidence_json) as { registry?: { record?: Record<string, unknown> } }).registry?.record ?? {},
    };
  }

  function watch(p: Page) {
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
          !(r.status() === 404 && expected404.has(r.url())) &&
          !r.url().endsWith('/favicon.ico') &&
          pageErrors.push(`${r.status()} ${r.url()}`)
        ),
    );
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'ru-RU' });
    contexts.push(context);
    const p = await context.newPage();
    watch(p);
    return p;
  }

  beforeAll(async () => {
    server = await startDemoServer();
    foreign = await demoFinding('prohibited.foreign_citizen', 'open');
    deceased = await demoFinding('donor.deceased', 'open');
    refunded = await demoFinding('cap.individual', 'remedied');
    expect(deceased.party).not.toBe(foreign.party);
    await ensureUser(server.ctx, 'commission_analyst', { login: ANALYST, displayName: 'Аналитик Браузерный' });
    await ensureUser(server.ctx, 'commission_admin', { login: ADMIN, displayName: 'Администратор Браузерный' });
    await ensureUser(server.ctx, 'party_treasurer', {
      login: TREASURER,
      party: deceased.party,
      displayName: 'Казначей Браузерный',
    });
    browser = await launchBrowser();
    analyst = await newPage();
    treasurer = await newPage();
    admin = await newPage();
    visitor = await newPage();
    const checking = await browser.newContext({ bypassCSP: true, locale: 'ru-RU' });
    contexts.push(checking);
    checker = await checking.newPage();
    await checker.route(
      (u) => u.href === serving.href,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: serving.html }),
    );
  }, 180_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  /**
   * axe on exactly what the page shows now. axe is injected as an inline script, which the site's
   * CSP rightly refuses, so a checker page that bypasses CSP gets the same HTML (a confirmation page is
   * the answer to a post and cannot be fetched again by its URL) while styles still come from the
   * server. One checker page serves every check.
   */
  async function expectAccessible(p: Page) {
    const url = p.url();
    // The fragment never reaches the network; without it the checker always loads the page anew.
    serving = { href: url.split('#')[0] ?? url, html: await p.content() };
    await checker.goto(serving.href);
    expect(await checker.locator('h1').innerText()).toBe(await p.locator('h1').innerText());
    const violations = await seriousViolations(checker);
    expect(violations, `${url}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  const main = (p: Page) => p.locator('main').innerText();
  const path = (p: Page) => new URL(p.url()).pathname;
  const partyPage = (reg: string) => `${server.url}/ru/elections/${ELECTION}/parties/${encodeURIComponent(reg)}`;
  const registerUrl = () => `${server.url}/ru/elections/${ELECTION}/findings`;
  const findingUrl = (id: string) => `/ru/commission/findings/${encodeURIComponent(id)}`;
  const remedyText = (f: DemoFinding, kind: string) =>
    `${kind}: ${som(f.remedy.amount, 'ru')}, до ${day(f.remedy.deadline, 'ru')}`;

  /** The sign-in form, reached by asking for a page that needs it; back on that page afterwards. */
  async function signIn(p: Page, login: string, target: string) {
    await p.goto(`${server.url}${target}`);
    await expect.poll(() => path(p)).toBe('/ru/account/login');
    expect(await p.locator('h1').innerText()).toBe('Вход');
    if (!loginChecked) await expectAccessible(p); // the same form for everyone
    loginChecked = true;
    await p.getByLabel('Логин', { exact: true }).fill(login);
    await p.getByLabel('Пароль', { exact: true }).fill(TEST_PASSWORD);
    await p.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect.poll(() => path(p)).toBe(target);
  }

  /** Clicks the button of a confirmation step and checks what the step says before going ahead. */
  async function confirmStep(p: Page, what: string) {
    await expect.poll(() => p.locator('h1').innerText()).toBe('Подтвердите');
    expect(await main(p)).toContain(what);
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Да, продолжить', exact: true }).click();
  }

  it('shows nothing of the findings to the public before the commission publishes', async () => {
    expected404.add(registerUrl());
    const register = await visitor.goto(registerUrl());
    expect(register?.status()).toBe(404);
    expect(await visitor.locator('h1').innerText()).toBe('Страница не найдена');
    await expectAccessible(visitor);

    const party = await visitor.goto(partyPage(foreign.party));
    expect(party?.status()).toBe(200);
    expect(await visitor.locator('#compliance-findings').count()).toBe(0);
    expect(await main(visitor)).not.toContain(REGISTER_TITLE);
    expect(await visitor.content()).not.toContain(foreign.pin);
    await expectAccessible(visitor);
  }, 120_000);

  it('lets an analyst filter the findings, read one with its evidence and confirm it', async () => {
    await signIn(analyst, ANALYST, '/ru/commission/findings');
    expect(await analyst.locator('h1').innerText()).toBe('Результаты проверки');
    await expectAccessible(analyst);

    const filters = analyst.getByRole('form', { name: 'Фильтры' });
    await filters.getByLabel('Выборы').selectOption(ELECTION);
    await filters.getByLabel('Правило').selectOption('prohibited.foreign_citizen');
    await filters.getByRole('button', { name: 'Показать', exact: true }).click();
    await expect.poll(() => new URL(analyst.url()).searchParams.get('rule')).toBe('prohibited.foreign_citizen');
    expect(new URL(analyst.url()).searchParams.get('election')).toBe(ELECTION);
    expect(await main(analyst)).toContain('Результаты по этим выборам не опубликованы.');
    // Only findings of that election and rule are listed; the one to review is among them.
    const rows = analyst.locator('table').last().locator('tbody tr');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(await main(analyst)).toContain(`Показано ${shown} из `);
    for (let i = 0; i < shown; i++) expect(await rows.nth(i).locator('th').innerText()).toBe('Иностранные граждане');
    const row = rows.filter({ hasText: foreign.pin }); // the commission sees the donor's PIN
    expect(await row.innerText()).toContain(foreign.partyName);
    expect(await row.innerText()).toContain('на рассмотрении');
    await expectAccessible(analyst);

    await row.getByRole('link', { name: 'Иностранные граждане' }).click();
    await expect.poll(() => path(analyst)).toBe(findingUrl(foreign.id));
    expect(await analyst.locator('h1').innerText()).toBe('Иностранные граждане');
    const why = await analyst.getByRole('region', { name: 'Почему' }).innerText();
    expect(why).toContain(`${foreign.partyName} (${foreign.party})`);
    expect(why).toContain(foreign.donorName);
    expect(why).toContain(foreign.pin);
    expect(why).toContain(remedyText(foreign, 'вернуть полностью'));
    // The evidence: the report line and the registry record that makes the donor a foreign citizen.
    const evidence = await analyst.getByRole('region', { name: 'Доказательства' }).innerText();
    expect(evidence).toContain('Строка отчёта');
    expect(evidence).toMatch(/Запись реестра \(по состоянию на [^)]+\)/);
    expect(evidence).toContain(`citizenship\n${String(foreign.record.citizenship)}`);
    expect(await main(analyst)).toContain('Ещё не рассматривалось.');
    await expectAccessible(analyst);

    await analyst.getByRole('button', { name: 'Подтвердить', exact: true }).click();
    await confirmStep(analyst, '«Подтвердить»: этот шаг навсегда останется в истории.');
    await expect.poll(() => analyst.url()).toContain(`${findingUrl(foreign.id)}?done=confirm`);
    expect(await analyst.getByRole('status').innerText()).toContain('Подтверждено.');
    const history = await analyst.getByRole('region', { name: 'История рассмотрения' }).innerText();
    expect(history).toContain('Подтверждено');
    expect(history).toContain(`user:${ANALYST}`);
    expect(await analyst.locator('main .tag').first().innerText()).toBe('подтверждено');
    // A confirmed finding can no longer be confirmed, only reopened.
    expect(await analyst.getByRole('button', { name: 'Подтвердить', exact: true }).count()).toBe(0);
    expect(await analyst.getByRole('button', { name: 'Открыть заново', exact: true }).count()).toBe(1);
    await expectAccessible(analyst);

    // The refunded over-the-cap donation: confirming it keeps its state, the refund is recorded.
    await analyst.goto(`${server.url}${findingUrl(refunded.id)}`);
    expect(await analyst.locator('main .tag').first().innerText()).toBe('мера исполнена');
    await analyst.getByRole('button', { name: 'Подтвердить', exact: true }).click();
    await confirmStep(analyst, '«Подтвердить»');
    await expect.poll(() => analyst.url()).toContain('?done=confirm');
    expect(await analyst.locator('main .tag').first().innerText()).toBe('мера исполнена');
    expect(await analyst.getByRole('region', { name: 'Почему' }).innerText()).toContain('исполнена');
  }, 120_000);

  it('asks a party for an explanation, which its treasurer reads and answers', async () => {
    const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await analyst.goto(`${server.url}${findingUrl(deceased.id)}`);
    expect(await analyst.locator('h1').innerText()).toBe('Жертвователь умер до дня пожертвования');
    const request = analyst.locator('form', { has: analyst.getByRole('button', { name: 'Запросить разъяснение' }) });
    // Without a question the request is refused and says so at the field.
    await request.getByLabel('Срок ответа').fill(deadline);
    await request.getByRole('button', { name: 'Запросить разъяснение' }).click();
    await expect.poll(() => analyst.locator('.error-summary').innerText()).toContain('Напишите вопрос.');
    await expectAccessible(analyst);
    await request.getByLabel('Вопрос партии').fill(QUESTION);
    await request.getByLabel('Срок ответа').fill(deadline);
    await request.getByRole('button', { name: 'Запросить разъяснение' }).click();
    await expect.poll(() => analyst.url()).toContain(`${findingUrl(deceased.id)}?done=request_explanation`);
    expect(await analyst.getByRole('status').innerText()).toContain('Запрос отправлен партии.');
    expect(await analyst.locator('main .tag').first().innerText()).toBe('на рассмотрении · ожидает ответа');
    const asked = await analyst.getByRole('region', { name: 'История рассмотрения' }).innerText();
    expect(asked).toContain(`Запрошено разъяснение, срок ${day(deadline, 'ru')}`);
    expect(asked).toContain(QUESTION);
    await expectAccessible(analyst);

    await signIn(treasurer, TREASURER, '/ru/treasurer/findings');
    expect(await treasurer.locator('h1').innerText()).toBe('Запросы комиссии о разъяснении');
    const card = treasurer.getByRole('article', { name: 'Жертвователь умер до дня пожертвования' });
    const shown = await card.innerText();
    expect(shown).toContain(QUESTION);
    expect(shown).toContain(day(deadline, 'ru'));
    expect(shown).toContain(deceased.donorName);
    expect(shown).toContain(remedyText(deceased, 'перечислить в бюджет'));
    expect(await treasurer.content()).not.toContain(deceased.pin); // the registry's data stays with the commission
    await expectAccessible(treasurer);

    await card.getByLabel('Ваш ответ').fill(ANSWER);
    await card.getByRole('button', { name: 'Отправить ответ' }).click();
    await expect.poll(() => treasurer.url()).toContain('/ru/treasurer/findings?done=answer');
    expect(await treasurer.getByRole('status').innerText()).toContain('Ваш ответ отправлен.');
    expect(await main(treasurer)).toContain('Запросов, ожидающих ответа, нет.');
    await expectAccessible(treasurer);

    await analyst.reload();
    const answered = await analyst.getByRole('region', { name: 'История рассмотрения' }).innerText();
    expect(answered).toContain('Партия ответила');
    expect(answered).toContain(ANSWER);
    expect(answered).toContain(`user:${TREASURER}`);
    expect(await analyst.locator('main .tag').first().innerText()).toBe('на рассмотрении');
    await expectAccessible(analyst);
  }, 120_000);

  it('publishes the confirmed findings on an administrator’s decision, without any PIN', async () => {
    await signIn(admin, ADMIN, '/ru/commission/findings');
    const filters = admin.getByRole('form', { name: 'Фильтры' });
    await filters.getByLabel('Выборы').selectOption(ELECTION);
    await filters.getByRole('button', { name: 'Показать', exact: true }).click();
    await expect.poll(() => new URL(admin.url()).searchParams.get('election')).toBe(ELECTION);
    const publication = admin.getByRole('region', { name: 'Публикация' });
    expect(await publication.innerText()).toContain('Результаты по этим выборам не опубликованы.');
    await publication.getByLabel('Публиковать подтверждённые результаты').check();
    await publication.getByRole('button', { name: 'Сохранить решение' }).click();
    await confirmStep(
      admin,
      'Решение по этим выборам отразится на публичных страницах и в API в течение нескольких минут',
    );
    await expect.poll(() => admin.url()).toContain('done=publication');
    expect(await admin.getByRole('status').innerText()).toContain('Решение сохранено.');
    const decided = await admin.getByRole('region', { name: 'Публикация' }).innerText();
    expect(decided).toMatch(/Опубликовано: .*подтверждённые результаты/);
    expect(decided).toContain(`user:${ADMIN}`);
    await expectAccessible(admin);

    // Another visitor: the public pages let browsers keep them for a minute (max-age=60), so the one who
    // looked before the decision may still be shown the page without the findings.
    const reader = await newPage();
    // The register: the two confirmed findings with their remedy and its state; not the one only asked about.
    const register = await reader.goto(registerUrl());
    expect(register?.status()).toBe(200);
    expect(await reader.locator('h1').innerText()).toBe(REGISTER_TITLE);
    const foreignRow = await reader.locator(`#finding-${foreign.id}`).innerText();
    expect(foreignRow).toContain('Иностранные граждане');
    expect(foreignRow).toContain(foreign.partyName);
    expect(foreignRow).toContain(foreign.donorName);
    expect(foreignRow).toContain('подтверждено');
    expect(foreignRow).toContain(remedyText(foreign, 'вернуть полностью'));
    expect(foreignRow).toContain('не исполнена');
    const refundedRow = await reader.locator(`#finding-${refunded.id}`).innerText();
    expect(refundedRow).toContain('Превышен предельный размер пожертвования физического лица');
    expect(refundedRow).toContain(remedyText(refunded, 'вернуть превышение'));
    expect(refundedRow).toMatch(/мера исполнена[\s\S]*исполнена/);
    expect(await reader.locator(`#finding-${deceased.id}`).count()).toBe(0);
    const html = await reader.content();
    for (const f of [foreign, refunded, deceased]) expect(html).not.toContain(f.pin);
    await expectAccessible(reader);

    // The party's page: its own confirmed finding, a link to the register, no PIN.
    await reader.goto(partyPage(foreign.party));
    const section = reader.getByRole('region', { name: REGISTER_TITLE });
    const text = await section.innerText();
    expect(text).toContain('Иностранные граждане');
    expect(text).toContain(foreign.donorName);
    expect(text).toContain(remedyText(foreign, 'вернуть полностью'));
    expect(text).not.toContain('Превышен предельный размер');
    expect(await reader.content()).not.toContain(foreign.pin);
    await expectAccessible(reader);
    await section.getByRole('link', { name: 'Все результаты по выборам' }).click();
    await expect.poll(() => reader.url()).toBe(registerUrl());

    expect(pageErrors).toEqual([]);
  }, 120_000);
});
