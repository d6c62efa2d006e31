// The commission's election screens over HTTP on the demo: who may read the home and an election's
// page and who may create an election, the election form refused field by field in the reader's
// language and then accepted, and 404s for what does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elections } from '../index.ts';
import {
  DEMO,
  expectNoFormsForReaders,
  expectOnlyAdminPosts,
  expectReadersOnly,
  form,
  startCommissionServer,
  summary,
  text,
  type CommissionServer,
} from '../../../test/portal/commission-support.ts';

const E = 'elections-2030';

const ELECTION_FORM = {
  id: E,
  kind: 'parliamentary',
  nameKy: 'Жогорку Кеңешке шайлоо 2030',
  nameRu: 'Выборы в Жогорку Кенеш 2030',
  nameEn: 'Jogorku Kenesh election 2030',
  calledOn: '2030-07-01',
  campaignStart: '2030-09-05',
  campaignEnd: '2030-10-04',
  electionDay: '2030-10-06',
  seats: '90',
  threshold: '5',
  status: 'called',
  rulesProfileId: 'kg-2021-parliament',
};

describe('commission screens of elections', () => {
  let s: CommissionServer;
  beforeAll(async () => {
    s = await startCommissionServer();
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('lets commission staff and auditors read the home and an election, and refuses everyone else', async () => {
    await expectReadersOnly(s, ['/en/commission', `/en/commission/elections/${DEMO}`]);
    await expectNoFormsForReaders(s, ['/en/commission', `/en/commission/elections/${DEMO}`]);
  });

  it('shows the election form to the administrator only, and refuses everyone else’s election', async () => {
    expect(
      (await s.inject({ url: '/en/commission/new-election', headers: { cookie: s.admin.cookie } })).statusCode,
    ).toBe(200);
    for (const role of ['commission_analyst', 'auditor', 'party_treasurer', 'bank_officer'] as const) {
      expect(
        (await s.inject({ url: '/en/commission/new-election', headers: { cookie: s.who[role].cookie } })).statusCode,
        role,
      ).toBe(403);
    }
    expect((await s.inject('/en/commission/new-election')).statusCode).toBe(401);
    await expectOnlyAdminPosts(s, [
      { url: '/en/commission/elections', body: (w) => form({ ...ELECTION_FORM, id: 'refused-2030' }, w) },
    ]);
  });

  it('refuses the administrator’s form without its CSRF token', async () => {
    const r = await s.inject({
      method: 'POST',
      url: '/en/commission/elections',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.admin.cookie },
      payload: new URLSearchParams(ELECTION_FORM).toString(),
    });
    expect(r.statusCode).toBe(403);
  });

  it('names each wrong field in the reader’s language, keeps what was typed, then creates the election', async () => {
    const bad = await s.inject({
      method: 'POST',
      url: '/ru/commission/elections',
      ...form(
        { ...ELECTION_FORM, id: 'Bad Id', calledOn: '2030-02-30', seats: 'many', threshold: '120', nameKy: '' },
        s.admin,
      ),
    });
    expect(bad.statusCode).toBe(422);
    expect(summary(bad.body)).toEqual([
      'Идентификатор: Используйте только строчные латинские буквы, цифры и дефис.',
      'Название на кыргызском: Заполните это поле.',
      'Дата назначения: Введите дату в виде ГГГГ-ММ-ДД, например 2026-10-04.',
      'Число мандатов: Введите целое число от 1.',
      'Проходной барьер, %: Введите процент от 0 до 100, например 5 или 7,5.',
    ]);
    expect(bad.body).toContain('href="#f-calledOn"');
    expect(bad.body).toMatch(/id="f-calledOn"[^>]*aria-invalid="true"/);
    expect(bad.body).toContain('value="2030-02-30"');
    expect(bad.body).toContain('name="_csrf"');

    const order = await s.inject({
      method: 'POST',
      url: '/ky/commission/elections',
      ...form({ ...ELECTION_FORM, campaignEnd: '2030-11-01' }, s.admin),
    });
    expect(order.statusCode).toBe(422);
    expect(summary(order.body)).toEqual([
      'Шайлоо күнү: Даталар ирети менен болушу керек: дайындалган күн ≤ үгүттүн башталышы ≤ үгүттүн аякташы ≤ шайлоо күнү.',
    ]);
    const taken = await s.inject({
      method: 'POST',
      url: '/en/commission/elections',
      ...form({ ...ELECTION_FORM, id: DEMO }, s.admin),
    });
    expect(summary(taken.body)).toEqual(['Identifier: An election with this identifier already exists.']);

    const made = await s.inject({ method: 'POST', url: '/en/commission/elections', ...form(ELECTION_FORM, s.admin) });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe(`/en/commission/elections/${E}?done=created`);
    const page = await s.inject({ url: made.headers.location, headers: { cookie: s.admin.cookie } });
    expect(text(page.body)).toContain('The election was created.');
    expect(text(page.body)).toContain('Jogorku Kenesh election 2030');
    expect(text(page.body)).toContain('No party is registered yet.');
    const home = await s.inject({ url: '/en/commission', headers: { cookie: s.admin.cookie } });
    expect(home.body).toContain(`href="/en/commission/elections/${E}"`);
  });

  it('shows only the notices it knows, whatever the address says', async () => {
    const page = await s.inject({
      url: `/en/commission/elections/${DEMO}?done=<b>x</b>&done=created`,
      headers: { cookie: s.admin.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<b>x</b>');
    expect(
      text(
        (
          await s.inject({
            url: `/en/commission/elections/${DEMO}?done=imported&n=5`,
            headers: { cookie: s.admin.cookie },
          })
        ).body,
      ),
    ).not.toContain('imported');
  });

  it('answers 404 for an election that does not exist and for an unknown language, in the reader’s language', async () => {
    const missing = await s.inject({ url: '/ru/commission/elections/no-such', headers: { cookie: s.admin.cookie } });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('lang="ru"');
    for (const url of ['/xx/commission', '/xx/commission/elections/' + DEMO, '/xx/commission/new-election']) {
      expect((await s.inject({ url, headers: { cookie: s.admin.cookie } })).statusCode, url).toBe(404);
    }
  });

  it('links the commission’s home in the staff navigation of those who may read it', () => {
    expect(elections.staffLinks?.('ru', (a) => a === 'audit.read')).toEqual([
      { href: '/ru/commission', label: 'Комиссия: выборы' },
    ]);
    expect(elections.staffLinks?.('ru', () => false)).toEqual([]);
  });
});
