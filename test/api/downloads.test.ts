// The download files: CSV that Excel reads as UTF-8, an XLSX workbook, the JSON list and Popolo
// JSON of a whole election, each with the right rows, columns, counts and file name, on every database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  BIG,
  BIG_SIZE,
  ELECTION,
  EMPTY,
  OTHER_ELECTION,
  OTHER_SIZE,
  SMALL,
  SMALL_SIZE,
  WITHDRAWN_POSITIONS,
  json,
  startApiTestServer,
  type ApiTestServer,
} from './api-test-server.ts';
import { availableDialects } from '../support/databases.ts';

const COLUMNS = [
  'list_position',
  'name_ky',
  'name_ru',
  'name_latin',
  'birth_date',
  'sex',
  'occupation',
  'place_of_residence',
  'ethnic_minority',
  'disability',
  'status',
  'withdrawn_on',
];

for (const dialect of availableDialects()) {
  describe(`downloads [${dialect}]`, () => {
    let s: ApiTestServer;
    const listUrl = (reg: string, ext: string) =>
      `/api/v1/elections/${ELECTION.id}/parties/${encodeURIComponent(reg)}/candidates.${ext}`;

    beforeAll(async () => {
      s = await startApiTestServer(dialect);
    });
    afterAll(async () => s?.close());

    describe('CSV', () => {
      it('is UTF-8 with a BOM, the import columns without pin, one row per candidate', async () => {
        const res = await s.get(listUrl(BIG.registrationNumber, 'csv'));
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="${ELECTION.id}_${BIG.registrationNumber}_candidates.csv"; filename*=UTF-8''${ELECTION.id}_${BIG.registrationNumber}_candidates.csv`,
        );
        expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rows: string[][] = parse(res.rawPayload.toString('utf8').slice(1));
        expect(rows[0]).toEqual(COLUMNS);
        expect(rows).toHaveLength(BIG_SIZE + 1);
        const first = rows[1]!;
        expect(first.slice(0, 4)).toEqual(['1', 'Айгүл Асанова', 'Асанова Айгуль', 'Aigul Asanova']);
        expect(first[9]).toBe('0');
        // A cell a spreadsheet would run as a formula is neutralised.
        expect(first[6]).toBe(`'=HYPERLINK("http://evil.example")`);
        const withdrawn = rows.slice(1).filter((r) => r[10] === 'withdrawn');
        expect(withdrawn.map((r) => Number(r[0]))).toEqual(WITHDRAWN_POSITIONS);
        expect(withdrawn.every((r) => r[11] === '2021-11-10')).toBe(true);
      });

      it('names a file with a Cyrillic registration number in ASCII and in UTF-8', async () => {
        const res = await s.get(listUrl(SMALL.registrationNumber, 'csv'));
        expect(res.statusCode).toBe(200);
        const cd = String(res.headers['content-disposition']);
        expect(cd).toContain(`filename="${ELECTION.id}_10002-3301-___candidates.csv"`);
        expect(cd).toContain(
          `filename*=UTF-8''${encodeURIComponent(`${ELECTION.id}_${SMALL.registrationNumber}_candidates.csv`)}`,
        );
        expect(parse(res.body.slice(1))).toHaveLength(SMALL_SIZE + 1);
      });

      it('has only the header for a party without a list, and 404 for a party not standing', async () => {
        const empty = await s.get(listUrl(EMPTY.registrationNumber, 'csv'));
        expect(empty.statusCode).toBe(200);
        expect(parse(empty.body.slice(1))).toEqual([COLUMNS]);
        const missing = await s.get(listUrl('NO-SUCH', 'csv'));
        expect(missing.statusCode).toBe(404);
        expect(json(missing).error.code).toBe('not_found');
      });
    });

    describe('XLSX', () => {
      it('opens with exceljs and has a header and 200 rows', async () => {
        const res = await s.get(listUrl(BIG.registrationNumber, 'xlsx'));
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        expect(String(res.headers['content-disposition'])).toContain('_candidates.xlsx"');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const ws = wb.getWorksheet('candidates')!;
        expect(ws).toBeDefined();
        expect(ws.rowCount).toBe(BIG_SIZE + 1);
        expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS);
        expect((ws.getRow(2).values as unknown[]).slice(1, 5)).toEqual([
          1,
          'Айгүл Асанова',
          'Асанова Айгуль',
          'Aigul Asanova',
        ]);
        // Text stays text: the formula-like occupation is a string cell, not a formula.
        expect(ws.getRow(2).getCell(7).type).toBe(ExcelJS.ValueType.String);
      });

      it('keeps its ETag for identical data, though the zip inside carries write times', async () => {
        // Ten seconds apart by the clock, so the zip timestamps differ.
        vi.useFakeTimers({ toFake: ['Date'] });
        let a, b;
        try {
          vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
          a = await s.get(listUrl(BIG.registrationNumber, 'xlsx'));
          vi.setSystemTime(new Date('2030-01-01T00:00:10Z'));
          b = await s.get(listUrl(BIG.registrationNumber, 'xlsx'));
        } finally {
          vi.useRealTimers();
        }
        expect(a.rawPayload.equals(b.rawPayload)).toBe(false);
        expect(a.headers.etag).toBe(b.headers.etag);
        expect(
          (await s.get(listUrl(BIG.registrationNumber, 'xlsx'), { 'if-none-match': String(a.headers.etag) }))
            .statusCode,
        ).toBe(304);
      });
    });

    describe('JSON list', () => {
      it('holds the whole list in list order, public fields only', async () => {
        const res = await s.get(listUrl(BIG.registrationNumber, 'json'));
        expect(res.statusCode).toBe(200);
        expect(String(res.headers['content-disposition'])).toContain('_candidates.json"');
        const body = json(res);
        expect(body).toMatchObject({
          electionId: ELECTION.id,
          partyRegistrationNumber: BIG.registrationNumber,
          synthetic: true,
        });
        expect(body.candidates.map((c: { listPosition: number }) => c.listPosition)).toEqual(
          Array.from({ length: BIG_SIZE }, (_, i) => i + 1),
        );
        expect(Object.keys(body.candidates[0]).sort()).toEqual([
          'birthDate',
          'disability',
          'electionId',
          'ethnicMinority',
          'id',
          'listPosition',
          'nameKy',
          'nameLatin',
          'nameRu',
          'occupation',
          'partyRegistrationNumber',
          'placeOfResidence',
          'sex',
          'status',
          'withdrawnOn',
        ]);
      });
    });

    describe('Popolo', () => {
      it('has one person and membership per candidate and one organization per party', async () => {
        const res = await s.get(`/api/v1/elections/${ELECTION.id}/popolo.json`);
        expect(res.statusCode).toBe(200);
        const p = json(res);
        expect(p.persons).toHaveLength(BIG_SIZE + SMALL_SIZE);
        expect(p.memberships).toHaveLength(BIG_SIZE + SMALL_SIZE);
        expect(p.organizations).toHaveLength(3);
        expect(p.organizations.every((o: { classification: string }) => o.classification === 'party')).toBe(true);
        expect(p.events).toEqual([
          expect.objectContaining({
            id: ELECTION.id,
            start_date: ELECTION.electionDay,
            classification: 'general election',
          }),
        ]);
        const persons = new Set(p.persons.map((x: { id: string }) => x.id));
        const orgs = new Set(p.organizations.map((x: { id: string }) => x.id));
        for (const m of p.memberships) {
          expect(m.role).toBe('candidate');
          expect(persons.has(m.person_id)).toBe(true);
          expect(orgs.has(m.organization_id)).toBe(true);
          expect(m.on_behalf_of_id).toBe(m.organization_id);
          expect(m.start_date).toBe(ELECTION.campaignStart);
        }
        const withdrawn = p.memberships.filter((m: { status: string }) => m.status === 'withdrawn');
        expect(withdrawn).toHaveLength(WITHDRAWN_POSITIONS.length);
        expect(withdrawn.every((m: { end_date: string }) => m.end_date === '2021-11-10')).toBe(true);
        const person = p.persons[0];
        expect(person.other_names.map((n: { lang: string }) => n.lang)).toEqual(['ky', 'ru', 'ky-Latn']);
        expect(p.meta.synthetic).toBe(true);
        expect(p.meta.notice).toMatch(/synthetic/i);
      });

      it('says a real election is not synthetic', async () => {
        const p = json(await s.get(`/api/v1/elections/${OTHER_ELECTION.id}/popolo.json`));
        expect(p.meta.synthetic).toBe(false);
        expect(p.meta.notice).not.toMatch(/synthetic/i);
        expect(p.persons).toHaveLength(OTHER_SIZE);
        expect(p.organizations).toHaveLength(1);
      });
    });
  });
}
