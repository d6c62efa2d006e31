// The commission's party screens over HTTP on the demo: who may read a party's page and who may
// register a party or end its participation, the registration form refused and accepted (and filled
// from a party of an earlier election), a party's withdrawal with date and reason, and 404s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElection } from '../../elections/index.ts';
import { findParticipation } from '../index.ts';
import {
  commissionElection,
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

const E = 'parties-2030';
const PARTY = 'PP-0101';
const OTHER = 'PP-0202';
const partyForm = (reg: string, ru: string) => ({
  registrationNumber: reg,
  nameKy: `${ru} (ky)`,
  nameRu: ru,
  nameEn: '',
  leader: 'Тест Тестов',
  foundedOn: '2015-03-01',
  website: 'https://example.kg',
});
const partyUrl = (reg: string, l = 'en') => `/${l}/commission/elections/${E}/parties/${encodeURIComponent(reg)}`;

describe('commission screens of parties', () => {
  let s: CommissionServer;
  beforeAll(async () => {
    s = await startCommissionServer();
    const made = await createElection(s.server.ctx, commissionElection(E), 'test');
    if (!made.ok) throw new Error(made.error.map((p) => p.message).join('; '));
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const demoPartyUrl = () => `/en/commission/elections/${DEMO}/parties/${encodeURIComponent(s.demoParty)}`;

  it('lets commission staff and auditors read a party’s page, and refuses everyone else', async () => {
    await expectReadersOnly(s, [demoPartyUrl()]);
    await expectNoFormsForReaders(s, [demoPartyUrl()]);
    const admin = (await s.inject({ url: demoPartyUrl(), headers: { cookie: s.admin.cookie } })).body;
    expect(admin).toContain('/status"');
    // Every form carries the CSRF token.
    expect(admin.match(/<form method="post"/g)?.length).toBe(admin.match(/name="_csrf"/g)?.length);
  });

  it('lets only the administrator register a party or change its status', async () => {
    const url = `/en/commission/elections/${DEMO}/register-party`;
    expect((await s.inject({ url, headers: { cookie: s.admin.cookie } })).statusCode).toBe(200);
    for (const role of ['commission_analyst', 'auditor', 'party_treasurer', 'bank_officer'] as const) {
      expect((await s.inject({ url, headers: { cookie: s.who[role].cookie } })).statusCode, role).toBe(403);
    }
    await expectOnlyAdminPosts(s, [
      { url: `/en/commission/elections/${DEMO}/parties`, body: (w) => form(partyForm('REFUSED-1', 'Отказ'), w) },
      {
        url: `${demoPartyUrl()}/status`,
        body: (w) => form({ participationStatus: 'withdrawn', statusDate: '2027-01-10', statusReason: 'x' }, w),
      },
    ]);
    expect((await findParticipation(s.server.ctx.db, DEMO, s.demoParty))?.status).toBe('registered');
  });

  it('registers parties, refusing a bad form and a party already in the election', async () => {
    const bad = await s.inject({
      method: 'POST',
      url: `/en/commission/elections/${E}/parties`,
      ...form({ ...partyForm('', 'x'), website: 'example.kg' }, s.admin),
    });
    expect(bad.statusCode).toBe(422);
    expect(summary(bad.body)).toEqual([
      'Registration number: Fill this in.',
      'Website: Enter an address starting with http:// or https://.',
    ]);
    for (const [reg, name] of [
      [PARTY, 'Партия проверки'],
      [OTHER, 'Партия таблиц'],
    ] as const) {
      const r = await s.inject({
        method: 'POST',
        url: `/en/commission/elections/${E}/parties`,
        ...form(partyForm(reg, name), s.admin),
      });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe(`${partyUrl(reg)}?done=registered`);
    }
    const again = await s.inject({
      method: 'POST',
      url: `/en/commission/elections/${E}/parties`,
      ...form(partyForm(PARTY, 'Партия проверки'), s.admin),
    });
    expect(summary(again.body)).toEqual([
      'Registration number: This party is already in this election. Its status is changed on its own page.',
    ]);
    const page = await s.inject({ url: `/ru/commission/elections/${E}`, headers: { cookie: s.admin.cookie } });
    expect(text(page.body)).toContain('Партия проверки');
    expect(page.body).toContain(`href="${partyUrl(PARTY, 'ru')}"`);
    const registered = await s.inject({
      url: `${partyUrl(PARTY)}?done=registered`,
      headers: { cookie: s.admin.cookie },
    });
    expect(text(registered.body)).toContain('The party was registered in this election.');
  });

  it('fills the registration form from a party of an earlier election', async () => {
    const from = await s.inject({
      url: `/en/commission/elections/${E}/register-party?fromParty=${encodeURIComponent(s.demoParty)}`,
      headers: { cookie: s.admin.cookie },
    });
    expect(from.body).toContain(`value="${s.demoParty}"`);
    expect(text(from.body)).toContain('its record will be updated');
  });

  it('records a party’s withdrawal with date and reason', async () => {
    const url = `${partyUrl(OTHER, 'ru')}/status`;
    const bad = await s.inject({
      method: 'POST',
      url,
      ...form({ participationStatus: 'registered', statusDate: '', statusReason: '' }, s.admin),
    });
    expect(summary(bad.body)).toEqual([
      'Новый статус: Выберите один из вариантов.',
      'Дата изменения: Заполните это поле.',
      'Основание: Заполните это поле.',
    ]);
    const r = await s.inject({
      method: 'POST',
      url,
      ...form(
        { participationStatus: 'withdrawn', statusDate: '2030-09-20', statusReason: 'Заявление партии от 20.09.2030' },
        s.admin,
      ),
    });
    expect(r.statusCode).toBe(303);
    expect(await findParticipation(s.server.ctx.db, E, OTHER)).toMatchObject({
      status: 'withdrawn',
      statusDate: '2030-09-20',
      statusReason: 'Заявление партии от 20.09.2030',
    });
    const page = text((await s.inject({ url: r.headers.location ?? '', headers: { cookie: s.admin.cookie } })).body);
    expect(page).toContain('Изменение статуса записано.');
    expect(page).toContain('Выбыла');
    expect(page).toContain('Заявление партии от 20.09.2030');
  });

  it('answers 404 for a party that does not stand in the election, and for an unknown election or language', async () => {
    for (const url of [
      partyUrl('NO-SUCH'),
      partyUrl(s.demoParty),
      '/en/commission/elections/no-such/register-party',
      `/xx/commission/elections/${E}/parties/${PARTY}`,
    ]) {
      expect((await s.inject({ url, headers: { cookie: s.admin.cookie } })).statusCode, url).toBe(404);
    }
    const post = await s.inject({
      method: 'POST',
      url: `${partyUrl('NO-SUCH')}/status`,
      ...form({ participationStatus: 'withdrawn', statusDate: '2030-09-20', statusReason: 'x' }, s.admin),
    });
    expect(post.statusCode).toBe(404);
  });
});
