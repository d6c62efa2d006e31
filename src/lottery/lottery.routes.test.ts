// The lottery over HTTP (app.inject): the console's forms in order and out of order, the guard,
// the public record of a draw (page, JSON, canonical list, PDF, hall screen, polling) and the
// "check it by hand" commands, run in bash against the page's own values.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type preHandlerAsyncHookHandler } from 'fastify';
import formbody from '@fastify/formbody';
import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { testElection } from '../../test/support/portal-fixture.ts';
import type { AppContext } from '../platform/app-context.ts';
import { loadConfig } from '../platform/config.ts';
import { createElection, ensureBuiltInRulesProfiles, registerParty } from '../elections/election.service.ts';
import type { Party } from '../domain/election.ts';
import { verifyDrawRecord, type DrawRecord } from './draw.ts';
import { byHandCommands } from './ceremony-by-hand.ts';
import { commissionIsOpen, lotteryElectionSection, lotteryRoutes } from './lottery.routes.tsx';
import { findCurrentDraw } from './lottery.repository.ts';
import { participantsFileName } from './lottery.pages.tsx';

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

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

/** The draw id named in a page's hidden form field. */
const hiddenDrawId = (html: string): string => /name="draw" value="(\d+)"/.exec(html)?.[1] ?? '';

function embeddedRecord(html: string): DrawRecord {
  const m = /<script type="application\/json" id="draw-record">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no embedded record');
  return JSON.parse(m[1]!) as DrawRecord;
}

