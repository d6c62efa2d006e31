// The commission's screens over HTTP (app.inject) on the real server with the demo: every route
// for every role (a commission administrator may, analysts and auditors only read, treasurers, bank
// officers and visitors are refused and nothing changes), then each form end to end as an
// administrator — create an election, register a party, import its list (a bad CSV refused with
// every row and column named, in the reader's language, and nothing written), withdraw a candidate
// and see the list rules re-checked, withdraw the party, attach a programme — and the election's
// activity log naming who did each of those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';
import { testCandidates } from '../../../test/support/portal-fixture.ts';
import { loginAs, type SignedIn } from '../../accounts/test-support.ts';
import type { Role } from '../../accounts/index.ts';
import type { Candidate } from '../../domain/election.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../domain/candidate-columns.ts';
import { listAllCandidatesOfList } from '../candidate.repository.ts';
import { findParticipation } from '../../parties/index.ts';
import { findProgramme } from '../../programmes/index.ts';

const E = 'commission-2030';
const PARTY = 'CP-0101';
const PARTY_XLSX = 'CP-0202';
/** A demo election and one of its parties, for the role matrix. */
const DEMO = 'demo-live-draw';

function toCsv(cs: Candidate[]): string {
  const rows = cs.map((c) =>
    [c.listPosition, c.nameKy, c.nameRu, c.nameLatin, c.birthDate, c.sex, c.occupation, c.placeOfResidence, c.ethnicMinority ? 'yes' : 'no', c.disability ? 'yes' : 'no', c.pin].join(','),
  );
  return [CANDIDATE_IMPORT_COLUMNS.join(','), ...rows].join('\n');
}

