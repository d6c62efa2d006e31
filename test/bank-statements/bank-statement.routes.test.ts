// The HTTP side of bank statements, with who may do what: a bank officer uploads for their own bank
// only (page and API), tokens need the statements:write scope, anonymous visitors and banks do not see
// the commission's reconciliation screen, only the commission publishes the unreported list, and the
// public party section and JSON keep that list hidden until it is published — and never show a PIN.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../support/databases.ts';
import { bearerAs, buildAuthTestApp, loginAs } from '../../src/accounts/test-support.ts';
import { activityFor } from '../../src/platform/activity-log.ts';
import { elections } from '../../src/elections/index.ts';
import { parties } from '../../src/parties/index.ts';
import { bankPartySection, bankStatementRoutes } from '../../src/bank-statements/index.ts';
import { importStatementCommand } from '../../src/bank-statements/import-statement.command.ts';
import { listStatements } from '../../src/bank-statements/statement.repository.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACCOUNT_A,
  BANK_A,
  BANK_B,
  BANK_ELECTION,
  PARTY_A,
  WEEK_1,
  WEEK_2,
  bankTestContext,
  fileOf,
  setupBankElection,
  statement,
  type BankTestContext,
} from './bank-fixture.ts';

const PIN_OF_DONOR = '21503198500123';

