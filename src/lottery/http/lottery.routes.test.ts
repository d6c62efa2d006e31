// The lottery over HTTP (app.inject). On the real server (buildServer with the demo, accounts
// wired in): the console's forms in order and out of order, signed in as a commission administrator
// and sending the page's CSRF token as a browser would; anonymous visitors and a party treasurer
// refused on every console step and shown no console; the public record of each draw (page, JSON,
// canonical list, PDF, hall screen, polling) and the "check it by hand" commands, run in bash
// against the page's own values. On an app with accounts only, over each database: who sees the
// console and the commission's list of lotteries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';
import { testElection } from '../../../test/support/portal-fixture.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { loadConfig } from '../../platform/config.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../../elections/index.ts';
import { registerParty } from '../../parties/index.ts';
import type { Party } from '../../domain/election.ts';
import { buildAuthTestApp, loginAs, type SignedIn } from '../../accounts/test-support.ts';
import { verifyDrawRecord, type DrawRecord } from '../core/draw.ts';
import { byHandCommands } from '../core/ceremony-by-hand.ts';
import { lotteryElectionSection, lotteryRoutes } from './lottery.routes.tsx';
import { findCurrentDraw } from '../lottery.repository.ts';
import { participantsFileName } from '../views/paths.ts';
import { EventBus } from '../../platform/event-bus.ts';
import { Memo } from '../../platform/memo.ts';

const party = (reg: string, ky: string, ru: string): Party => ({
  registrationNumber: reg,
  name: { ky, ru, en: ru },
  shortName: { ky, ru, en: ru },
  leader: '',
  foundedOn: null,
  address: '',
  phone: '',
  website: '',
  logoBlobKey: null,
});

const PARTIES = [
  party('R-201', 'Мекен Үнү', 'Голос Родины'),
  party('R-202', 'Таза Суу', 'Чистая вода'),
  party('R-203', 'Санарип Келечек', 'Цифровое будущее'),
  party("R-204'x", 'Эмгекчилер партиясы', 'Партия трудящихся'), // a quote in the id tests the shell quoting
];
const HOSTILE = party('R-666', '</script><script>alert(1)</script>', 'Партия <b>&amp;</b>');

/** A form post; signed in, it carries the session cookie and the `_csrf` field as a browser's form does. */
const form = (fields: Record<string, string>, who?: SignedIn) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: who.cookie } : {}) },
  payload: new URLSearchParams(who ? { _csrf: who.csrfToken, ...fields } : fields).toString(),
});

/** The draw id named in a page's hidden form field. */
const hiddenDrawId = (html: string): string => /name="draw" value="(\d+)"/.exec(html)?.[1] ?? '';

/** Every CSRF token the page's forms carry. */
const csrfFields = (html: string): string[] =>
  [...html.matchAll(/<input type="hidden" name="_csrf" value="([^"]+)"/g)].map((m) => m[1]!);

/** Opening tags of the console's POST forms. */
const consoleForms = (html: string): string[] =>
  html.match(/<form method="post" action="[^"]*\/lottery\/[a-z-]+"/g) ?? [];

function embeddedRecord(html: string): DrawRecord {
  const m = /<script type="application\/json" id="draw-record">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no embedded record');
  return JSON.parse(m[1]!) as DrawRecord;
}

/** The test parties have no candidate lists, so a freeze needs a reason. */
const LISTS_REASON = 'Rehearsal with parties that have no lists yet.';

const STEPS = ['freeze', 'seed-parts', 'draw', 'redo'] as const;

// ---------------------------------------------------------------------------------------------
// The lottery's routes on an app with accounts only, on each database.

