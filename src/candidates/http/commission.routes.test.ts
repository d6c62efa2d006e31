// The commission's candidate-list forms over HTTP on the demo: only the administrator may import a
// list or withdraw a candidate (an upload without its CSRF token is refused before the file is
// read); a bad CSV is refused whole with every row and column named in the reader's language and
// nothing written; good lists from CSV and XLSX are imported once; a withdrawal re-checks the rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCandidates } from '../../../test/support/portal-fixture.ts';
import {
  commissionElection,
  DEMO,
  expectOnlyAdminPosts,
  form,
  multipart,
  pdfBytes,
  signedMultipart,
  startCommissionServer,
  summary,
  text,
  toCsv,
  toXlsx,
  type CommissionServer,
} from '../../../test/portal/commission-support.ts';
import type { SignedIn } from '../../accounts/test-support.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../domain/candidate-columns.ts';
import type { Party } from '../../domain/election.ts';
import { createElection } from '../../elections/index.ts';
import { registerParty } from '../../parties/index.ts';
import { listAllCandidatesOfList } from '../index.ts';

const E = 'candidates-2030';
const PARTY = 'CP-0101';
const PARTY_XLSX = 'CP-0202';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const party = (reg: string, name: string): Party => ({
  registrationNumber: reg,
  name: { ky: name, ru: name, en: name },
  shortName: { ky: name, ru: name, en: name },
  leader: '',
  foundedOn: null,
  address: '',
  phone: '',
  website: '',
  logoBlobKey: null,
});