async function toXlsx(cs: Candidate[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('list');
  ws.addRow([...CANDIDATE_IMPORT_COLUMNS]);
  for (const c of cs) ws.addRow([c.listPosition, c.nameKy, c.nameRu, c.nameLatin, c.birthDate, c.sex, c.occupation, c.placeOfResidence, c.ethnicMinority ? 'yes' : 'no', c.disability ? 'yes' : 'no', c.pin]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pdfBytes(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Programme');
    doc.end();
  });
}

/** A multipart/form-data body: text fields in order (a browser sends `_csrf` first), then at most one file. */
function multipart(fields: Array<[string, string]>, file?: { field: string; name: string; type: string; bytes: Buffer }) {
  const boundary = `----talapker${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const form = (fields: Record<string, string>, who?: SignedIn) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: who.cookie } : {}) },
  payload: new URLSearchParams(who ? { _csrf: who.csrfToken, ...fields } : fields).toString(),
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

/** The entries of the page's error summary, as read. */
const summary = (html: string): string[] => {
  const box = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...box.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!).trim());
};

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

const partyForm = (reg: string, ru: string) => ({ registrationNumber: reg, nameKy: `${ru} (ky)`, nameRu: ru, nameEn: '', leader: 'Тест Тестов', foundedOn: '2015-03-01', website: 'https://example.kg' });

describe('commission screens', () => {
  let server: DemoServer;
  const inject = (opts: InjectOptions | string) => server.app.inject(opts);
  const who: Partial<Record<Role, SignedIn>> = {};
  let admin: SignedIn;
  let anonCookie = '';
  let anonToken = '';
  let demoParty = '';

  const activityCount = async () => Number((await server.ctx.db.selectFrom('activity_log').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const candidateCount = async () => Number((await server.ctx.db.selectFrom('candidates').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    server = await startDemoServer();
    if (!server.app.hasRoute({ method: 'GET', url: '/:locale/commission' })) {
      throw new Error('commissionRoutes is not registered: add `await commissionRoutes(app, ctx)` to buildServer in src/server.ts');
    }
    for (const role of ['commission_admin', 'commission_analyst', 'auditor', 'party_treasurer', 'bank_officer'] as const) who[role] = await loginAs(server.app, server.ctx, role);
    admin = who.commission_admin!;
    const anon = await inject('/account/csrf-token');
    anonCookie = String(anon.headers['set-cookie']).split(';')[0]!;
    anonToken = (anon.json() as { csrfToken: string }).csrfToken;
    const first = await server.ctx.db.selectFrom('participations').select('party_registration_number').where('election_id', '=', DEMO).orderBy('party_registration_number').executeTakeFirstOrThrow();
    demoParty = first.party_registration_number;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  describe('who may do what', () => {
    const READ = ['commission_admin', 'commission_analyst', 'auditor'] as const;
    const REFUSED = ['party_treasurer', 'bank_officer'] as const;

    const readPages = () => [
      '/en/commission',
      `/en/commission/elections/${DEMO}`,
      `/en/commission/elections/${DEMO}/parties/${encodeURIComponent(demoParty)}`,
      `/en/commission/elections/${DEMO}/activity`,
    ];
    const formPages = () => ['/en/commission/new-election', `/en/commission/elections/${DEMO}/register-party`];

    it('lets commission staff and auditors read, and refuses treasurers, bank officers and visitors', async () => {
      for (const url of readPages()) {
        for (const role of READ) {
          const r = await inject({ url, headers: { cookie: who[role]!.cookie } });
          expect(r.statusCode, `${role} ${url}`).toBe(200);
          expect(r.headers['cache-control']).toBe('no-store');
        }
        for (const role of REFUSED) expect((await inject({ url, headers: { cookie: who[role]!.cookie } })).statusCode, `${role} ${url}`).toBe(403);
        expect((await inject(url)).statusCode, `anonymous ${url}`).toBe(401);
        // A browser is sent to the sign-in page, and back here afterwards.
        const browser = await inject({ url, headers: { accept: 'text/html' } });
        expect(browser.statusCode).toBe(303);
        expect(browser.headers.location).toBe(`/en/account/login?next=${encodeURIComponent(url)}`);
      }
    });

    it('shows analysts and auditors no form and no link to one; only the administrator gets the forms', async () => {
      for (const url of readPages()) {
        for (const role of ['commission_analyst', 'auditor'] as const) {
          const html = (await inject({ url, headers: { cookie: who[role]!.cookie } })).body;
          expect(html, `${role} ${url}`).not.toContain('method="post"');
          expect(html).not.toContain('/new-election');
          expect(html).not.toContain('/register-party');
        }
      }
      const party = (await inject({ url: readPages()[2]!, headers: { cookie: admin.cookie } })).body;
      expect(party).toContain('/status"');
      expect(party).toContain('/withdrawals"');
      expect(party).toContain('/programme"');
      // Every form carries the CSRF token.
      expect(party.match(/<form method="post"/g)!.length).toBe(party.match(/name="_csrf"/g)!.length);
      for (const url of formPages()) {
        expect((await inject({ url, headers: { cookie: admin.cookie } })).statusCode, url).toBe(200);
        for (const role of [...READ.slice(1), ...REFUSED]) expect((await inject({ url, headers: { cookie: who[role]!.cookie } })).statusCode, `${role} ${url}`).toBe(403);
        expect((await inject(url)).statusCode).toBe(401);
      }
    });

    it('refuses every change to everyone but the administrator, and changes nothing', async () => {
      const before = await activityCount();
      const base = `/en/commission/elections/${DEMO}/parties/${encodeURIComponent(demoParty)}`;
      const posts: Array<{ url: string; body: (w?: SignedIn) => { headers: Record<string, string>; payload: string | Buffer } }> = [
        { url: '/en/commission/elections', body: (w) => form({ ...ELECTION_FORM, id: 'refused-2030' }, w) },
        { url: `/en/commission/elections/${DEMO}/parties`, body: (w) => form(partyForm('REFUSED-1', 'Отказ'), w) },
        { url: `${base}/status`, body: (w) => form({ participationStatus: 'withdrawn', statusDate: '2027-01-10', statusReason: 'x' }, w) },
        { url: `${base}/withdrawals`, body: (w) => form({ candidateId: '1', withdrawDate: '2027-01-10' }, w) },
        {
          url: `${base}/candidates`,
          body: (w) => {
            const m = multipart(w ? [['_csrf', w.csrfToken]] : [], { field: 'file', name: 'list.csv', type: 'text/csv', bytes: Buffer.from(toCsv(testCandidates(3))) });
            return { payload: m.payload, headers: { ...m.headers, ...(w ? { cookie: w.cookie } : {}) } };
          },
        },
        {
          url: `${base}/programme`,
          body: (w) => {
            const m = multipart([...(w ? [['_csrf', w.csrfToken] as [string, string]] : []), ['textRu', 'Программа']]);
            return { payload: m.payload, headers: { ...m.headers, ...(w ? { cookie: w.cookie } : {}) } };
          },
        },
      ];
      for (const p of posts) {
        for (const role of [...READ.slice(1), ...REFUSED]) {
          const r = await inject({ method: 'POST', url: p.url, ...p.body(who[role]) });
          expect(r.statusCode, `${role} POST ${p.url}`).toBe(403);
        }
        // Visitors: without a token the CSRF check refuses the urlencoded forms; with one, the permission check.
        const anonymous = p.body();
        const r = await inject({ method: 'POST', url: p.url, headers: { ...anonymous.headers, cookie: anonCookie, 'x-csrf-token': anonToken }, payload: anonymous.payload });
        expect(r.statusCode, `anonymous POST ${p.url}`).toBe(401);
        expect([401, 403], `anonymous, no token: POST ${p.url}`).toContain((await inject({ method: 'POST', url: p.url, ...p.body() })).statusCode);
      }
      expect(await activityCount()).toBe(before);
      expect((await findParticipation(server.ctx.db, DEMO, demoParty))!.status).toBe('registered');
    });

    it('refuses an administrator’s form without its CSRF token, multipart forms included, before reading the file', async () => {
      const before = await activityCount();
      const url = `/en/commission/elections/${DEMO}/parties/${encodeURIComponent(demoParty)}`;
      const plain = await inject({ method: 'POST', url: '/en/commission/elections', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie }, payload: new URLSearchParams(ELECTION_FORM).toString() });
      expect(plain.statusCode).toBe(403);
      const m = multipart([], { field: 'file', name: 'list.csv', type: 'text/csv', bytes: Buffer.from(toCsv(testCandidates(3))) });
      expect((await inject({ method: 'POST', url: `${url}/candidates`, payload: m.payload, headers: { ...m.headers, cookie: admin.cookie } })).statusCode).toBe(403);
      const forged = multipart([['_csrf', 'not-a-token']], { field: 'file', name: 'list.csv', type: 'text/csv', bytes: Buffer.from('x') });
      expect((await inject({ method: 'POST', url: `${url}/candidates`, payload: forged.payload, headers: { ...forged.headers, cookie: admin.cookie } })).statusCode).toBe(403);
      expect(await activityCount()).toBe(before);
    });
  });

  describe('as a commission administrator', () => {
    const partyUrl = (reg: string, l = 'en') => `/${l}/commission/elections/${E}/parties/${encodeURIComponent(reg)}`;
    const upload = (reg: string, file: { name: string; type: string; bytes: Buffer }, l = 'en', w: SignedIn = admin) => {
      const m = multipart([['_csrf', w.csrfToken]], { field: 'file', ...file });
      return inject({ method: 'POST', url: `${partyUrl(reg, l)}/candidates`, payload: m.payload, headers: { ...m.headers, cookie: w.cookie } });
    };

    it('creates an election, naming each wrong field in the reader’s language', async () => {
      const bad = await inject({
        method: 'POST',
        url: '/ru/commission/elections',
        ...form({ ...ELECTION_FORM, id: 'Bad Id', calledOn: '2030-02-30', seats: 'many', threshold: '120', nameKy: '' }, admin),
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
      expect(bad.body).toContain('value="2030-02-30"'); // what was typed comes back
      expect(bad.body).toContain('name="_csrf"');

      const order = await inject({ method: 'POST', url: '/ky/commission/elections', ...form({ ...ELECTION_FORM, campaignEnd: '2030-11-01' }, admin) });
      expect(order.statusCode).toBe(422);
      expect(summary(order.body)).toEqual(['Шайлоо күнү: Даталар ирети менен болушу керек: дайындалган күн ≤ үгүттүн башталышы ≤ үгүттүн аякташы ≤ шайлоо күнү.']);
      const taken = await inject({ method: 'POST', url: '/en/commission/elections', ...form({ ...ELECTION_FORM, id: DEMO }, admin) });
      expect(summary(taken.body)).toEqual(['Identifier: An election with this identifier already exists.']);

      const made = await inject({ method: 'POST', url: '/en/commission/elections', ...form(ELECTION_FORM, admin) });
      expect(made.statusCode).toBe(303);
      expect(made.headers.location).toBe(`/en/commission/elections/${E}?done=created`);
      const page = await inject({ url: made.headers.location, headers: { cookie: admin.cookie } });
      expect(text(page.body)).toContain('The election was created.');
      expect(text(page.body)).toContain('Jogorku Kenesh election 2030');
      expect(text(page.body)).toContain('No party is registered yet.');
      const home = await inject({ url: '/en/commission', headers: { cookie: admin.cookie } });
      expect(home.body).toContain(`href="/en/commission/elections/${E}"`);
    });

    it('registers parties, refusing one already in the election', async () => {
      const bad = await inject({ method: 'POST', url: `/en/commission/elections/${E}/parties`, ...form({ ...partyForm('', 'x'), website: 'example.kg' }, admin) });
      expect(bad.statusCode).toBe(422);
      expect(summary(bad.body)).toEqual(['Registration number: Fill this in.', 'Website: Enter an address starting with http:// or https://.']);
      for (const [reg, name] of [
        [PARTY, 'Партия проверки'],
        [PARTY_XLSX, 'Партия таблиц'],
      ] as const) {
        const r = await inject({ method: 'POST', url: `/en/commission/elections/${E}/parties`, ...form(partyForm(reg, name), admin) });
        expect(r.statusCode).toBe(303);
        expect(r.headers.location).toBe(`${partyUrl(reg)}?done=registered`);
      }
      const again = await inject({ method: 'POST', url: `/en/commission/elections/${E}/parties`, ...form(partyForm(PARTY, 'Партия проверки'), admin) });
      expect(summary(again.body)).toEqual(['Registration number: This party is already in this election. Its status is changed on its own page.']);
      const page = await inject({ url: `/ru/commission/elections/${E}`, headers: { cookie: admin.cookie } });
      expect(text(page.body)).toContain('Партия проверки');
      expect(page.body).toContain(`href="${partyUrl(PARTY, 'ru')}"`);
      // A party of another election fills the form, to be checked and sent.
      const from = await inject({ url: `/en/commission/elections/${E}/register-party?fromParty=${encodeURIComponent(demoParty)}`, headers: { cookie: admin.cookie } });
      expect(from.body).toContain(`value="${demoParty}"`);
      expect(text(from.body)).toContain('its record will be updated');
    });

    it('refuses a bad CSV whole, naming every row and column in the reader’s language, and writes nothing', async () => {
      const lines = toCsv(testCandidates(150, { electionId: E, party: PARTY })).split('\n');
      lines[5] = lines[5]!.replace(/,\d{4}-\d{2}-\d{2},/, ',1990-02-30,'); // row 6: impossible date
      lines[9] = lines[9]!.replace(/,(female|male),/, ',unknown,'); // row 10: bad sex
      lines[12] = lines[12]!.replace(/,\d{14}$/, ',12345'); // row 13: short PIN
      const bytes = Buffer.from(lines.join('\n'));
      const [activity, candidates] = [await activityCount(), await candidateCount()];

      const ru = await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes }, 'ru');
      expect(ru.statusCode).toBe(422);
      expect(summary(ru.body)).toEqual([
        'Строка 6, столбец «birth_date»: «1990-02-30» — не дата (используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ).',
        'Строка 10, столбец «sex»: «unknown» — не пол (женский или мужской).',
        'Строка 13, столбец «pin»: ПИН должен состоять из 14 цифр.',
      ]);
      expect(text(ru.body)).toContain('Ничего не сохранено.');
      expect(ru.body).toContain('href="#f-file"');
      const ky = await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes }, 'ky');
      expect(summary(ky.body)[0]).toBe('6-сап, «birth_date» мамычасы: «1990-02-30» күн эмес (ЖЖЖЖ-АА-КК же КК.АА.ЖЖЖЖ түрүндө жазыңыз).');
      const en = await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes }, 'en');
      expect(summary(en.body)[2]).toBe('Row 13, column “pin”: the PIN must be 14 digits.');
      // The PIN itself is never echoed.
      expect(en.body).not.toContain('12345<');

      // A list that breaks the rules is refused too, with the rule named.
      const short = await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes: Buffer.from(toCsv(testCandidates(20, { electionId: E, party: PARTY }))) });
      expect(summary(short.body)).toContain('The list breaks the rule “List size”: 20 where the law requires 120.');
      // Not a list at all, or not in UTF-8.
      const pdf = await upload(PARTY, { name: 'list.pdf', type: 'application/pdf', bytes: await pdfBytes() });
      expect(summary(pdf.body)).toEqual(['List file (CSV or XLSX): This is neither CSV nor XLSX. Save the list as CSV (UTF-8) or as an Excel workbook (.xlsx).']);
      const cp1251 = Buffer.from([...Buffer.from(`${CANDIDATE_IMPORT_COLUMNS.join(',')}\n1,`), 0xc0, 0xe9, 0xe3]);
      expect(summary((await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes: cp1251 })).body)[0]).toContain('not in UTF-8');
      const none = await upload(PARTY, { name: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) });
      expect(summary(none.body)).toEqual(['List file (CSV or XLSX): Choose a CSV or XLSX file.']);

      expect(await activityCount()).toBe(activity);
      expect(await candidateCount()).toBe(candidates);
    });

    it('imports a good list from CSV and from XLSX, then refuses a second import', async () => {
      const csv = await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes: Buffer.from(`\ufeff${toCsv(testCandidates(150, { electionId: E, party: PARTY }))}`) });
      expect(csv.statusCode).toBe(303);
      expect(csv.headers.location).toBe(`${partyUrl(PARTY)}?done=imported&n=150#list`);
      const xlsx = await upload(PARTY_XLSX, {
        name: 'list.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        // Other people (other PINs) than the first list.
        bytes: await toXlsx(testCandidates(130, { electionId: E, party: PARTY_XLSX }).map((c) => ({ ...c, pin: `9${c.pin.slice(1)}` }))),
      });
      expect(xlsx.statusCode).toBe(303);
      expect(await listAllCandidatesOfList(server.ctx.db, E, PARTY)).toHaveLength(150);
      expect(await listAllCandidatesOfList(server.ctx.db, E, PARTY_XLSX)).toHaveLength(130);
      const page = await inject({ url: `${partyUrl(PARTY)}?done=imported&n=150`, headers: { cookie: admin.cookie } });
      expect(text(page.body)).toContain('150 candidates imported.');
      expect(text(page.body)).toContain('All rules met');
      expect(page.body).not.toContain('/candidates"'); // the import form is gone: a list is imported once
      const again = await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes: Buffer.from(toCsv(testCandidates(150, { electionId: E, party: PARTY }))) });
      expect(summary(again.body)).toEqual(['This party already has a candidate list. Withdraw candidates instead of importing again.']);
    });

    it('withdraws a candidate and shows the list rules checked again', async () => {
      const list = await listAllCandidatesOfList(server.ctx.db, E, PARTY);
      // Position 4 is a woman between two pairs of men (F M M F M M …): without her, four men run.
      const woman = list.find((c) => c.listPosition === 4)!;
      expect(woman.sex).toBe('female');
      const url = `${partyUrl(PARTY)}/withdrawals`;
      const bad = await inject({ method: 'POST', url, ...form({ candidateId: '', withdrawDate: '10.09.2030' }, admin) });
      expect(summary(bad.body)).toEqual(['Candidate: Choose one of the options.', 'Date of withdrawal: Enter a date as YYYY-MM-DD, e.g. 2026-10-04.']);
      const other = (await listAllCandidatesOfList(server.ctx.db, E, PARTY_XLSX))[0]!;
      const foreign = await inject({ method: 'POST', url, ...form({ candidateId: String(other.id), withdrawDate: '2030-09-10' }, admin) });
      expect(summary(foreign.body)).toEqual(['Candidate: There is no such candidate.']);

      const r = await inject({ method: 'POST', url, ...form({ candidateId: String(woman.id), withdrawDate: '2030-09-10' }, admin) });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe(`${partyUrl(PARTY)}?done=withdrawn&candidate=${woman.id}#rules`);
      const page = text((await inject({ url: r.headers.location!.split('#')[0]!, headers: { cookie: admin.cookie } })).body);
      expect(page).toContain(`${woman.nameLatin} (position 4) was withdrawn. The list was checked against the rules again:`);
      expect(page).toContain('1 rule broken');
      expect(page).toMatch(/Run of one sex 4 ≤ 2 ✗ Broken/);
      const twice = await inject({ method: 'POST', url, ...form({ candidateId: String(woman.id), withdrawDate: '2030-09-10' }, admin) });
      expect(summary(twice.body)).toEqual(['Candidate: This candidate is no longer registered.']);
    });

    it('records a party’s withdrawal with date and reason', async () => {
      const url = `${partyUrl(PARTY_XLSX, 'ru')}/status`;
      const bad = await inject({ method: 'POST', url, ...form({ participationStatus: 'registered', statusDate: '', statusReason: '' }, admin) });
      expect(summary(bad.body)).toEqual(['Новый статус: Выберите один из вариантов.', 'Дата изменения: Заполните это поле.', 'Основание: Заполните это поле.']);
      const r = await inject({ method: 'POST', url, ...form({ participationStatus: 'withdrawn', statusDate: '2030-09-20', statusReason: 'Заявление партии от 20.09.2030' }, admin) });
      expect(r.statusCode).toBe(303);
      expect((await findParticipation(server.ctx.db, E, PARTY_XLSX))!).toMatchObject({ status: 'withdrawn', statusDate: '2030-09-20', statusReason: 'Заявление партии от 20.09.2030' });
      const page = text((await inject({ url: r.headers.location!, headers: { cookie: admin.cookie } })).body);
      expect(page).toContain('Изменение статуса записано.');
      expect(page).toContain('Выбыла');
      expect(page).toContain('Заявление партии от 20.09.2030');
    });

    it('attaches a programme with its PDF, refusing a file that is not a PDF', async () => {
      const url = `${partyUrl(PARTY)}/programme`;
      const send = (fields: Array<[string, string]>, file?: { name: string; type: string; bytes: Buffer }) => {
        const m = multipart([['_csrf', admin.csrfToken], ...fields], file ? { field: 'pdf', ...file } : undefined);
        return inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie: admin.cookie } });
      };
      const empty = await send([['textKy', ' '], ['textRu', ''], ['textEn', '']]);
      expect(summary(empty.body)).toEqual(['Programme text in Kyrgyz: Enter the programme’s text in at least one language.']);
      const exe = await send([['textRu', 'Текст']], { name: 'programme.pdf', type: 'application/pdf', bytes: Buffer.from('MZ\x90\x00not a pdf') });
      expect(summary(exe.body)).toEqual(['Original (PDF): Only a PDF file can be attached.']);
      expect(exe.body).toContain('Текст</textarea>'); // the text typed comes back
      expect(await findProgramme(server.ctx.db, E, PARTY)).toBeUndefined();

      const ok = await send([['textKy', 'Программа'], ['textRu', 'Программа партии'], ['textEn', '']], { name: 'programme.pdf', type: 'application/pdf', bytes: await pdfBytes() });
      expect(ok.statusCode).toBe(303);
      const saved = (await findProgramme(server.ctx.db, E, PARTY))!;
      expect(saved.text).toEqual({ ky: 'Программа', ru: 'Программа партии', en: '' });
      expect(saved.pdfBlobKey).toMatch(/^[0-9a-f]{64}$/);
      const page = await inject({ url: ok.headers.location!.split('#')[0]!, headers: { cookie: admin.cookie } });
      expect(page.body).toContain(`href="/blobs/${saved.pdfBlobKey}"`);
      expect(text(page.body)).toContain('Text in: Kyrgyz, Russian');
      // A second save without a file keeps the PDF.
      expect((await send([['textRu', 'Новая редакция']])).statusCode).toBe(303);
      expect((await findProgramme(server.ctx.db, E, PARTY))!.pdfBlobKey).toBe(saved.pdfBlobKey);
    });

    it('shows the activity log of the election: who did what, before and after, in pages', async () => {
      const r = await inject({ url: `/en/commission/elections/${E}/activity`, headers: { cookie: who.auditor!.cookie } });
      expect(r.statusCode).toBe(200);
      const page = text(r.body);
      for (const action of [
        'Election created',
        'Party record created',
        'Party registered',
        'Candidate list imported',
        'Candidate withdrawn',
        'Party status changed',
        'Programme attached',
      ]) {
        expect(page, action).toContain(action);
      }
      expect(page).toContain(`user:${admin.user.login}`);
      // Nothing of another election: every entry names this election, or a candidate or party of it.
      expect(r.body).not.toContain(DEMO);
      expect(r.body).not.toContain('kg-2020-parliament');

      // The demo's 2020 election has more entries than a page: the next page starts where this one ended.
      const first = await inject({ url: '/en/commission/elections/kg-2020-parliament/activity', headers: { cookie: admin.cookie } });
      const older = /href="([^"]+\?before=(\d+))"/.exec(first.body);
      expect(older).not.toBeNull();
      const next = await inject({ url: older![1]!.replace(/&amp;/g, '&'), headers: { cookie: admin.cookie } });
      expect(next.statusCode).toBe(200);
      expect(next.body).toContain('Newest entries');
    });

    it('answers 404 for an election or party that does not exist, and for an unknown language', async () => {
      for (const url of ['/en/commission/elections/no-such', `/en/commission/elections/${E}/parties/NO-SUCH`, '/xx/commission', `/en/commission/elections/${DEMO}/parties/${encodeURIComponent(PARTY)}`]) {
        expect((await inject({ url, headers: { cookie: admin.cookie } })).statusCode, url).toBe(404);
      }
    });
  });
});
