// The races' public pages on SQLite: the districts in every language with their filters and pages, a
// district with its candidates (the party's short name or "self-nominated", the status), 404 for what
// does not exist, and the election page's section only once the election has districts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../../test/support/databases.ts';
import { LOCALES } from '../../domain/election.ts';
import { buildServer } from '../../server.ts';
import {
  CANDIDATES_CSV,
  DISTRICTS_CSV,
  RACE_ELECTION,
  raceTestContext,
  setupRaceElection,
  type RaceTestContext,
} from '../races.test-support.ts';
import { importDistrictCandidates, importDistricts } from '../races.service.ts';
import { t } from '../races.messages.ts';

const E = RACE_ELECTION.id;

describe('public pages of the races', () => {
  let t0: RaceTestContext;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  const get = (url: string) => app.inject({ method: 'GET', url });
  beforeAll(async () => {
    const db = await openTestDatabase('sqlite');
    close = db.close;
    // Pages are cached until the data version moves on; the imports below write beside the server, as
    // the command does, so the server's poll must notice them soon.
    t0 = raceTestContext(db.db, { TALAPKER_PAGE_CACHE_REFRESH_MS: '100' });
    await setupRaceElection(t0.ctx);
    app = await buildServer(t0.ctx);
  });
  afterAll(async () => {
    await app?.close();
    t0.close();
    await close();
  });

  it('has no section on the election page while the election has no districts', async () => {
    const res = await get(`/en/elections/${E}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(`/en/elections/${E}/races`);
    const empty = await get(`/en/elections/${E}/races`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain(t('en', 'races.empty'));
  });

  it('lists the districts in every language, linked from the election page', async () => {
    const input = (text: string) => ({ electionId: E, text, actor: 'test' });
    expect((await importDistricts(t0.ctx, input(DISTRICTS_CSV))).ok).toBe(true);
    expect((await importDistrictCandidates(t0.ctx, input(CANDIDATES_CSV))).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const l of LOCALES) {
      const election = await get(`/${l}/elections/${E}`);
      expect(election.body).toContain(`href="/${l}/elections/${E}/races"`);
      expect(election.body).toContain(t(l, 'races.section.lead', { districts: 3, seats: 47 }));
      const res = await get(`/${l}/elections/${E}/races`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      expect(res.body).toContain(t(l, 'races.title'));
      expect(res.body).toContain(`href="/${l}/elections/${E}/races/01"`);
      expect(res.body).toContain(t(l, 'races.kind.municipality'));
      expect(res.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"');
    }
    const en = (await get(`/en/elections/${E}/races`)).body;
    expect(en).toContain('First constituency');
    // An empty English name shows the Russian one.
    expect(en).toContain('Второй округ');
  });

  it('filters by kind and region, ignoring a value nobody could have been given', async () => {
    const municipal = (await get(`/en/elections/${E}/races?kind=municipality`)).body;
    expect(municipal).toContain('Osh city council');
    expect(municipal).not.toContain('First constituency');
    const chui = (await get(`/en/elections/${E}/races?region=${encodeURIComponent('Чүй')}`)).body;
    expect(chui).toContain('Второй округ');
    expect(chui).not.toContain('Osh city council');
    const odd = await get(`/en/elections/${E}/races?kind=ward&after=%3Cscript%3E`);
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('Osh city council');
  });

  it('shows a district with its candidates, their nomination and status, and nothing private', async () => {
    const res = await get(`/ru/elections/${E}/races/01`);
    expect(res.statusCode).toBe(200);
    for (const text of ['Первый округ', 'Биринчи округ', 'First constituency', 'Асанов Бакыт Маратович', 'ПО'])
      expect(res.body).toContain(text);
    expect(res.body).toContain(t('ru', 'races.nomination.self'));
    expect(res.body).toContain(t('ru', 'races.status.withdrawn'));
    expect(res.body).not.toContain('Бишкек, ул.');
    const none = await get(`/en/elections/${E}/races/03`);
    expect(none.body).toContain(t('en', 'races.district.noCandidates'));
  });

  it('pages a long list by code, with links to the next page and back to the first', async () => {
    const more = Array.from({ length: 52 }, (_, i) => {
      const code = String(i + 4).padStart(2, '0');
      return `${code},Округ ${code},Округ ${code},District ${code},constituency,Жалал-Абад,1`;
    });
    const r = await importDistricts(t0.ctx, {
      electionId: E,
      text: [DISTRICTS_CSV, ...more].join('\n'),
      actor: 'test',
    });
    expect(r.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const first = (await get(`/en/elections/${E}/races`)).body;
    expect(first).toContain('District 50');
    expect(first).not.toContain('District 51');
    expect(first).toContain(`href="/en/elections/${E}/races?after=50" rel="next"`);
    const second = (await get(`/en/elections/${E}/races?after=50`)).body;
    expect(second).toContain('District 55');
    expect(second).not.toContain('District 50<');
    expect(second).not.toContain('rel="next"');
    expect(second).toContain(`href="/en/elections/${E}/races"`);
  });

  it('answers 404 for a district, an election or a language that does not exist', async () => {
    for (const url of [
      `/en/elections/${E}/races/99`,
      `/en/elections/${E}/races/a%20b`,
      `/en/elections/no-such/races`,
      `/en/elections/no-such/races/01`,
      `/xx/elections/${E}/races`,
    ])
      expect((await get(url)).statusCode, url).toBe(404);
  });
});