describeEachDatabase('lottery routes', (get) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const E = 'routes-2030';
  const X = 'routes-hostile';
  let t = Date.parse('2030-09-03T04:00:00Z');

  beforeAll(async () => {
    ctx = { db: get().db, blobs: null as never, config: loadConfig({}), now: () => new Date((t += 1000)) };
    await ensureBuiltInRulesProfiles(ctx);
    await createElection(ctx, { ...testElection, id: E }, 'test');
    await createElection(ctx, { ...testElection, id: X }, 'test');
    for (const p of PARTIES) await registerParty(ctx, { electionId: E, party: p, ballotNumber: null }, 'test');
    for (const p of [HOSTILE, PARTIES[0]!]) await registerParty(ctx, { electionId: X, party: p, ballotNumber: null }, 'test');
    app = Fastify();
    await app.register(formbody);
    lotteryRoutes(app, ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the console only where it is safe: TALAPKER_OPEN_COMMISSION=1, or the test runner', () => {
    expect(commissionIsOpen({ TALAPKER_OPEN_COMMISSION: '1' })).toBe(true);
    expect(commissionIsOpen({})).toBe(false);
    expect(commissionIsOpen({ VITEST: 'true' })).toBe(true);
    expect(commissionIsOpen({ VITEST: 'true', TALAPKER_OPEN_COMMISSION: '0' })).toBe(false);
  });

  it('refuses the console steps behind the default guard when the commission is not open, and hides the forms', async () => {
    process.env.TALAPKER_OPEN_COMMISSION = '0';
    try {
      const r = await app.inject({ method: 'POST', url: `/en/elections/${E}/lottery/freeze`, ...form({}) });
      expect(r.statusCode).toBe(403);
      expect(r.body).toContain('Only the commission may take this step.');
      const page = await app.inject(`/en/elections/${E}/lottery`);
      expect(page.body).not.toContain('/lottery/freeze');
    } finally {
      delete process.env.TALAPKER_OPEN_COMMISSION;
    }
    expect(await findCurrentDraw(get().db, E)).toBeUndefined();
  });

  it('takes a guard and an actor from the caller', async () => {
    const gated = Fastify();
    await gated.register(formbody);
    const requireLogin: preHandlerAsyncHookHandler = async (_req, reply) => {
      await reply.status(401).send({ error: 'login' });
    };
    lotteryRoutes(gated, ctx, { guard: requireLogin });
    const r = await gated.inject({ method: 'POST', url: `/en/elections/${E}/lottery/freeze`, ...form({}) });
    expect(r.statusCode).toBe(401);
    await gated.close();
  });

  it('shows the lottery page before anything is frozen, with the parties a freeze would take', async () => {
    const r = await app.inject(`/ru/elections/${E}/lottery`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body).toContain('Жеребьёвка ещё не начата');
    expect(r.body).toContain('Зафиксировать список участников');
    expect(r.body).toContain('Чистая вода');
    expect((await app.inject('/ru/elections/no-such/lottery')).statusCode).toBe(404);
    expect((await app.inject(`/xx/elections/${E}/lottery`)).statusCode).toBe(404);
  });

  it('runs the ceremony through the forms, refusing steps out of order with translated reasons', async () => {
    const url = `/ru/elections/${E}/lottery`;
    // Nothing to roll into or redo yet.
    const early = await app.inject({ method: 'POST', url: `${url}/seed-parts`, ...form({ draw: '1', observer: 'A', digits: '123' }) });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Эта форма относится к устаревшей жеребьёвке');
    const noRedo = await app.inject({ method: 'POST', url: `${url}/redo`, ...form({ reason: 'x' }) });
    expect(noRedo.statusCode).toBe(422);
    expect(noRedo.body).toContain('Нечего повторять');

    const frozen = await app.inject({ method: 'POST', url: `${url}/freeze`, ...form({}) });
    expect(frozen.statusCode).toBe(303);
    expect(frozen.headers.location).toBe(`${url}#current`);
    const again = await app.inject({ method: 'POST', url: `${url}/freeze`, ...form({}) });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Список участников уже зафиксирован');

    const page = (await app.inject(url)).body;
    const drawId = hiddenDrawId(page);
    expect(drawId).not.toBe('');
    const tooEarly = await app.inject({ method: 'POST', url: `${url}/draw`, ...form({ draw: drawId }) });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.body).toContain('Ни один наблюдатель ещё не ввёл бросок');

    const letters = await app.inject({ method: 'POST', url: `${url}/seed-parts`, ...form({ draw: drawId, observer: 'Наблюдатель А', digits: '12ab' }) });
    expect(letters.statusCode).toBe(422);
    expect(letters.body).toContain('только цифры 0–9');
    expect(letters.body).toContain('value="12ab"'); // what was typed comes back for correction

    for (const [observer, digits] of [
      ['Наблюдатель А', '4 6 1 2 3 5 8 8 1 9'],
      ['Наблюдатель Б', '2299'],
    ]) {
      const r = await app.inject({ method: 'POST', url: `${url}/seed-parts`, ...form({ draw: drawId, observer: observer!, digits: digits! }) });
      expect(r.statusCode).toBe(303);
    }
    const short = await app.inject({ method: 'POST', url: `${url}/draw`, ...form({ draw: drawId }) });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('В бросках наблюдателей 14 цифр; нужно не менее 20.');
    await app.inject({ method: 'POST', url: `${url}/seed-parts`, ...form({ draw: drawId, observer: 'Член ЦИК', digits: '770315' }) });

    const drawn = await app.inject({ method: 'POST', url: `${url}/draw`, ...form({ draw: drawId }) });
    expect(drawn.statusCode).toBe(303);
    expect(drawn.headers.location).toBe(`/ru/lottery/draws/${drawId}`);
    const twice = await app.inject({ method: 'POST', url: `${url}/draw`, ...form({ draw: drawId }) });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('Жеребьёвка окончательна');
  });

  it('publishes the draw: list, commitment, rolls, seed, every ticket at full precision, order, numbers, verifier', async () => {
    const d = (await findCurrentDraw(get().db, E))!;
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
    const d = (await findCurrentDraw(get().db, E))!;
    const json = await app.inject(`/lottery/draws/${d.id}.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.headers['content-disposition']).toBe(`attachment; filename="${E}-draw-1.json"`);
    expect(verifyDrawRecord(JSON.parse(json.body)).ok).toBe(true);

    const list = await app.inject(`/lottery/draws/${d.id}/participants.json`);
    expect(createHash('sha256').update(list.rawPayload).digest('hex')).toBe(d.commitment);

    const live = await app.inject(`/lottery/draws/${d.id}/live.json`);
    expect(live.headers['cache-control']).toBe('no-store');
    expect(live.json()).toMatchObject({ id: d.id, state: 'drawn', seedDigits: 20, minimumDigits: 20, supersededById: null });

    expect((await app.inject('/lottery/draws/999.json')).statusCode).toBe(404);
    expect((await app.inject('/lottery/draws/abc.json')).statusCode).toBe(404);
    expect((await app.inject('/en/lottery/draws/999')).statusCode).toBe(404);
  });

  it('prints "check it by hand" commands that give, in bash, exactly what the page says', async () => {
    const d = (await findCurrentDraw(get().db, E))!;
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
    const d = (await findCurrentDraw(get().db, E))!;
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
    const d = (await findCurrentDraw(get().db, E))!;
    const r = await app.inject(`/ru/lottery/draws/${d.id}/present?pace=1`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(d.commitment);
    expect(r.body.match(/class="digit"/g)).toHaveLength(20);
    for (const x of d.record!.tickets) expect(r.body).toContain(x.ticket);
    expect(r.body).toContain('data-pace="100"'); // bounded
    const script = /<script src="([^"]+)"/.exec(r.body)![1]!;
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(r.body)![1]!;
    expect((await app.inject(script)).headers['content-type']).toContain('javascript');
    expect((await app.inject(css)).headers['content-type']).toContain('text/css');
    const verifier = await app.inject('/static/lottery/verify-draw.client.js');
    expect(verifier.headers['content-type']).toContain('javascript');
    expect(verifier.body).toContain('export async function verifyDrawInBrowser');
  });

  it('redoes with a reason only; both draws stay published and point at each other', async () => {
    const first = (await findCurrentDraw(get().db, E))!;
    const url = `/en/elections/${E}/lottery`;
    const noReason = await app.inject({ method: 'POST', url: `${url}/redo`, ...form({ draw: String(first.id), reason: '  ' }) });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('A redo needs a recorded reason.');
    const redo = await app.inject({ method: 'POST', url: `${url}/redo`, ...form({ draw: String(first.id), reason: 'The hall screen was off during the rolls' }) });
    expect(redo.statusCode).toBe(303);
    // The same form sent again names a draw that is no longer current: refused, no third attempt.
    const twice = await app.inject({ method: 'POST', url: `${url}/redo`, ...form({ draw: String(first.id), reason: 'again' }) });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('no longer current');

    const second = (await findCurrentDraw(get().db, E))!;
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
    expect(fresh).toContain('This draw redoes draw no. 1. Recorded reason: The hall screen was off during the rolls');
    expect(fresh).toContain('Not drawn yet.');
    expect((await app.inject(`/lottery/draws/${second.id}.json`)).statusCode).toBe(404);
    expect((await app.inject(`/lottery/draws/${second.id}/ballot-proof.pdf`)).statusCode).toBe(409);
    expect((await app.inject(`/lottery/draws/${first.id}/live.json`)).json()).toMatchObject({ state: 'superseded', supersededById: second.id });
  });

  it('never lets a party name break out of the embedded record or the page', async () => {
    const url = `/en/elections/${X}/lottery`;
    await app.inject({ method: 'POST', url: `${url}/freeze`, ...form({}) });
    const drawId = hiddenDrawId((await app.inject(url)).body);
    await app.inject({ method: 'POST', url: `${url}/seed-parts`, ...form({ draw: drawId, observer: '<i>Observer</i>', digits: '12345678901234567890' }) });
    expect((await app.inject({ method: 'POST', url: `${url}/draw`, ...form({ draw: drawId }) })).statusCode).toBe(303);
    for (const path of [`/en/lottery/draws/${drawId}`, `/en/lottery/draws/${drawId}/present`, url]) {
      const html = (await app.inject(path)).body;
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<i>Observer');
      expect(html).not.toContain('<b>&amp;');
    }
    const record = embeddedRecord((await app.inject(`/en/lottery/draws/${drawId}`)).body);
    expect(record.participants.map((p) => p.name)).toContain('</script><script>alert(1)</script> / Партия <b>&amp;</b>');
  });

  it('adds a section with a link to the election page', async () => {
    const html = renderToString((await lotteryElectionSection(ctx, E, 'en')) as VNode);
    expect(html).toContain(`href="/en/elections/${E}/lottery"`);
    expect(html).toContain('Ballot-order lottery');
  });
});
