// The local demo on SQLite: exactly its 400 municipalities, 2,000 party lists and 500 candidates, the same
// every time and written once; the races list pages through them 50 at a time, and a municipality's page
// shows its lists (linked to the parties' pages) beside its candidates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../test/support/databases.ts';
import { ensureBuiltInRulesProfiles } from '../elections/index.ts';
import { buildServer } from '../server.ts';
import { LOCAL_DEMO_SIZE, planLocalDemo } from './core/local-demo-plan.ts';
import { loadLocalDemo } from './local-demo.ts';
import { demoLocalCommand } from './local-demo.command.ts';
import { raceTestContext, type RaceTestContext } from './races.test-support.ts';
import { t } from './races.messages.ts';

const E = 'demo-local-2026';

describe('the local demo', () => {
  let t0: RaceTestContext;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const counts = async () => {
    const n = async (table: 'districts' | 'district_lists' | 'district_candidates' | 'activity_log') =>
      Number(
        (
          await t0.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      municipalities: await n('districts'),
      lists: await n('district_lists'),
      candidates: await n('district_candidates'),
      activity: await n('activity_log'),
    };
  };
  beforeAll(async () => {
    const db = await openTestDatabase('sqlite');
    close = db.close;
    t0 = raceTestContext(db.db);
    await ensureBuiltInRulesProfiles(t0.ctx);
  });
  afterAll(async () => {
    await app?.close();
    t0.close();
    await close();
  });

  it('plans the same demo from the same seed, and a different one from another', () => {
    const a = planLocalDemo();
    expect(planLocalDemo()).toEqual(a);
    expect(planLocalDemo(1).districts).not.toEqual(a.districts);
    expect(new Set(a.districts.map((d) => d.code)).size).toBe(LOCAL_DEMO_SIZE.municipalities);
    expect(new Set(a.lists.map((l) => `${l.districtCode}/${l.partyRegistrationNumber}`)).size).toBe(
      LOCAL_DEMO_SIZE.lists,
    );
    expect(new Set(a.districts.map((d) => d.parentRegion)).size).toBe(9);
  });

  it('loads exactly 400 municipalities, 2,000 lists and 500 candidates in one go', async () => {
    const r = await loadLocalDemo(t0.ctx);
    expect(r).toEqual({ loaded: true, electionId: E, municipalities: 400, parties: 40, lists: 2000, candidates: 500 });
    expect(await counts()).toMatchObject({ municipalities: 400, lists: 2000, candidates: 500 });
    const election = await t0.ctx.db.selectFrom('elections').selectAll().where('id', '=', E).executeTakeFirstOrThrow();
    expect(election).toMatchObject({ kind: 'local', synthetic: 1 });
    const parties = await t0.ctx.db.selectFrom('participations').select('party_registration_number').execute();
    expect(parties).toHaveLength(40);
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await counts();
    expect(await loadLocalDemo(t0.ctx)).toEqual({ loaded: false, electionId: E, reason: 'present' });
    expect(await counts()).toEqual(before);
  });

  it('says so on the command line, and refuses arguments it does not know', async () => {
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s) };
    expect(await demoLocalCommand([], io, (fn) => fn(t0.ctx))).toBe(0);
    expect(out).toContain('already there; nothing changed');
    expect(await demoLocalCommand(['--seed', '1'], io, (fn) => fn(t0.ctx))).toBe(2);
    expect(out).toContain('usage: talapker demo local');
  });

  it('pages the races list 50 municipalities at a time: 8 pages', async () => {
    app = await buildServer(t0.ctx);
    let url: string | undefined = `/en/elections/${E}/races`;
    const seen = new Set<string>();
    let pages = 0;
    while (url) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const codes = [...res.body.matchAll(new RegExp(`href="/en/elections/${E}/races/([A-Z]{2}-\\d{3})"`, 'g'))];
      expect(codes.length, url).toBe(50);
      for (const [, code] of codes) seen.add(code ?? '');
      pages++;
      url = /href="([^"]+)" rel="next"/.exec(res.body)?.[1]?.replaceAll('&amp;', '&');
    }
    expect(pages).toBe(8);
    expect(seen.size).toBe(400);
    const bishkek = (await get(`/en/elections/${E}/races?region=${encodeURIComponent('Бишкек шаары')}`)).body;
    expect(bishkek).toContain('Bishkek city council');
    expect(bishkek).toContain(t('en', 'races.column.lists'));
  });

  it('shows a municipality with its party lists, linked to the parties, beside its candidates', async () => {
    const lists = await t0.ctx.db
      .selectFrom('district_lists as l')
      .innerJoin('parties as p', 'p.registration_number', 'l.party_registration_number')
      .select(['p.registration_number', 'p.short_name_ru', 'l.list_size'])
      .where('l.election_id', '=', E)
      .where('l.district_code', '=', 'BI-001')
      .execute();
    const candidates = await t0.ctx.db
      .selectFrom('district_candidates')
      .select(['last_name', 'first_name'])
      .where('election_id', '=', E)
      .where('district_code', '=', 'BI-001')
      .execute();
    expect(lists.length).toBeGreaterThan(20);
    expect(candidates).toHaveLength(20);
    const res = await get(`/ru/elections/${E}/races/BI-001`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain(t('ru', 'races.district.lists'));
    for (const l of lists) {
      expect(body).toContain(`href="/ru/elections/${E}/parties/${l.registration_number}">${l.short_name_ru}</a>`);
    }
    for (const c of candidates) expect(body).toContain(`${c.last_name} ${c.first_name}`);
  });
});
