import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { CANDIDATE_IMPORT_COLUMNS } from '../../domain/candidate-columns.ts';
import { readCandidateCsv, readCandidateXlsx } from './candidate-import.ts';
import { candidateTemplateCsv, candidateTemplateXlsx, IMPORT_COLUMN_HELP } from './list-template.ts';

const ctx = { electionId: 'e', partyRegistrationNumber: 'P-1', electionDay: '2030-10-01' };

describe('the candidate list import template', () => {
  it('CSV: UTF-8 with the byte-order mark, the import header and one example row that imports cleanly', () => {
    const csv = candidateTemplateCsv();
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CANDIDATE_IMPORT_COLUMNS.join(','));
    const r = readCandidateCsv(csv, ctx);
    expect(r.ok ? r.value : r.error).toMatchObject([{ listPosition: 1, sex: 'male', birthDate: '1990-05-17' }]);
  });

  it('XLSX: the same rows import cleanly, and a second sheet explains every column', async () => {
    const bytes = await candidateTemplateXlsx('ru');
    const r = await readCandidateXlsx(bytes, ctx);
    expect(r.ok ? r.value : r.error).toMatchObject([{ listPosition: 1, pin: '21705199000001', disability: false }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Список', 'Колонки']);
    const help = wb.worksheets[1]!;
    expect(help.rowCount).toBe(CANDIDATE_IMPORT_COLUMNS.length + 1);
    expect(help.getRow(7).values).toEqual([undefined, 'sex', 'Пол', IMPORT_COLUMN_HELP.sex.allowed.ru]);
    expect(String(help.getRow(12).getCell(3).value)).toContain('14');
  });
});