describeEachDatabase('lottery routes under accounts (each database)', (get) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let admin: SignedIn;
  let treasurer: SignedIn;
  const E = 'accounts-2030';
  let t = Date.parse('2030-09-03T04:00:00Z');

  beforeAll(async () => {
    ctx = {
      db: get().db,
      blobs: null as never,
      config: loadConfig({}),
      now: () => new Date((t += 1000)),
      events: new EventBus(),
      memo: new Memo(),
    };
    await ensureBuiltInRulesProfiles(ctx);
    await createElection(ctx, { ...testElection, id: E }, 'test');
    for (const p of PARTIES.slice(0, 2))
      await registerParty(ctx, { electionId: E, party: p, ballotNumber: null }, 'test');
    app = await buildAuthTestApp(ctx, (a) => lotteryRoutes(a, ctx));
    admin = await loginAs(app, ctx, 'commission_admin', { login: 'console-admin' });
    treasurer = await loginAs(app, ctx, 'party_treasurer', { party: 'R-201' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows anonymous visitors no console and refuses their steps', async () => {
    const page = await app.inject(`/en/elections/${E}/lottery`);
    expect(page.statusCode).toBe(200);
    expect(consoleForms(page.body)).toEqual([]);
    expect(page.headers['cache-control']).toBe('no-cache');
    const r = await app.inject({ method: 'POST', url: `/en/elections/${E}/lottery/freeze`, ...form({}) });
    expect(r.statusCode).toBe(403);
    expect(await findCurrentDraw(get().db, E)).toBeUndefined();
  });

  it('shows an administrator the console; its steps name the administrator in the activity log', async () => {
    const page = await app.inject({ url: `/en/elections/${E}/lottery`, headers: { cookie: admin.cookie } });
    expect(consoleForms(page.body)).toHaveLength(1);
    expect(csrfFields(page.body)).toHaveLength(1);
    expect(page.headers['cache-control']).toBe('no-store');
    const frozen = await app.inject({
      method: 'POST',
      url: `/en/elections/${E}/lottery/freeze`,
      ...form({ reason: LISTS_REASON }, admin),
    });
    expect(frozen.statusCode).toBe(303);
    const rows = await get()
      .db.selectFrom('activity_log')
      .select('actor')
      .where('action', 'like', 'lottery.%')
      .execute();
    expect(rows.map((r) => r.actor)).toContain('user:console-admin');
  });

  it('lists every election’s lottery for those who may manage elections, and no one else', async () => {
    const list = await app.inject({ url: '/en/lottery', headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain(`href="/en/elections/${E}/lottery"`);
    expect(list.body).toContain('List frozen');
    expect(
      (await app.inject({ url: '/en/lottery', headers: { cookie: treasurer.cookie, accept: 'text/html' } })).statusCode,
    ).toBe(403);
    const anonymous = await app.inject({ url: '/en/lottery', headers: { accept: 'text/html' } });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/en/account/login?next=%2Fen%2Flottery');
    expect((await app.inject({ url: '/xx/lottery', headers: { cookie: admin.cookie } })).statusCode).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------
// On the real server, with accounts.

describe('lottery routes on the server, under accounts', () => {
  let server: DemoServer;
  let app: FastifyInstance;
  let ctx: AppContext;
  let admin: SignedIn;
  let treasurer: SignedIn;
  const E = 'routes-2030';
  const X = 'routes-hostile';
  const dbOf = () => ctx.db;

  beforeAll(async () => {
    server = await startDemoServer();
    app = server.app;
    ctx = server.ctx;
    await createElection(ctx, { ...testElection, id: E }, 'test');
    await createElection(ctx, { ...testElection, id: X }, 'test');
    for (const p of PARTIES) await registerParty(ctx, { electionId: E, party: p, ballotNumber: null }, 'test');
    for (const p of [HOSTILE, PARTIES[0]!])
      await registerParty(ctx, { electionId: X, party: p, ballotNumber: null }, 'test');
    admin = await loginAs(app, ctx, 'commission_admin', { login: 'lottery-admin' });
    // A treasurer of a party in this very election: belonging to a participant gives no console.
    treasurer = await loginAs(app, ctx, 'party_treasurer', { party: 'R-201' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('shows anonymous visitors and a party treasurer the lottery page without a console', async () => {
    for (const cookie of [undefined, treasurer.cookie]) {
      const r = await app.inject({ url: `/ru/elections/${E}/lottery`, headers: cookie ? { cookie } : {} });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Жеребьёвка ещё не начата');
      expect(consoleForms(r.body)).toEqual([]);
      expect(csrfFields(r.body)).toEqual([]);
      expect(r.body).not.toContain('Зафиксировать список участников');
    }
  });

  it('refuses every console step to anonymous visitors (401, or the sign-in page) and to a treasurer (403)', async () => {
    // A token made before sign-in gets past the CSRF check, so that the permission check answers.
    const anon = await app.inject('/account/csrf-token');
    const anonCookie = String(anon.headers['set-cookie']).split(';')[0]!;
    const anonToken = (anon.json() as { csrfToken: string }).csrfToken;
    const url = `/en/elections/${E}/lottery`;
    for (const step of STEPS) {
      const fields = { draw: '1', observer: 'A', digits: '12345', reason: 'because' };
      const unsigned = await app.inject({ method: 'POST', url: `${url}/${step}`, ...form(fields) });
      expect(unsigned.statusCode, `${step} without a token`).toBe(403);
      const anonymous = await app.inject({
        method: 'POST',
        url: `${url}/${step}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonCookie },
        payload: new URLSearchParams({ _csrf: anonToken, ...fields }).toString(),
      });
      expect(anonymous.statusCode, `${step} anonymous`).toBe(401);
      const browser = await app.inject({
        method: 'POST',
        url: `${url}/${step}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: anonCookie },
        payload: new URLSearchParams({ _csrf: anonToken, ...fields }).toString(),
      });
      expect(browser.statusCode, `${step} anonymous browser`).toBe(303);
      expect(browser.headers.location).toBe('/en/account/login');
      const refused = await app.inject({ method: 'POST', url: `${url}/${step}`, ...form(fields, treasurer) });
      expect(refused.statusCode, `${step} treasurer`).toBe(403);
    }
    expect(await findCurrentDraw(dbOf(), E)).toBeUndefined();
  });

  it('shows a commission administrator the console, each form carrying the session’s CSRF token, never cached', async () => {
    const r = await app.inject({ url: `/ru/elections/${E}/lottery`, headers: { cookie: admin.cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toContain('Зафиксировать список участников');
    expect(r.body).toContain('Чистая вода');
    expect(consoleForms(r.body)).toHaveLength(1);
    expect(csrfFields(r.body)).toHaveLength(1);
    // Without the field the form is refused and nothing happens: the cookie alone is not enough.
    const bare = await app.inject({
      method: 'POST',
      url: `/ru/elections/${E}/lottery/freeze`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie },
      payload: '',
    });
    expect(bare.statusCode).toBe(403);
    expect(await findCurrentDraw(dbOf(), E)).toBeUndefined();
    // The public page stays cacheable for everyone else.
    expect((await app.inject(`/ru/elections/${E}/lottery`)).headers['cache-control']).toBe('no-cache');
    expect((await app.inject('/ru/elections/no-such/lottery')).statusCode).toBe(404);
    expect((await app.inject(`/xx/elections/${E}/lottery`)).statusCode).toBe(404);
  });

  it('runs the ceremony through the forms, refusing steps out of order with translated reasons', async () => {
    const url = `/ru/elections/${E}/lottery`;
    const post = (step: string, fields: Record<string, string>) =>
      app.inject({ method: 'POST', url: `${url}/${step}`, ...form(fields, admin) });
    // Nothing to roll into or redo yet.
    const early = await post('seed-parts', { draw: '1', observer: 'A', digits: '123' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Эта форма относится к устаревшей жеребьёвке');
    expect(csrfFields(early.body).length).toBeGreaterThan(0); // the page shown again can be sent again
    const noRedo = await post('redo', { reason: 'x' });
    expect(noRedo.statusCode).toBe(422);
    expect(noRedo.body).toContain('Нечего повторять');

    // The console names the parties without a candidate list before the freeze, and asks why.
    const before = (await app.inject({ url, headers: { cookie: admin.cookie } })).body;
    expect(before).toContain('id="freeze-warnings"');
    expect(before).toContain('нет списка кандидатов');
    for (const p of PARTIES) expect(before).toContain(p.name.ru);
    const unexplained = await post('freeze', {});
    expect(unexplained.statusCode).toBe(422);
    expect(unexplained.body).toContain('чтобы зафиксировать их, укажите причину');
    expect(unexplained.body).toContain('href="#f-reason"');
    expect(await findCurrentDraw(dbOf(), E)).toBeUndefined();

    // The freeze is sent exactly as the page's form would send it: with the token the page carries.
    const [pageToken] = csrfFields(before);
    const frozen = await app.inject({
      method: 'POST',
      url: `${url}/freeze`,
      ...form({ reason: LISTS_REASON }, { ...admin, csrfToken: pageToken! }),
    });
    expect(frozen.statusCode).toBe(303);
    expect(frozen.headers.location).toBe(`${url}#current`);
    const again = await post('freeze', {});
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Список участников уже зафиксирован');

    const page = (await app.inject({ url, headers: { cookie: admin.cookie } })).body;
    expect(consoleForms(page).map((f) => f.split('/lottery/')[1])).toEqual(['seed-parts"', 'draw"', 'redo"']);
    expect(csrfFields(page)).toHaveLength(3);
    const drawId = hiddenDrawId(page);
    expect(drawId).not.toBe('');
    const tooEarly = await post('draw', { draw: drawId });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.body).toContain('Ни один наблюдатель ещё не ввёл бросок');

    const letters = await post('seed-parts', { draw: drawId, observer: 'Наблюдатель А', digits: '12ab' });
    expect(letters.statusCode).toBe(422);
    expect(letters.body).toContain('только цифры 0–9');
    expect(letters.body).toContain('value="12ab"'); // what was typed comes back for correction

    for (const [observer, digits] of [
      ['Наблюдатель А', '4 6 1 2 3 5 8 8 1 9'],
      ['Наблюдатель Б', '2299'],
    ]) {
      const r = await post('seed-parts', { draw: drawId, observer: observer!, digits: digits! });
      expect(r.statusCode).toBe(303);
    }
    const short = await post('draw', { draw: drawId });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('В бросках наблюдателей 14 цифр; нужно не менее 20.');
    await post('seed-parts', { draw: drawId, observer: 'Член ЦИК', digits: '770315' });

    const drawn = await post('draw', { draw: drawId });
    expect(drawn.statusCode).toBe(303);
    expect(drawn.headers.location).toBe(`/ru/lottery/draws/${drawId}`);
    const twice = await post('draw', { draw: drawId });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('Жеребьёвка окончательна');

    // The activity log names the signed-in person for every step.
    const actors = await dbOf()
      .selectFrom('activity_log')
      .select('actor')
      .where('action', 'like', 'lottery.%')
      .where('entity_id', 'like', `%${drawId}%`)
      .execute();
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors.map((a) => a.actor))).toEqual(new Set(['user:lottery-admin']));
  });

  it('publishes the draw: list, commitment, rolls, seed, every ticket at full precision, order, numbers, verifier', async () => {
    const d = (await findCurrentDraw(dbOf(), E))!;
    const record = d.record!;
    const r = await app.inject(`/en/lottery/draws/${d.id}`);
    expect(r.statusCode).toBe(200);
    const html = r.body;
    expect(html).toContain(record.participantsCommitment);
    expect(html).toContain(record.seed);
    expect(record.seed).toBe('46123588192299770315');
    for (const x of record.tickets) expect(html).toContain(x.ticket);
    for (const p of d.participants) expect(html).toContain(p.name.replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
    expect(html).toContain('Наблюдатель Б');
    expect(html).toContain('The server recomputed this record: every value matches.');
    expect(embeddedRecord(html)).toEqual(record);
    expect(html).toContain('<button type="button" id="verify-draw"');
    expect(html).toContain('data-label-seed-length="Seed has at least 20 digits"');
    expect(html).toContain('data-label-ticket="Ticket of {id}"');
    expect(html).toContain('<script type="module" src="/static/lottery/verify-draw.client.js">');
    expect(html).toContain(`/lottery/draws/${d.id}.json`);
    expect(html).toContain(`/lottery/draws/${d.id}/ballot-proof.pdf?size=A3`);
    expect(html).toContain('sha256sum');
    // In Kyrgyz too, with the verifier's labels translated.
    const ky = (await app.inject(`/ky/lottery/draws/${d.id}`)).body;
    expect(ky).toContain('Браузерде текшерүү');
    expect(ky).toContain('Кол менен кантип текшерүү керек');
    expect(ky).toContain('data-label-verified="Текшерилди');
  });

  it('serves the JSON record, the canonical list that the commitment hashes, and the polling state', async () => {
    const d = (await findCurrentDraw(dbOf(), E))!;
    const json = await app.inject(`/lottery/draws/${d.id}.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.headers['content-disposition']).toBe(`attachment; filename="${E}-draw-1.json"`);
    expect(verifyDrawRecord(JSON.parse(json.body)).ok).toBe(true);

    const list = await app.inject(`/lottery/draws/${d.id}/participants.json`);
    expect(createHash('sha256').update(list.rawPayload).digest('hex')).toBe(d.commitment);

    const live = await app.inject(`/lottery/draws/${d.id}/live.json`);
    expect(live.headers['cache-control']).toBe('no-store');
    expect(live.json()).toMatchObject({
      id: d.id,
      state: 'drawn',
      seedDigits: 20,
      minimumDigits: 20,
      supersededById: null,
    });

    expect((await app.inject('/lottery/draws/999.json')).statusCode).toBe(404);
    expect((await app.inject('/lottery/draws/abc.json')).statusCode).toBe(404);
    expect((await app.inject('/en/lottery/draws/999')).statusCode).toBe(404);
  });

  it('prints "check it by hand" commands that give, in bash, exactly what the page says', async () => {
    const d = (await findCurrentDraw(dbOf(), E))!;
    const dir = mkdtempSync(join(tmpdir(), 'talapker-byhand-'));
    try {
      const list = await app.inject(`/lottery/draws/${d.id}/participants.json`);
      writeFileSync(join(dir, participantsFileName(d)), list.rawPayload);
      const cmds = byHandCommands(d.record!, participantsFileName(d))!;
      for (const c of [cmds.commitment, cmds.seedHash, cmds.firstTicket]) {
        const r = spawnSync('bash', ['-c', c.command], { cwd: dir, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.stdout.trim()).toBe(c.prints);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders the ballot proof PDF in A4 and A3, and refuses what is not a drawn draw', async () => {
    const d = (await findCurrentDraw(dbOf(), E))!;
    for (const size of ['A4', 'A3']) {
      const r = await app.inject(`/lottery/draws/${d.id}/ballot-proof.pdf?size=${size}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await app.inject(`/lottery/draws/${d.id}/ballot-proof.pdf?size=B5`)).statusCode).toBe(400);
    expect((await app.inject('/lottery/draws/999/ballot-proof.pdf')).statusCode).toBe(404);
  });

  it('shows the hall screen with the commitment, each digit and every ticket, and serves its script and styles', async () => {
    const d = (await findCurrentDraw(dbOf(), E))!;
    const r = await app.inject(`/ru/lottery/draws/${d.id}/present?pace=1`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(d.commitment);
    expect(r.body.match(/class="digit"/g)).toHaveLength(20);
    for (const x of d.record!.tickets) expect(r.body).toContain(x.ticket);
    expect(r.body).toContain('data-pace="100"'); // bounded
    expect((await app.inject(`/ru/lottery/draws/${d.id}/present`)).body).toContain('data-pace="2500"');
    const script = /<script src="([^"]+)"/.exec(r.body)![1]!;
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(r.body)![1]!;
    expect((await app.inject(script)).headers['content-type']).toContain('javascript');
    expect((await app.inject(css)).headers['content-type']).toContain('text/css');
    const verifier = await app.inject('/static/lottery/verify-draw.client.js');
    expect(verifier.headers['content-type']).toContain('javascript');
    expect(verifier.body).toContain('export async function verifyDrawInBrowser');
  });

  it('redoes with a reason only; both draws stay published and point at each other', async () => {
    const first = (await findCurrentDraw(dbOf(), E))!;
    const url = `/en/elections/${E}/lottery`;
    const noReason = await app.inject({
      method: 'POST',
      url: `${url}/redo`,
      ...form({ draw: String(first.id), reason: '  ' }, admin),
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('A redo needs a recorded reason.');
    const redo = await app.inject({
      method: 'POST',
      url: `${url}/redo`,
      ...form({ draw: String(first.id), reason: 'The hall screen was off during the rolls' }, admin),
    });
    expect(redo.statusCode).toBe(303);
    // The same form sent again names a draw that is no longer current: refused, no third attempt.
    const twice = await app.inject({
      method: 'POST',
      url: `${url}/redo`,
      ...form({ draw: String(first.id), reason: 'again' }, admin),
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('no longer current');

    const second = (await findCurrentDraw(dbOf(), E))!;
    expect(second.attempt).toBe(2);
    const page = (await app.inject(url)).body;
    expect(page).toContain('The hall screen was off during the rolls');
    expect(page).toContain('Superseded');
    expect(page).toContain(`/en/lottery/draws/${first.id}`);
    const old = (await app.inject(`/en/lottery/draws/${first.id}`)).body;
    expect(old).toContain('This draw was superseded');
    expect(old).toContain(`/en/lottery/draws/${second.id}`);
    for (const x of first.record!.tickets) expect(old).toContain(x.ticket); // the earlier draw stays visible in full
    const fresh = (await app.inject(`/en/lottery/draws/${second.id}`)).body;
    expect(fresh).toContain(
      `This draw redoes draw no. ${first.id}. Recorded reason: The hall screen was off during the rolls`,
    );
    // The draw is named by the number in its address, on its page and on the election's page.
    expect(first.id).not.toBe(first.attempt); // the 2020 demo draw came first
    for (const d of [first, second]) {
      const html = (await app.inject(`/en/lottery/draws/${d.id}`)).body;
      expect(html).toContain(`<title>Draw no. ${d.id} — `);
      expect(html).not.toContain(`Draw no. ${d.attempt} `);
    }
    expect((await app.inject(`/en/elections/${E}/lottery`)).body).toContain(
      `href="/en/lottery/draws/${second.id}">Draw no. ${second.id}</a>`,
    );
    expect(fresh).toContain('Not drawn yet.');
    expect((await app.inject(`/lottery/draws/${second.id}.json`)).statusCode).toBe(404);
    expect((await app.inject(`/lottery/draws/${second.id}/ballot-proof.pdf`)).statusCode).toBe(409);
    expect((await app.inject(`/lottery/draws/${first.id}/live.json`)).json()).toMatchObject({
      state: 'superseded',
      supersededById: second.id,
    });
  });

  it('says a closed election without a draw held no lottery, rather than that it has not started', async () => {
    const closed = 'kg-2021-parliament';
    const page = (await app.inject(`/en/elections/${closed}/lottery`)).body;
    expect(page).toContain('No lottery was held for this election');
    expect(page).not.toContain('has not started');
    const election = (await app.inject(`/en/elections/${closed}`)).body;
    expect(election).toContain('No lottery was held for this election');
    expect(election).not.toContain('Not started');
    // An election still ahead keeps saying that its lottery has not started.
    expect((await app.inject(`/en/elections/demo-live-draw/lottery`)).body).toContain('The lottery has not started');
  });

  it('never lets a party name break out of the embedded record or the page', async () => {
    const url = `/en/elections/${X}/lottery`;
    await app.inject({ method: 'POST', url: `${url}/freeze`, ...form({ reason: LISTS_REASON }, admin) });
    const drawId = hiddenDrawId((await app.inject({ url, headers: { cookie: admin.cookie } })).body);
    await app.inject({
      method: 'POST',
      url: `${url}/seed-parts`,
      ...form({ draw: drawId, observer: '<i>Observer</i>', digits: '12345678901234567890' }, admin),
    });
    expect(
      (await app.inject({ method: 'POST', url: `${url}/draw`, ...form({ draw: drawId }, admin) })).statusCode,
    ).toBe(303);
    for (const path of [`/en/lottery/draws/${drawId}`, `/en/lottery/draws/${drawId}/present`, url]) {
      const html = (await app.inject({ url: path, headers: { cookie: admin.cookie } })).body;
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<i>Observer');
      expect(html).not.toContain('<b>&amp;');
    }
    const record = embeddedRecord((await app.inject(`/en/lottery/draws/${drawId}`)).body);
    expect(record.participants.map((p) => p.name)).toContain(
      '</script><script>alert(1)</script> / Партия <b>&amp;</b>',
    );
  });

  it('strikes a mistyped roll from the console with a public reason, refusing a strike without one', async () => {
    const S = 'routes-strike';
    await createElection(ctx, { ...testElection, id: S }, 'test');
    for (const p of PARTIES.slice(0, 3))
      await registerParty(ctx, { electionId: S, party: p, ballotNumber: null }, 'test');
    const url = `/en/elections/${S}/lottery`;
    const post = (step: string, fields: Record<string, string>) =>
      app.inject({ method: 'POST', url: `${url}/${step}`, ...form(fields, admin) });
    expect((await post('freeze', { reason: LISTS_REASON })).statusCode).toBe(303);
    const drawId = hiddenDrawId((await app.inject({ url, headers: { cookie: admin.cookie } })).body);
    for (const [observer, digits] of [
      ['Observer A', '31415926535'],
      ['Observer B', '2718'],
      ['Observer B', '27182818284'],
    ]) {
      expect((await post('seed-parts', { draw: drawId, observer: observer!, digits: digits! })).statusCode).toBe(303);
    }
    // Each roll has its strike form, on the page without JavaScript.
    const consolePage = (await app.inject({ url, headers: { cookie: admin.cookie } })).body;
    expect(consoleForms(consolePage).filter((f) => f.endsWith('/strike-roll"'))).toHaveLength(3);
    expect(consolePage).toContain('id="f-strike-1-strikeReason"');
    expect(consolePage).toContain('Roll 2: Observer B, 2718');

    const refused = await post('strike-roll', { draw: drawId, roll: '1', strikeReason: '  ' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(
      'href="#f-strike-1-strikeReason">Reason for striking: Striking a roll needs a reason; it is published with the roll.',
    );
    expect(refused.body).toMatch(/id="f-strike-1-strikeReason"[^>]*aria-invalid="true"/);
    expect(refused.body).not.toMatch(/id="f-strike-0-strikeReason"[^>]*aria-invalid="true"/);
    expect(refused.body).not.toMatch(/id="f-reason"[^>]*aria-invalid="true"/); // the redo form's own field
    expect((await findCurrentDraw(dbOf(), S))!.seedParts.some((p) => p.struck)).toBe(false);

    const reason = 'Typed 2718 for 27182818284; entered again';
    const struck = await post('strike-roll', { draw: drawId, roll: '1', strikeReason: reason });
    expect(struck.statusCode).toBe(303);
    expect(struck.headers.location).toBe(`${url}#console`);
    const after = (await app.inject({ url, headers: { cookie: admin.cookie } })).body;
    expect(consoleForms(after).filter((f) => f.endsWith('/strike-roll"'))).toHaveLength(2);
    const again = await post('strike-roll', { draw: drawId, roll: '1', strikeReason: 'again' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Roll 2 is already struck.');

    expect((await post('draw', { draw: drawId })).statusCode).toBe(303);
    const late = await post('strike-roll', { draw: drawId, roll: '0', strikeReason: 'too late' });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('The draw is final');

    const page = (await app.inject(`/en/lottery/draws/${drawId}`)).body;
    expect(page).toContain('Struck rolls (not part of the seed):');
    expect(page).toContain(`struck before the draw: ${reason}`);
    expect(page).toContain('The server recomputed this record: every value matches.');
    const record = embeddedRecord(page);
    expect(record.seed).toBe('3141592653527182818284');
    expect(record.struckSeedParts).toMatchObject([{ observer: 'Observer B', digits: '2718', reason }]);
    expect(verifyDrawRecord(record).ok).toBe(true);
    const ru = (await app.inject(`/ru/lottery/draws/${drawId}`)).body;
    expect(ru).toContain(`вычеркнут до жеребьёвки: ${reason}`);
  });

  it('adds a section with a link to the election page', async () => {
    const html = renderToString((await lotteryElectionSection(ctx, E, 'en')) as VNode);
    expect(html).toContain(`href="/en/elections/${E}/lottery"`);
    expect(html).toContain('Ballot-order lottery');
  });
});