function multipart(fields: Array<[string, string]>, file?: { name: string; bytes: Buffer }) {
  const boundary = `----talapker${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of fields)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="statement"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The upload form as a browser sends it: the CSRF field first, then the other fields and the file. */
const upload = (who: { csrfToken: string }, fields: Array<[string, string]>, file: { name: string; bytes: Buffer }) =>
  multipart([['_csrf', who.csrfToken], ...fields], file);

/** A form post of a signed-in person: cookie, CSRF header and the url-encoded fields. */
const post = (url: string, who: { cookie: string; csrfToken: string }, fields: Record<string, string>) => ({
  method: 'POST' as const,
  url,
  headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const HTML = { accept: 'text/html' };

describeEachDatabase('bank statements over HTTP', (get) => {
  let t: BankTestContext;
  let app: FastifyInstance;
  const statementsOfA = () => listStatements(t.ctx.db, { partyRegistrationNumber: PARTY_A.registrationNumber });

  beforeAll(async () => {
    t = bankTestContext(get().db);
    await setupBankElection(t.ctx);
    app = await buildAuthTestApp(t.ctx, async (a) => {
      bankStatementRoutes(a, t.ctx);
      const sections = { election: [], party: [bankPartySection], district: [], data: [] };
      await elections.routes?.(a, t.ctx, sections);
      await parties.routes?.(a, t.ctx, sections);
    });
  });
  afterAll(async () => {
    await app.close();
    t.close();
  });

  it('shows the upload page to a bank officer and sends others away', async () => {
    const officer = await loginAs(app, t.ctx, 'bank_officer', { bank: BANK_A });
    const page = await app.inject({ method: 'GET', url: '/en/bank/statements', headers: { cookie: officer.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('enctype="multipart/form-data"');
    // The token travels in the form body, first, never in the address (which lands in browser history).
    expect(page.body).not.toContain('_csrf=');
    const csrfAt = page.body.indexOf('name="_csrf"');
    expect(csrfAt).toBeGreaterThan(page.body.indexOf('enctype="multipart/form-data"'));
    expect(csrfAt).toBeLessThan(page.body.indexOf('type="file"'));
    const anonymous = await app.inject({ method: 'GET', url: '/en/bank/statements', headers: HTML });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/en/account/login');
    const treasurer = await loginAs(app, t.ctx, 'party_treasurer', { party: PARTY_A.registrationNumber });
    expect(
      (await app.inject({ method: 'GET', url: '/en/bank/statements', headers: { cookie: treasurer.cookie } }))
        .statusCode,
    ).toBe(403);
  });

  it('takes a bank officer’s upload of their own bank’s statement, with the CSRF token in the form body', async () => {
    const officer = await loginAs(app, t.ctx, 'bank_officer', { bank: BANK_A });
    const bare = multipart([], { name: 'week1.xml', bytes: fileOf([WEEK_1], 'camt053') });
    const without = await app.inject({
      method: 'POST',
      url: '/en/bank/statements',
      headers: { ...bare.headers, cookie: officer.cookie },
      payload: bare.payload,
    });
    expect(without.statusCode).toBe(403);
    // A token in the address is no longer taken.
    const inQuery = await app.inject({
      method: 'POST',
      url: `/en/bank/statements?_csrf=${encodeURIComponent(officer.csrfToken)}`,
      headers: { ...bare.headers, cookie: officer.cookie },
      payload: bare.payload,
    });
    expect(inQuery.statusCode).toBe(403);
    expect(await statementsOfA()).toHaveLength(0);
    const body = upload(officer, [], { name: 'week1.xml', bytes: fileOf([WEEK_1], 'camt053') });
    const res = await app.inject({
      method: 'POST',
      url: '/en/bank/statements',
      headers: { ...body.headers, cookie: officer.cookie },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).toContain('1 statement received');
    expect(await statementsOfA()).toHaveLength(1);
    const again = await app.inject({
      method: 'POST',
      url: '/en/bank/statements',
      headers: { ...body.headers, cookie: officer.cookie },
      payload: body.payload,
    });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('already received');
    expect(await statementsOfA()).toHaveLength(1);
  });

  it('refuses a bank officer of bank B uploading for bank A’s account', async () => {
    const other = await loginAs(app, t.ctx, 'bank_officer', { bank: BANK_B });
    const body = upload(other, [], { name: 'week2.xml', bytes: fileOf([WEEK_2], 'camt053') });
    const res = await app.inject({
      method: 'POST',
      url: '/ru/bank/statements',
      headers: { ...body.headers, cookie: other.cookie },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain(`Счёт ${ACCOUNT_A} открыт в другом банке`);
    // Naming another bank in the form changes nothing: an officer acts for their own bank.
    const named = upload(other, [['bank', BANK_A]], { name: 'week2.xml', bytes: fileOf([WEEK_2], 'camt053') });
    const res2 = await app.inject({
      method: 'POST',
      url: '/en/bank/statements',
      headers: { ...named.headers, cookie: other.cookie },
      payload: named.payload,
    });
    expect(res2.statusCode).toBe(403);
    expect(await statementsOfA()).toHaveLength(1);
  });

  it('explains a refused file in the uploader’s language, by line', async () => {
    const officer = await loginAs(app, t.ctx, 'bank_officer', { bank: BANK_A });
    const broken = Buffer.from(
      `:20:X\r\n:25:${ACCOUNT_A}\r\n:28C:2\r\n:60F:C300908KGS70000,00\r\n:61:NOT A LINE\r\n:62F:C300914KGS70000,00\r\n-\r\n`,
      'utf8',
    );
    const body = upload(officer, [], { name: 'broken.sta', bytes: broken });
    const res = await app.inject({
      method: 'POST',
      url: '/ru/bank/statements',
      headers: { ...body.headers, cookie: officer.cookie },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Файл не принят; ничего не сохранено.');
    expect(res.body).toContain('строка 5, элемент «61»: Строка операции :61: неверна.');
    const gap = upload(officer, [], {
      name: 'gap.xml',
      bytes: fileOf([statement({ number: 2, from: '2030-09-10', to: '2030-09-14', openingSom: 70_000 })]),
    });
    const res2 = await app.inject({
      method: 'POST',
      url: '/ky/bank/statements',
      headers: { ...gap.headers, cookie: officer.cookie },
      payload: gap.payload,
    });
    expect(res2.statusCode).toBe(422);
    expect(res2.body).toContain('2030-09-08 – 2030-09-09 күндөрү үчүн көчүрмө жок');
  });

  it('takes statements by API with a statements:write token, for the token owner’s bank only', async () => {
    const writer = await bearerAs(t.ctx, 'bank_officer', ['statements:write'], { bank: BANK_A });
    const raw = { 'content-type': 'application/xml' };
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/statements',
      headers: { ...writer.headers, ...raw },
      payload: fileOf([WEEK_2], 'camt053'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      format: 'camt053',
      message: 'received',
      statements: [{ status: 'received', statementNumber: '2' }],
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/statements',
      headers: { ...writer.headers, 'content-type': 'text/plain' },
      payload: fileOf([WEEK_2], 'mt940'),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ message: 'already received', statements: [{ status: 'already_received' }] });

    const reader = await bearerAs(t.ctx, 'bank_officer', ['statements:read'], { bank: BANK_A });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/statements',
          headers: { ...reader.headers, ...raw },
          payload: fileOf([WEEK_2]),
        })
      ).statusCode,
    ).toBe(403);
    const otherBank = await bearerAs(t.ctx, 'bank_officer', ['statements:write'], { bank: BANK_B });
    const week3 = statement({ number: 3, from: '2030-09-15', to: '2030-09-21', openingSom: 120_000 });
    const forbidden = await app.inject({
      method: 'POST',
      url: '/api/v1/statements',
      headers: { ...otherBank.headers, ...raw },
      payload: fileOf([week3]),
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({
      error: { code: 'forbidden', details: [{ code: 'intake.account_other_bank' }] },
    });
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/statements', headers: raw, payload: fileOf([week3]) }))
        .statusCode,
    ).toBe(401);

    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/statements',
      headers: { ...writer.headers, ...raw },
      payload: fileOf([statement({ number: 3, from: '2030-09-15', to: '2030-09-21', openingSom: 1 })]),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'statement_refused',
        details: [{ code: 'intake.opening_mismatch', params: { previousClosing: '120000.00' } }],
      },
    });

    // Commission staff name the bank; multipart works too.
    const admin = await bearerAs(t.ctx, 'commission_admin', ['statements:write']);
    const noBank = await app.inject({
      method: 'POST',
      url: '/api/v1/statements',
      headers: { ...admin.headers, ...raw },
      payload: fileOf([week3]),
    });
    expect(noBank.statusCode).toBe(400);
    const mp = multipart([['bank', BANK_A]], { name: 'week3.sta', bytes: fileOf([week3], 'mt940') });
    const byAdmin = await app.inject({
      method: 'POST',
      url: '/api/v1/statements',
      headers: { ...admin.headers, ...mp.headers },
      payload: mp.payload,
    });
    expect(byAdmin.statusCode).toBe(201);
    expect((await statementsOfA()).map((s) => s.uploadedBy)).toEqual([
      'user:bank-officer-banka',
      expect.stringMatching(/^user:bank-officer-banka\/token:\d+$/),
      expect.stringMatching(/^user:commission-admin-x\/token:\d+$/),
    ]);
  });

  it('serves the original file to its bank and the commission only', async () => {
    const [first] = await statementsOfA();
    const url = `/en/bank/statements/${first!.id}/original`;
    const own = await loginAs(app, t.ctx, 'bank_officer', { bank: BANK_A });
    const res = await app.inject({ method: 'GET', url, headers: { cookie: own.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(fileOf([WEEK_1], 'camt053'));
    expect(res.headers['cache-control']).toBe('private, no-store');
    const other = await loginAs(app, t.ctx, 'bank_officer', { bank: BANK_B });
    expect((await app.inject({ method: 'GET', url, headers: { cookie: other.cookie } })).statusCode).toBe(403);
    const analyst = await loginAs(app, t.ctx, 'commission_analyst');
    expect((await app.inject({ method: 'GET', url, headers: { cookie: analyst.cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/en/bank/statements/999999/original',
          headers: { cookie: analyst.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps the reconciliation screen from anonymous visitors and banks, and shows it to the commission with both sides', async () => {
    const url = `/en/commission/elections/${BANK_ELECTION.id}/reconciliation`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url, headers: HTML })).statusCode).toBe(303);
    const officer = await loginAs(app, t.ctx, 'bank_officer', { bank: BANK_A });
    expect((await app.inject({ method: 'GET', url, headers: { cookie: officer.cookie } })).statusCode).toBe(403);
    const treasurer = await loginAs(app, t.ctx, 'party_treasurer', { party: PARTY_A.registrationNumber });
    expect((await app.inject({ method: 'GET', url, headers: { cookie: treasurer.cookie } })).statusCode).toBe(403);
    const analyst = await loginAs(app, t.ctx, 'commission_analyst');
    const res = await app.inject({ method: 'GET', url, headers: { cookie: analyst.cookie } });
    expect(res.statusCode).toBe(200);
    // No report was filed: every bank transaction is unreported, shown with its bank side.
    expect(res.body).toContain('In the bank, in no report');
    expect(res.body).toContain('Асанов Асан (синтетический)');
    expect(res.body).toContain('The list of bank transactions in no report is not published.');
    // Analysts may re-run but not publish.
    expect(res.body).not.toContain('name="published"');
    const publish = await app.inject(post(`${url}/publication`, analyst, { published: '1' }));
    expect(publish.statusCode).toBe(403);
    const rerun = await app.inject(post(`${url}/run`, analyst, { party: PARTY_A.registrationNumber }));
    expect(rerun.statusCode).toBe(303);
    // One party's page lists every pair; the election's screen only counts the matched ones.
    const one = await app.inject({
      method: 'GET',
      url: `${url}/${PARTY_A.registrationNumber}`,
      headers: { cookie: analyst.cookie },
    });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('All parties:');
    expect(
      (await app.inject({ method: 'GET', url: `${url}/NOBODY`, headers: { cookie: analyst.cookie } })).statusCode,
    ).toBe(404);
  });

  it('hides the unreported list on the public side until the commission publishes it, and never shows a PIN', async () => {
    const api = `/api/v1/elections/${BANK_ELECTION.id}/parties/${PARTY_A.registrationNumber}/bank`;
    const partyPage = `/ru/elections/${BANK_ELECTION.id}/parties/${PARTY_A.registrationNumber}`;
    const before = await app.inject({ method: 'GET', url: api });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      asOf: '2030-09-21',
      bank: { received: 150_000_00, spent: 30_000_00, balance: 120_000_00 },
      unreportedPublished: false,
      unreported: null,
    });
    expect(before.headers['access-control-allow-origin']).toBe('*');
    const hidden = await app.inject({ method: 'GET', url: partyPage });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).toContain('Что сообщил банк');
    expect(hidden.body).toContain('data-unreported="hidden"');
    expect(hidden.body).not.toContain('Асанов Асан');
    expect((await app.inject({ method: 'GET', url: `${api}-unreported.csv` })).statusCode).toBe(404);

    const admin = await loginAs(app, t.ctx, 'commission_admin');
    const url = `/en/commission/elections/${BANK_ELECTION.id}/reconciliation/publication`;
    const res = await app.inject(post(url, admin, { published: '1' }));
    expect(res.statusCode).toBe(303);
    const log = await activityFor(t.ctx.db, 'election', BANK_ELECTION.id);
    expect(log.filter((a) => a.action.startsWith('reconciliation.')).map((a) => [a.action, a.actor])).toEqual([
      ['reconciliation.unreported.publish', 'user:commission-admin-x'],
    ]);

    const after = await app.inject({ method: 'GET', url: api });
    const json = after.json() as {
      unreported: Array<{ counterpartyName: string; counterpartyId: string | null; amount: number }>;
    };
    expect(json.unreported.map((u) => u.counterpartyName)).toContain('Асанов Асан (синтетический)');
    expect(
      json.unreported.find((u) => u.counterpartyName === 'Асанов Асан (синтетический)')?.counterpartyId,
    ).toBeNull();
    // An organisation's INN may be shown; a person's PIN never.
    expect(after.body).not.toContain(PIN_OF_DONOR);
    const shown = await app.inject({ method: 'GET', url: `${partyPage}?after=publication` });
    expect(shown.body).toContain('data-unreported="list"');
    expect(shown.body).toContain('Асанов Асан (синтетический)');
    expect(shown.body).not.toContain(PIN_OF_DONOR);
    expect(shown.body).toContain('role="img"');
    const csv = await app.inject({ method: 'GET', url: `${api}-unreported.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    // UTF-8 with a byte-order mark, like every download, so that spreadsheet programs read the Cyrillic.
    expect(csv.body.split('\r\n')[0]).toBe('\ufeffdate,amount_som,direction,counterparty_name,counterparty_id,purpose');
    expect(csv.body).not.toContain(PIN_OF_DONOR);
    const series = await app.inject({ method: 'GET', url: `${api}.csv` });
    expect(series.body.split('\r\n').slice(0, 2)).toEqual([
      '\ufeffdate,received_som,spent_som,balance_som',
      '2030-09-07,100000.00,30000.00,70000.00',
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/elections/nope/parties/X/bank' })).statusCode).toBe(404);

    // Turning it off hides the list again; the switch keeps its history.
    await app.inject(post(url, admin, { published: '0' }));
    expect((await app.inject({ method: 'GET', url: api })).json()).toMatchObject({ unreported: null });
    const screen = await app.inject({
      method: 'GET',
      url: `/en/commission/elections/${BANK_ELECTION.id}/reconciliation`,
      headers: { cookie: admin.cookie },
    });
    expect(screen.body).toContain('Publication history');
  });

  it('lets the commission administrator register accounts, and nobody else', async () => {
    const admin = await loginAs(app, t.ctx, 'commission_admin');
    const fields = {
      electionId: BANK_ELECTION.id,
      partyRegistrationNumber: PARTY_A.registrationNumber,
      bank: BANK_B,
      accountNumber: '1250 0000 0000 0099',
      currency: 'KGS',
      openedOn: '2030-09-10',
    };
    const res = await app.inject(post('/en/commission/accounts', admin, fields));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/commission/accounts?done=1250000000000099');
    const list = await app.inject({
      method: 'GET',
      url: res.headers.location as string,
      headers: { cookie: admin.cookie },
    });
    expect(list.body).toContain('Account 1250000000000099 registered.');
    const bad = await app.inject(
      post('/ru/commission/accounts', admin, { ...fields, accountNumber: '1250000000000099' }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('уже зарегистрирован');
    const analyst = await loginAs(app, t.ctx, 'commission_analyst');
    expect((await app.inject(post('/en/commission/accounts', analyst, fields))).statusCode).toBe(403);
    const officer = await loginAs(app, t.ctx, 'bank_officer', { bank: BANK_A });
    expect(
      (await app.inject({ method: 'GET', url: '/en/commission/accounts', headers: { cookie: officer.cookie } }))
        .statusCode,
    ).toBe(403);
  });

  it('imports a statement from the command line with the same checks', async () => {
    const out: string[] = [];
    const capture = (chunk: unknown) => (out.push(String(chunk)), true);
    const o = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const e = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      const file = join(t.dir, 'week4.sta');
      const week4 = statement({
        number: 4,
        from: '2030-09-22',
        to: '2030-09-28',
        openingSom: 120_000,
        txs: [{ date: '2030-09-23', som: 1_000 }],
      });
      writeFileSync(file, fileOf([week4], 'mt940'));
      expect(await importStatementCommand(['statement', file, '--bank', BANK_A], t.ctx)).toBe(0);
      expect(out.join('')).toContain(`${ACCOUNT_A} no. 4, 2030-09-22 – 2030-09-28, 1 transactions: received`);
      expect(await importStatementCommand([file, '--bank', BANK_A], t.ctx)).toBe(0);
      expect(out.join('')).toContain('already received');
      expect(await importStatementCommand(['statement', file, '--bank', BANK_B], t.ctx)).toBe(1);
      expect(out.join('')).toContain('another bank');
      expect(await importStatementCommand(['statement', file], t.ctx)).toBe(2);
      expect(await importStatementCommand(['statement', join(t.dir, 'missing.sta'), '--bank', BANK_A], t.ctx)).toBe(1);
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
    expect((await statementsOfA()).at(-1)?.uploadedBy).toMatch(/^cli:/);
  });
});