describe('commission forms of candidate lists', () => {
  let s: CommissionServer;
  beforeAll(async () => {
    s = await startCommissionServer();
    const ctx = s.server.ctx;
    const made = await createElection(ctx, commissionElection(E), 'test');
    if (!made.ok) throw new Error(made.error.map((p) => p.message).join('; '));
    for (const reg of [PARTY, PARTY_XLSX])
      await registerParty(ctx, { electionId: E, party: party(reg, `Партия ${reg}`) }, 'test');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const partyUrl = (reg: string, l = 'en') => `/${l}/commission/elections/${E}/parties/${encodeURIComponent(reg)}`;
  const upload = (reg: string, file: { name: string; type: string; bytes: Buffer }, l = 'en', w: SignedIn = s.admin) =>
    s.inject({
      method: 'POST',
      url: `${partyUrl(reg, l)}/candidates`,
      ...signedMultipart(w, [], { field: 'file', ...file }),
    });

  it('lets only the administrator import a list or withdraw a candidate', async () => {
    const base = `/en/commission/elections/${DEMO}/parties/${encodeURIComponent(s.demoParty)}`;
    await expectOnlyAdminPosts(s, [
      { url: `${base}/withdrawals`, body: (w) => form({ candidateId: '1', withdrawDate: '2027-01-10' }, w) },
      {
        url: `${base}/candidates`,
        body: (w) =>
          signedMultipart(w, [], {
            field: 'file',
            name: 'list.csv',
            type: 'text/csv',
            bytes: Buffer.from(toCsv(testCandidates(3))),
          }),
      },
    ]);
    const admin = (await s.inject({ url: base, headers: { cookie: s.admin.cookie } })).body;
    expect(admin).toContain('/withdrawals"');
  });

  it('refuses an upload without its CSRF token, or with a forged one, before reading the file', async () => {
    const before = await s.activityCount();
    const url = `${partyUrl(PARTY)}/candidates`;
    const m = multipart([], {
      field: 'file',
      name: 'list.csv',
      type: 'text/csv',
      bytes: Buffer.from(toCsv(testCandidates(3))),
    });
    expect(
      (await s.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie: s.admin.cookie } }))
        .statusCode,
    ).toBe(403);
    const forged = multipart([['_csrf', 'not-a-token']], {
      field: 'file',
      name: 'list.csv',
      type: 'text/csv',
      bytes: Buffer.from('x'),
    });
    expect(
      (
        await s.inject({
          method: 'POST',
          url,
          payload: forged.payload,
          headers: { ...forged.headers, cookie: s.admin.cookie },
        })
      ).statusCode,
    ).toBe(403);
    expect(await s.activityCount()).toBe(before);
  });

  it('refuses a bad CSV whole, naming every row and column in the reader’s language, and writes nothing', async () => {
    const lines = toCsv(testCandidates(150, { electionId: E, party: PARTY })).split('\n');
    const edit = (i: number, f: (line: string) => string) => (lines[i] = f(lines[i] ?? ''));
    edit(5, (x) => x.replace(/,\d{4}-\d{2}-\d{2},/, ',1990-02-30,')); // row 6: impossible date
    edit(9, (x) => x.replace(/,(female|male),/, ',unknown,')); // row 10: bad sex
    edit(12, (x) => x.replace(/,\d{14}$/, ',12345')); // row 13: short PIN
    const bytes = Buffer.from(lines.join('\n'));
    const [activity, candidates] = [await s.activityCount(), await s.candidateCount()];

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
    expect(summary(ky.body)[0]).toBe(
      '6-сап, «birth_date» мамычасы: «1990-02-30» күн эмес (ЖЖЖЖ-АА-КК же КК.АА.ЖЖЖЖ түрүндө жазыңыз).',
    );
    const en = await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes }, 'en');
    expect(summary(en.body)[2]).toBe('Row 13, column “pin”: the PIN must be 14 digits.');
    // The PIN itself is never echoed.
    expect(en.body).not.toContain('12345<');

    // A list that breaks the rules is refused too, with the rule named.
    const short = await upload(PARTY, {
      name: 'list.csv',
      type: 'text/csv',
      bytes: Buffer.from(toCsv(testCandidates(20, { electionId: E, party: PARTY }))),
    });
    expect(summary(short.body)).toContain(
      'The list breaks the rule “List size”: 20 candidates on the list, the law requires at least 120.',
    );
    // A count rule gives its unit and names the candidates concerned.
    expect(summary(short.body)).toContain(
      'The list breaks the rule “Persons with disabilities”: 1 person with a disability, the law requires at least 2: position 3 (Bakyt Synoov 3).',
    );
    // Not a list at all, or not in UTF-8.
    const pdf = await upload(PARTY, { name: 'list.pdf', type: 'application/pdf', bytes: await pdfBytes() });
    expect(summary(pdf.body)).toEqual([
      'List file (CSV or XLSX): This is neither CSV nor XLSX. Save the list as CSV (UTF-8) or as an Excel workbook (.xlsx).',
    ]);
    const cp1251 = Buffer.from([...Buffer.from(`${CANDIDATE_IMPORT_COLUMNS.join(',')}\n1,`), 0xc0, 0xe9, 0xe3]);
    expect(summary((await upload(PARTY, { name: 'list.csv', type: 'text/csv', bytes: cp1251 })).body)[0]).toContain(
      'not in UTF-8',
    );
    const none = await upload(PARTY, { name: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) });
    expect(summary(none.body)).toEqual(['List file (CSV or XLSX): Choose a CSV or XLSX file.']);

    expect(await s.activityCount()).toBe(activity);
    expect(await s.candidateCount()).toBe(candidates);
  });

  it('imports a good list from CSV and from XLSX, then refuses a second import', async () => {
    const csv = await upload(PARTY, {
      name: 'list.csv',
      type: 'text/csv',
      bytes: Buffer.from(`\ufeff${toCsv(testCandidates(150, { electionId: E, party: PARTY }))}`),
    });
    expect(csv.statusCode).toBe(303);
    expect(csv.headers.location).toBe(`${partyUrl(PARTY)}?done=imported&n=150#list`);
    // Other people (other PINs) than the first list.
    const others = testCandidates(130, { electionId: E, party: PARTY_XLSX }).map((c) => ({
      ...c,
      pin: `9${c.pin.slice(1)}`,
    }));
    const xlsx = await upload(PARTY_XLSX, { name: 'list.xlsx', type: XLSX_TYPE, bytes: await toXlsx(others) });
    expect(xlsx.statusCode).toBe(303);
    expect(await listAllCandidatesOfList(s.server.ctx.db, E, PARTY)).toHaveLength(150);
    expect(await listAllCandidatesOfList(s.server.ctx.db, E, PARTY_XLSX)).toHaveLength(130);
    const page = await s.inject({ url: `${partyUrl(PARTY)}?done=imported&n=150`, headers: { cookie: s.admin.cookie } });
    expect(text(page.body)).toContain('150 candidates imported.');
    expect(text(page.body)).toContain('All rules met');
    expect(page.body).not.toContain('/candidates"'); // the import form is gone: a list is imported once
    const again = await upload(PARTY, {
      name: 'list.csv',
      type: 'text/csv',
      bytes: Buffer.from(toCsv(testCandidates(150, { electionId: E, party: PARTY }))),
    });
    expect(summary(again.body)).toEqual([
      'This party already has a candidate list. Withdraw candidates instead of importing again.',
    ]);
  });

  it('withdraws a candidate and shows the list rules checked again', async () => {
    const list = await listAllCandidatesOfList(s.server.ctx.db, E, PARTY);
    // Position 4 is a woman between two pairs of men (F M M F M M …): without her, four men run.
    const woman = list.find((c) => c.listPosition === 4);
    expect(woman?.sex).toBe('female');
    const url = `${partyUrl(PARTY)}/withdrawals`;
    const bad = await s.inject({
      method: 'POST',
      url,
      ...form({ candidateId: '', withdrawDate: '10.09.2030' }, s.admin),
    });
    expect(summary(bad.body)).toEqual([
      'Candidate: Choose one of the options.',
      'Date of withdrawal: Enter a date as YYYY-MM-DD, e.g. 2026-10-04.',
    ]);
    const other = (await listAllCandidatesOfList(s.server.ctx.db, E, PARTY_XLSX))[0];
    const foreign = await s.inject({
      method: 'POST',
      url,
      ...form({ candidateId: String(other?.id), withdrawDate: '2030-09-10' }, s.admin),
    });
    expect(summary(foreign.body)).toEqual(['Candidate: There is no such candidate.']);

    // The first post only asks, naming the candidate; nothing is written until the confirmed post.
    const ask = await s.inject({
      method: 'POST',
      url,
      ...form({ candidateId: String(woman?.id), withdrawDate: '2030-09-10' }, s.admin),
    });
    expect(ask.statusCode).toBe(200);
    expect(text(ask.body)).toContain(`Withdraw ${woman?.nameLatin} from the list?`);
    expect(text(ask.body)).toContain(
      '(position 4) will be marked as withdrawn on 10 September 2030. This cannot be undone',
    );
    expect(ask.body).toContain('name="confirmed" value="1"');
    expect(ask.body).toContain(`name="candidateId" value="${woman?.id}"`);
    expect((await listAllCandidatesOfList(s.server.ctx.db, E, PARTY)).find((c) => c.id === woman?.id)?.status).toBe(
      'registered',
    );
    const r = await s.inject({
      method: 'POST',
      url,
      ...form({ candidateId: String(woman?.id), withdrawDate: '2030-09-10', confirmed: '1' }, s.admin),
    });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`${partyUrl(PARTY)}?done=withdrawn&candidate=${woman?.id}#rules`);
    const page = text(
      (await s.inject({ url: (r.headers.location ?? '').split('#')[0] ?? '', headers: { cookie: s.admin.cookie } }))
        .body,
    );
    expect(page).toContain(
      `${woman?.nameLatin} (position 4) was withdrawn. The list was checked against the rules again:`,
    );
    expect(page).toContain('1 rule broken');
    expect(page).toContain(
      'Run of one sex 4 candidates of one sex in a row, the law allows at most 2: positions 2 (Bakyt Synoov 2), 3 (Bakyt Synoov 3), 5 (Bakyt Synoov 5) and 6 (Bakyt Synoov 6) 4 ≤ 2 ✗ Broken',
    );
    const twice = await s.inject({
      method: 'POST',
      url,
      ...form({ candidateId: String(woman?.id), withdrawDate: '2030-09-10' }, s.admin),
    });
    expect(summary(twice.body)).toEqual(['Candidate: This candidate is no longer registered.']);
  });

  it('offers the import template as CSV and XLSX next to the import, with the allowed values on the page', async () => {
    const reg = 'CP-0303';
    await registerParty(s.server.ctx, { electionId: E, party: party(reg, `Партия ${reg}`) }, 'test');
    const page = await s.inject({ url: partyUrl(reg), headers: { cookie: s.admin.cookie } });
    expect(page.body).toContain(`href="${partyUrl(reg)}/candidates/template.csv"`);
    expect(page.body).toContain(`href="${partyUrl(reg)}/candidates/template.xlsx"`);
    expect(text(page.body)).toContain('sex Sex F (female) or M (male)');
    expect(text(page.body)).toContain('pin Personal identification number (PIN); never published 14 digits');
    const csv = await s.inject({
      url: `${partyUrl(reg)}/candidates/template.csv`,
      headers: { cookie: s.admin.cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const xlsx = await s.inject({
      url: `${partyUrl(reg, 'ky')}/candidates/template.xlsx`,
      headers: { cookie: s.admin.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    // Generated, then imported through the form: the example row itself is clean; only the list rules
    // (one candidate is too few) refuse it.
    const refused = await upload(reg, { name: 'template.xlsx', type: XLSX_TYPE, bytes: xlsx.rawPayload });
    expect(summary(refused.body).every((x) => x.startsWith('The list breaks the rule'))).toBe(true);
    // Signed out: no template.
    expect((await s.inject({ url: `${partyUrl(reg)}/candidates/template.csv` })).statusCode).not.toBe(200);
  });

  it('answers 404 for a form of a party that does not stand in the election', async () => {
    const url = `/en/commission/elections/${E}/parties/NO-SUCH`;
    expect(
      (
        await s.inject({
          method: 'POST',
          url: `${url}/withdrawals`,
          ...form({ candidateId: '1', withdrawDate: '2030-09-10' }, s.admin),
        })
      ).statusCode,
    ).toBe(404);
    const m = signedMultipart(s.admin, [], {
      field: 'file',
      name: 'list.csv',
      type: 'text/csv',
      bytes: Buffer.from('x'),
    });
    expect((await s.inject({ method: 'POST', url: `${url}/candidates`, ...m })).statusCode).toBe(404);
  });
});
