// Finance reports over HTTP (app.inject), on SQLite and PostgreSQL: a treasurer files through the forms
// (errors named by line and field, in the reader's language), uploads scans (type from the bytes, size
// limit), imports lines, submits once however often the button is pressed, amends; the public sees the
// itemised report, its scans, its versions and their diff without a PIN or an address; the commission
// reviews; software files through the API with an Idempotency-Key.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { bearerAs, buildAuthTestApp, loginAs, type SignedIn } from '../../accounts/test-support.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { filingRoutes } from './site.ts';
import { filingElectionSection, filingPartySection } from './sections.tsx';
import { findFiling, listVersions } from '../filing.repository.ts';
import {
  asInput,
  FAKE_EXE,
  FILING_ELECTION,
  filingTestContext,
  mountFilingApi,
  multipart,
  PARTY_A,
  PARTY_B,
  pdfWithText,
  SECRET_ADDRESS,
  SECRET_PIN,
  setupFilingElection,
  TINY_PNG,
  validFiling,
  type FilingTestContext,
} from '../filing.test-support.ts';

const A = PARTY_A.registrationNumber;
const E = FILING_ELECTION.id;

const urlencoded = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

/** Text of an HTML body without tags, entities decoded where tests compare words. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  return buildAuthTestApp(ctx, async (app) => {
    await filingRoutes(app, ctx);
    await mountFilingApi(app, ctx);
  });
}

describeEachDatabase('finance report routes', (get) => {
  let t: FilingTestContext;
  let ctx: AppContext;
  let app: FastifyInstance;
  let treasurer: SignedIn;

  beforeAll(async () => {
    t = filingTestContext(get().db);
    ctx = t.ctx;
    await setupFilingElection(ctx);
    app = await buildApp(ctx);
    treasurer = await loginAs(app, ctx, 'party_treasurer', { party: A });
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  const post = (url: string, fields: Record<string, string>, who: SignedIn = treasurer) =>
    app.inject({
      method: 'POST',
      url,
      ...urlencoded(fields),
      headers: { ...urlencoded(fields).headers, ...who.headers },
    });
  const getAs = (url: string, who?: SignedIn) =>
    app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const upload = (
    url: string,
    file: { name: string; type: string; bytes: Buffer },
    fields: Array<[string, string]> = [],
    who: SignedIn = treasurer,
  ) => {
    const body = multipart([['_csrf', who.csrfToken], ...fields], { field: 'file', ...file });
    return app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie: who.cookie } });
  };
  const draftIdOf = (res: LightMyRequestResponse) =>
    Number(/\/treasurer\/drafts\/(\d+)/.exec(String(res.headers.location))?.[1]);
  const filingIdOf = (res: LightMyRequestResponse) =>
    Number(/\/reports\/(\d+)/.exec(String(res.headers.location))?.[1]);
  const headerFields = (closing: string) => ({
    periodTo: '2030-09-25',
    bank: 'Айыл Банк',
    accountNumber: '1240001',
    openingBalance: '0',
    closingBalance: closing,
    signerName: 'Сыноов Бакыт',
    signerPosition: 'Казначей',
  });
  const receipt = (over: Record<string, string> = {}) => ({
    date: '2030-09-10',
    donorType: 'individual',
    donorName: 'Асанова Айгуль (synthetic)',
    donorPin: SECRET_PIN,
    donorAddress: SECRET_ADDRESS,
    amount: '1500',
    channel: 'bank_transfer',
    bankReference: 'PP-1',
    ...over,
  });

  let v1 = 0;
  let v2 = 0;

  it('lets a treasurer file through the forms, naming each mistake by its line and field', async () => {
    const home = await getAs('/ru/treasurer', treasurer);
    expect(home.statusCode).toBe(200);
    expect(home.headers['cache-control']).toBe('no-store');
    expect(text(home.body)).toContain('Начать новый отчёт');

    const created = await post('/ru/treasurer/drafts', {
      electionId: E,
      party: A,
      reportKind: 'first',
      periodFrom: '2030-09-05',
      periodTo: '2030-09-25',
    });
    expect(created.statusCode).toBe(303);
    const id = draftIdOf(created);
    const base = `/ru/treasurer/drafts/${id}`;
    expect(created.headers.location).toBe(`${base}?done=created`);
    let page = await getAs(String(created.headers.location), treasurer);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Черновик создан.');
    // The empty header is listed by the check, pointing at its field.
    expect(page.body).toContain('href="#f-header-bank"');

    expect((await post(`${base}/header`, headerFields('1000'))).statusCode).toBe(303);
    // A line outside the period is taken into the draft, and the check names it.
    expect((await post(`${base}/lines/receipts`, receipt({ date: '2030-09-30' }))).statusCode).toBe(303);
    page = await getAs(base, treasurer);
    expect(text(page.body)).toContain(
      'Поступления, строка 1 (R-1): Дата 2030-09-30 не входит в отчётный период 2030-09-05 – 2030-09-25.',
    );
    expect(page.body).toContain('href="#receipts-row-1"');

    // A line that cannot be read is refused at once, with the summary at the top linking to the field.
    const bad = await post(`${base}/lines/receipts`, receipt({ amount: 'много', donorPin: '12345' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('href="#f-receipts-amount"');
    expect(text(bad.body)).toContain('«много» — не сумма в сомах');
    expect(text(bad.body)).toContain('Поступления, строка 2 (R-2): ПИН указан неверно: он должен состоять из 14 цифр.');
    expect(bad.body).toMatch(/id="f-receipts-amount"[^>]*aria-invalid="true"/);
    // The same in English for an English page.
    const badEn = await post(`/en/treasurer/drafts/${id}/lines/receipts`, receipt({ amount: 'lots' }));
    expect(text(badEn.body)).toContain('“lots” is not an amount in som');

    // Submitting with errors is refused with the errors listed; nothing is filed.
    const refused = await post(`${base}/submit`, { idempotencyKey: '11111111-1111-4111-8111-111111111111' });
    expect(refused.statusCode).toBe(422);
    expect(text(refused.body)).toContain('Исправьте следующее');
    expect(text(refused.body)).toContain('Поступления, строка 1 (R-1): Дата 2030-09-30 не входит в отчётный период');
    expect(text(refused.body)).toContain('Баланс не сходится');
    expect(await ctx.db.selectFrom('filings').select('id').where('version', '>', 0).execute()).toEqual([]);

    // The line is fixed on its own page.
    const form = await getAs(`${base}/lines/receipts/0`, treasurer);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="2030-09-30"');
    expect(
      (await post(`${base}/lines/receipts/0`, { ...receipt(), lineId: 'R-1', expectedLineId: 'R-1' })).statusCode,
    ).toBe(303);
    // A second donor, then one deleted again.
    expect(
      (
        await post(
          `${base}/lines/receipts`,
          receipt({
            donorName: 'Second donor',
            donorPin: '',
            donorAddress: '',
            amount: '700',
            bankReference: 'PP-2',
            donorType: 'legal_entity',
            donorInn: '01234567890123',
          }),
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (await post(`${base}/lines/receipts`, receipt({ donorName: 'To delete', amount: '1', bankReference: 'PP-9' })))
        .statusCode,
    ).toBe(303);
    // Deleting asks first: the first post changes nothing and restates the line, with the form to confirm.
    const asked = await post(`${base}/lines/receipts/2/delete`, { expectedLineId: 'R-3' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Удалить строку R-3?');
    expect(asked.body).toContain('name="confirmed" value="1"');
    expect(asked.body).toContain('name="expectedLineId" value="R-3"');
    expect((await post(`${base}/lines/receipts/2/delete`, { expectedLineId: 'R-2', confirmed: '1' })).statusCode).toBe(
      422,
    );
    expect((await post(`${base}/lines/receipts/2/delete`, { expectedLineId: 'R-3', confirmed: '1' })).statusCode).toBe(
      303,
    );

    // Expenditures come from a CSV file (";" and decimal commas, as Kyrgyz spreadsheets save them).
    const csv = Buffer.from(
      'Date;Category;Payee;Amount (som);Document number;Description\n2030-09-12;Transport;Taxi LLC;1 200,00;D-1;Trips\n',
    );
    const imported = await upload(`${base}/import`, { name: 'lines.csv', type: 'text/csv', bytes: csv }, [
      ['section', 'expenditures'],
      ['mode', 'append'],
    ]);
    expect(imported.statusCode).toBe(303);
    expect(imported.headers.location).toContain('done=imported&n=1');

    // Scans: a PDF is taken; an .exe named .pdf is refused by its bytes.
    const pdf = await pdfWithText(['SYNTHETIC statement', 'Payment order PP-1']);
    expect(
      (await upload(`${base}/scans`, { name: 'statement.pdf', type: 'application/pdf', bytes: pdf })).statusCode,
    ).toBe(303);
    expect((await upload(`${base}/scans`, { name: 'photo.png', type: 'image/png', bytes: TINY_PNG })).statusCode).toBe(
      303,
    );
    const exe = await upload(`${base}/scans`, { name: 'invoice.pdf', type: 'application/pdf', bytes: FAKE_EXE });
    expect(exe.statusCode).toBe(422);
    expect(text(exe.body)).toContain('Это файл типа application/x-msdownload; принимаются только PDF, JPEG и PNG.');
    const noFile = await upload(`${base}/scans`, {
      name: '',
      type: 'application/octet-stream',
      bytes: Buffer.alloc(0),
    });
    expect(noFile.statusCode).toBe(422);
    // Without the token the form is refused, before any byte is stored.
    const forged = multipart([], { field: 'file', name: 'x.pdf', type: 'application/pdf', bytes: pdf });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `${base}/scans`,
          payload: forged.payload,
          headers: { ...forged.headers, cookie: treasurer.cookie },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `${base}/header`,
          ...urlencoded(headerFields('1')),
          headers: { ...urlencoded({}).headers, cookie: treasurer.cookie },
        })
      ).statusCode,
    ).toBe(403);

    // Closing balance right (1500 + 700 − 1200 = 1000 was typed already), so it goes through — once.
    page = await getAs(base, treasurer);
    expect(text(page.body)).toContain('Ошибок нет: отчёт можно подать.');
    const key = /name="idempotencyKey" value="([0-9a-f-]{36})"/.exec(page.body)?.[1] ?? '';
    const filed = await post(`${base}/submit`, { idempotencyKey: key });
    expect(filed.statusCode).toBe(303);
    v1 = filingIdOf(filed);
    const again = await post(`${base}/submit`, { idempotencyKey: key });
    expect(again.statusCode).toBe(303);
    expect(filingIdOf(again)).toBe(v1);
    expect(await findFiling(ctx.db, v1)).toMatchObject({
      version: 1,
      status: 'filed',
      totalReceipts: 220_000,
      totalExpenditures: 120_000,
    });
  });

  it('shows the filed report to anyone at once, itemised, with its scans, and never a PIN or an address', async () => {
    const page = await getAs(`/ru/reports/${v1}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('public, no-cache');
    const body = text(page.body);
    expect(body).toContain('Асанова Айгуль (synthetic)');
    expect(body).toContain('Second donor');
    expect(body).toContain('Taxi LLC');
    expect(body).toContain('01234567890123');
    expect(page.body).not.toContain(SECRET_PIN);
    expect(page.body).not.toContain(SECRET_ADDRESS);
    const scans = [...page.body.matchAll(/src="(\/reports\/\d+\/scans\/[0-9a-f]{64})"/g)].map((m) => m[1]!);
    expect(scans).toHaveLength(2);
    expect(page.body).toMatch(/<iframe src="\/reports\/\d+\/scans\/[0-9a-f]{64}" title="Документ: statement.pdf"/);
    const pdf = await getAs(scans.find((s) => page.body.includes(`<iframe src="${s}"`))!);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline; filename="statement.pdf"/);
    const download = await getAs(`${scans[0]}?download=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    // A draft's scans are not public through this route.
    expect((await getAs(`/reports/999999/scans/${'a'.repeat(64)}`)).statusCode).toBe(404);

    const csv = await getAs(`/reports/${v1}/receipts.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\ufefflineId,date,donorType,donorName,donorInn,amount_som,channel,bankReference')).toBe(
      true,
    );
    expect(csv.body).toContain('1500.00');
    expect(csv.body).not.toContain(SECRET_PIN);
    expect(csv.body).not.toContain(SECRET_ADDRESS);

    const list = await getAs(`/en/elections/${E}/parties/${A}/reports`);
    expect(list.statusCode).toBe(200);
    expect(text(list.body)).toContain('First report');
    expect(list.body).toContain(`href="/en/reports/${v1}"`);
    const api = await getAs(`/api/v1/filings/${v1}`);
    expect(api.statusCode).toBe(200);
    expect(api.body).not.toContain(SECRET_PIN);
    expect(api.body).not.toContain('donorPin');
    expect(api.json().data.document.receipts[0]).toMatchObject({
      donorName: 'Асанова Айгуль (synthetic)',
      amount: 150_000,
    });
    const chains = await getAs(`/api/v1/elections/${E}/parties/${A}/filings`);
    expect(chains.json().data[0].versions.map((v: { id: number }) => v.id)).toEqual([v1]);

    const search = await getAs('/en/reports/search?q=PP-1');
    expect(text(search.body)).toContain('statement.pdf');
    const donors = await getAs(`/ru/reports/search?q=${encodeURIComponent('Asanova')}`);
    expect(text(donors.body)).toContain('Асанова Айгуль (synthetic)');
  });

  it('amends a filed report as a new version, and shows both versions and their diff', async () => {
    const amend = await post(`/ru/treasurer/reports/${v1}/amend`, {});
    expect(amend.statusCode).toBe(303);
    const id = draftIdOf(amend);
    const base = `/ru/treasurer/drafts/${id}`;
    expect(
      (
        await post(`${base}/lines/expenditures/0`, {
          lineId: 'E-2',
          expectedLineId: 'E-2',
          date: '2030-09-12',
          category: 'transport',
          payeeName: 'Taxi LLC',
          amount: '1000',
          documentNumber: 'D-1',
          description: 'Trips',
        })
      ).statusCode,
    ).toBe(303);
    expect((await post(`${base}/header`, headerFields('1200'))).statusCode).toBe(303);
    const page = await getAs(base, treasurer);
    expect(text(page.body)).toContain('исправляет');
    const key = /name="idempotencyKey" value="([0-9a-f-]{36})"/.exec(page.body)?.[1] ?? '';
    const filed = await post(`${base}/submit`, { idempotencyKey: key });
    expect(filed.statusCode).toBe(303);
    v2 = filingIdOf(filed);
    expect((await findFiling(ctx.db, v2))?.version).toBe(2);

    const old = text((await getAs(`/en/reports/${v1}`)).body);
    expect(old).toContain('This is an earlier version: the report has been amended.');
    const diff = await getAs(`/en/reports/${v2}?diff=${v1}`);
    expect(diff.statusCode).toBe(200);
    const d = text(diff.body);
    expect(d).toContain('Changes from version 1 to version 2');
    expect(d).toMatch(/E-2 Amount 1,200\.00 KGS 1,000\.00 KGS/);
    expect(d).toMatch(/Closing balance 1,000\.00 KGS 1,200\.00 KGS/);
    expect(diff.body).not.toContain(SECRET_PIN);
    // A version of another report cannot be compared.
    expect((await getAs(`/en/reports/${v2}?diff=999999`)).statusCode).toBe(404);
    const list = text((await getAs(`/en/elections/${E}/parties/${A}/reports`)).body);
    expect(list).toMatch(/version 1 ?, version 2/);
  });

  it('lets the commission review, and the public sees the status and the reasons', async () => {
    const analyst = await loginAs(app, ctx, 'commission_analyst');
    expect((await getAs('/en/commission/reports', analyst)).statusCode).toBe(200);
    const noReason = await post(`/en/commission/reports/${v2}/status`, { status: 'returned', reason: '' }, analyst);
    expect(noReason.statusCode).toBe(422);
    expect(text(noReason.body)).toContain('Say why the report is returned');
    expect(
      (await post(`/en/commission/reports/${v2}/status`, { status: 'under_review', reason: '' }, analyst)).statusCode,
    ).toBe(303);
    expect(
      (
        await post(
          `/en/commission/reports/${v2}/status`,
          { status: 'returned', reason: 'Payment order D-1 missing.' },
          analyst,
        )
      ).statusCode,
    ).toBe(303);
    const page = text((await getAs(`/ru/reports/${v2}`)).body);
    expect(page).toContain('Возвращён: Payment order D-1 missing.');
    // Treasurers may not review their own reports.
    expect((await post(`/en/commission/reports/${v2}/status`, { status: 'accepted', reason: '' })).statusCode).toBe(
      403,
    );
  });

  it('takes filings from software with an Idempotency-Key: 201, 200 on replay, 409 on reuse, 422 naming the line', async () => {
    const token = await bearerAs(ctx, 'party_treasurer', ['filings:write', 'filings:submit'], { party: A });
    const doc = asInput(validFiling(A, { periodFrom: '2030-09-15' }));
    const send = (body: unknown, key: string | undefined, headers: Record<string, string> = token.headers) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/filings',
        payload: body as object,
        headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
      });

    const first = await send(doc, 'k-1');
    expect(first.statusCode).toBe(201);
    const id = first.json().data.id as number;
    expect(first.json().data).toMatchObject({ version: 1, replayed: false, url: `/ru/reports/${id}` });
    const replay = await send(doc, 'k-1');
    expect(replay.statusCode).toBe(200);
    expect(replay.json().data).toMatchObject({ id, replayed: true });
    const reused = await send(asInput(validFiling(A, { periodFrom: '2030-09-15', extraSom: 5 })), 'k-1');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('idempotency_key_reused');

    const broken = structuredClone(doc);
    broken.receipts[1]!.date = '2030-10-30';
    const refused = await send(broken, 'k-2');
    expect(refused.statusCode).toBe(422);
    const problems = refused.json().error.problems as Array<{
      code: string;
      field: string;
      messages: { ru: string; en: string };
    }>;
    expect(problems.map((p) => p.code)).toContain('date.outside_period');
    expect(problems.find((p) => p.code === 'date.outside_period')).toMatchObject({ field: 'receipts[1].date' });
    expect(problems.find((p) => p.code === 'date.outside_period')!.messages.ru).toMatch(
      /^Поступления, строка 2 \(R-2\): Дата 2030-10-30 не входит в отчётный период/,
    );
    expect((await listVersions(ctx.db, first.json().data.chainId)).length).toBe(1);

    expect((await send(doc, undefined)).statusCode).toBe(400);
    const writeOnly = await bearerAs(ctx, 'party_treasurer', ['filings:write'], { party: A });
    expect((await send(doc, 'k-3', writeOnly.headers)).statusCode).toBe(403);
    const other = await bearerAs(ctx, 'party_treasurer', ['filings:write', 'filings:submit'], {
      party: PARTY_B.registrationNumber,
    });
    expect((await send(doc, 'k-4', other.headers)).statusCode).toBe(403);
    // Without a valid token: 401. (Without any credentials a POST is refused by the CSRF check first: 403.)
    expect((await send(doc, 'k-5', { authorization: 'Bearer not-a-token' })).statusCode).toBe(401);
    expect((await send(doc, 'k-6', {})).statusCode).toBe(403);
  });

  it('takes scans from software and files a report that names them by hash', async () => {
    const token = await bearerAs(ctx, 'party_treasurer', ['filings:write', 'filings:submit'], { party: A });
    const pdf = await pdfWithText(['SYNTHETIC', 'API scan ZX-42']);
    const body = multipart([], { field: 'file', name: 'api-scan.pdf', type: 'application/octet-stream', bytes: pdf });
    const up = await app.inject({
      method: 'POST',
      url: '/api/v1/filings/scans',
      payload: body.payload,
      headers: { ...body.headers, ...token.headers },
    });
    expect(up.statusCode).toBe(201);
    const scan = up.json().data as { sha256: string; fileName: string; mediaType: string; size: number };
    expect(scan).toMatchObject({ fileName: 'api-scan.pdf', mediaType: 'application/pdf', size: pdf.length });
    const exe = multipart([], { field: 'file', name: 'x.pdf', type: 'application/pdf', bytes: FAKE_EXE });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/filings/scans',
      payload: exe.payload,
      headers: { ...exe.headers, ...token.headers },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.problems[0].code).toBe('scan.type_refused');

    const doc = { ...asInput(validFiling(A, { periodFrom: '2030-09-16' })), attachments: [scan] };
    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/filings',
      payload: doc,
      headers: { ...token.headers, 'idempotency-key': 'with-scan' },
    });
    expect(filed.statusCode).toBe(201);
    const search = text((await getAs('/en/reports/search?q=zx-42')).body);
    expect(search).toContain('api-scan.pdf');
  });

  it('gives the election and party pages a finance section that counts latest versions only', async () => {
    const election = renderToString((await filingElectionSection(ctx, E, 'en')) as VNode);
    expect(election).toContain('Electoral fund money');
    expect(election).toContain(`href="/en/elections/${E}/parties/${A}/reports"`);
    const party = renderToString((await filingPartySection(ctx, E, A, 'ru')) as VNode);
    expect(party).toContain(`href="/ru/elections/${E}/parties/${A}/reports"`);
    expect(text(party)).toMatch(/Все отчёты \(\d+\)/);
    const empty = renderToString((await filingPartySection(ctx, E, PARTY_B.registrationNumber, 'en')) as VNode);
    expect(text(empty)).toContain('No report has been filed yet.');
  });

  it('publishes the schema, the template and a valid OpenAPI description of the filing API', async () => {
    const schema = await getAs('/api/schemas/filing-v1.json');
    expect(schema.json().$id).toBe('/api/schemas/filing-v1.json');
    const schemaV2 = await getAs('/api/schemas/filing-v2.json');
    expect(schemaV2.json().$id).toBe('/api/schemas/filing-v2.json');
    expect(Object.keys(schemaV2.json().properties)).toEqual(expect.arrayContaining(['inKind', 'loans']));
    const xlsx = await getAs('/api/v1/filings/template.xlsx?locale=ky');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await getAs('/api/v1/filings/template.xlsx?locale=xx')).statusCode).toBe(400);
    const doc = (await getAs('/api/filing-openapi.json')).json();
    const result = await new Validator().validate(doc);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(doc)).not.toMatch(/"pin"/i);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/schemas/filing-v1.json',
      '/api/schemas/filing-v2.json',
      '/api/v1/elections/{electionId}/parties/{registrationNumber}/filings',
      '/api/v1/filings',
      '/api/v1/filings/scans',
      '/api/v1/filings/template.xlsx',
      '/api/v1/filings/{filingId}',
    ]);
  });
});

describeEachDatabase('finance report routes: the upload limit', (get) => {
  let t: FilingTestContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    // 10 KB, so that the test does not need 50 MB of bytes.
    t = filingTestContext(get().db, { TALAPKER_UPLOAD_LIMIT_MB: '0.01' });
    await setupFilingElection(t.ctx);
    app = await buildApp(t.ctx);
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  it('refuses a scan over the limit on the page and in the API, and keeps nothing of it', async () => {
    const who = await loginAs(app, t.ctx, 'party_treasurer', { party: A });
    const created = await app.inject({
      method: 'POST',
      url: '/en/treasurer/drafts',
      ...urlencoded({ electionId: E, party: A, reportKind: 'first', periodFrom: '2030-09-05', periodTo: '2030-09-25' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...who.headers },
    });
    const id = Number(/drafts\/(\d+)/.exec(String(created.headers.location))?.[1]);
    const big = Buffer.concat([await pdfWithText(['big']), Buffer.alloc(20_000, 0x20)]);
    const body = multipart([['_csrf', who.csrfToken]], {
      field: 'file',
      name: 'big.pdf',
      type: 'application/pdf',
      bytes: big,
    });
    const page = await app.inject({
      method: 'POST',
      url: `/en/treasurer/drafts/${id}/scans`,
      payload: body.payload,
      headers: { ...body.headers, cookie: who.cookie },
    });
    expect(page.statusCode).toBe(422);
    expect(text(page.body)).toContain(
      'The file is larger than the limit of 0 MB.'.replace(
        '0 MB',
        `${Math.round((t.ctx.config.uploadLimitBytes / 1048576) * 10) / 10} MB`,
      ),
    );
    const token = await bearerAs(t.ctx, 'party_treasurer', ['filings:write'], { party: A });
    const api = multipart([], { field: 'file', name: 'big.pdf', type: 'application/pdf', bytes: big });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/filings/scans',
      payload: api.payload,
      headers: { ...api.headers, ...token.headers },
    });
    expect(res.statusCode).toBe(413);
    expect(await t.ctx.db.selectFrom('blobs').selectAll().execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('filing_attachments').selectAll().execute()).toEqual([]);
  });
});
