// Training in Chromium on the real server with the demo and the requirement on for analysts: a new
// analyst who opens the findings review is shown what is missing and led to the course; takes every
// lesson in Kyrgyz, failing one quiz first and reading its explanations, passes the rest and gets the
// certificate; then the review opens. The certificate's code verifies on the public page, an unknown
// code is said to be unknown, and an administrator sees the completion table and the security review.
// Every new page has no serious accessibility violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser, seriousViolations } from '../support/browser.ts';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { ensureUser, TEST_PASSWORD } from '../../src/accounts/test-support.ts';
import { readCourses } from '../../src/training/course-content.ts';

const ANALYST = 'training-browser-analyst';
const ANALYST_NAME = 'Нурлан Окуучу';
const ADMIN = 'training-browser-admin';
const REVIEW = '/ky/commission/findings';
const course = readCourses().get('cyber-hygiene');

describe.skipIf(!hasChromium)('training in Chromium', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let checker: Page;
  let serving = { href: '', html: '' };
  const pageErrors: string[] = [];

  async function newPage(locale: string): Promise<Page> {
    const context = await browser.newContext({ locale });
    contexts.push(context);
    const p = await context.newPage();
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
    return p;
  }

  beforeAll(async () => {
    server = await startDemoServer({ TALAPKER_TRAINING_REQUIREMENTS: 'commission_analyst=cyber-hygiene@12' });
    await ensureUser(server.ctx, 'commission_analyst', { login: ANALYST, displayName: ANALYST_NAME });
    await ensureUser(server.ctx, 'commission_admin', { login: ADMIN, displayName: 'Администратор Окуу' });
    browser = await launchBrowser();
    const checking = await browser.newContext({ bypassCSP: true });
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

  /** axe on what the page shows now, through a checker page that may inject it (the site's CSP rightly refuses). */
  async function expectAccessible(p: Page) {
    const url = p.url();
    serving = { href: url.split('#')[0] ?? url, html: await p.content() };
    await checker.goto(serving.href);
    const violations = await seriousViolations(checker);
    expect(violations, `${url}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  const path = (p: Page) => new URL(p.url()).pathname;
  const h1 = (p: Page) => p.locator('h1').innerText();

  async function signIn(p: Page, login: string, target: string) {
    await p.goto(`${server.url}${target}`);
    await expect.poll(() => path(p)).toMatch(/\/account\/login$/);
    await p.getByLabel('Логин', { exact: true }).fill(login);
    await p.getByLabel(/^(Сырсөз|Пароль)$/).fill(TEST_PASSWORD);
    await p.getByRole('button', { name: /^(Кирүү|Войти)$/ }).click();
    await expect.poll(() => path(p)).toBe(target);
  }

  it('sends a new analyst to the course, lets them pass it in Kyrgyz, then opens the review', async () => {
    if (!course) throw new Error('the course is not shipped');
    const analyst = await newPage('ky-KG');
    await signIn(analyst, ANALYST, REVIEW);
    expect(await h1(analyst)).toBe('Бул экран ачылганга чейин');
    await expectAccessible(analyst);
    await analyst.getByRole('link', { name: /курсун өтүңүз/ }).click();
    await expect.poll(() => path(analyst)).toBe('/ky/training');
    expect(await h1(analyst)).toBe('Менин окууларым');
    await expectAccessible(analyst);
    await analyst.getByRole('link', { name: 'Баштоо', exact: true }).click();

    for (const lesson of course.lessons) {
      await expect.poll(() => path(analyst)).toBe(`/ky/training/courses/cyber-hygiene/lessons/${lesson.number}`);
      expect(await h1(analyst)).toContain(lesson.title.ky);
      if (lesson.number === 1) {
        await expectAccessible(analyst);
        // A wrong answer first: the result explains every answer and offers another try.
        const q = lesson.quiz.questions[0];
        const wrong = q?.choices.find((c) => !c.correct);
        if (!q || !wrong) throw new Error('the first question has no wrong answer');
        await analyst.getByLabel(wrong.text.ky, { exact: true }).check();
        for (const other of lesson.quiz.questions.slice(1))
          for (const c of other.choices.filter((x) => x.correct))
            await analyst.getByLabel(c.text.ky, { exact: true }).check();
        await analyst.getByRole('button', { name: 'Жоопторду текшерүү' }).click();
        await expect.poll(() => h1(analyst)).toContain(lesson.title.ky);
        const text = await analyst.locator('main').innerText();
        expect(text).toContain('Сабак өтүлгөн жок');
        expect(text).toContain(wrong.explanation.ky);
        await expectAccessible(analyst);
        await analyst.getByRole('link', { name: 'Кайра аракет кылуу' }).click();
        await expect.poll(() => path(analyst)).toBe(`/ky/training/courses/cyber-hygiene/lessons/1`);
      }
      for (const q of lesson.quiz.questions)
        for (const c of q.choices.filter((x) => x.correct))
          await analyst.getByLabel(c.text.ky, { exact: true }).check();
      await analyst.getByRole('button', { name: 'Жоопторду текшерүү' }).click();
      await expect.poll(() => analyst.locator('main').innerText()).toContain('Сабак өтүлдү.');
      if (lesson.number < course.lessons.length) await analyst.getByRole('link', { name: 'Кийинки сабак' }).click();
    }
    const done = await analyst.locator('main').innerText();
    expect(done).toContain('Куттуктайбыз');
    await expectAccessible(analyst);
    const code = /TC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(done)?.[0] ?? '';
    expect(code).not.toBe('');

    const review = await analyst.goto(`${server.url}${REVIEW}`);
    expect(review?.status()).toBe(200);
    expect(await h1(analyst)).not.toBe('Бул экран ачылганга чейин');

    // The public check, by anyone, of the code as printed and of one nobody was given.
    const visitor = await newPage('ru-RU');
    await visitor.goto(`${server.url}/ru/training/certificates/verify`);
    await visitor.getByLabel('Код проверки').fill(code.toLowerCase());
    await visitor.getByRole('button', { name: 'Проверить' }).click();
    const verified = await visitor.locator('main').innerText();
    expect(verified).toContain('Этот сертификат подлинный');
    expect(verified).toContain(ANALYST_NAME);
    expect(verified).toContain(code);
    await expectAccessible(visitor);
    await visitor.goto(`${server.url}/ru/training/certificates/verify?code=TC-0000-0000-0000`);
    expect(await visitor.locator('main').innerText()).toContain('Сертификата с кодом TC-0000-0000-0000 нет');
  }, 240_000);

  it('shows an administrator the completion table and the security review', async () => {
    const admin = await newPage('ru-RU');
    await signIn(admin, ADMIN, '/ru/commission/training');
    expect(await h1(admin)).toBe('Обучение сотрудников');
    const row = admin.getByRole('row').filter({ hasText: ANALYST });
    await expect.poll(() => row.innerText()).toContain('7 / 7');
    await expectAccessible(admin);
    await admin.goto(`${server.url}/ru/commission/security`);
    expect(await h1(admin)).toBe('Безопасность учётных записей');
    expect(await admin.locator('main').innerText()).toContain(ANALYST);
    await expectAccessible(admin);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
