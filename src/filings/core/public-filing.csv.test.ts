// The report page's CSV files: a carriage return or a formula typed into a line cannot split a record or run.
import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { linesCsv, type PublicFilingDoc } from './public-filing.ts';

const doc = {
  expenditures: [
    {
      lineId: 'e1',
      date: '2026-01-05',
      category: 'media',
      payeeName: 'Print LLC\r=1+1',
      amount: 150_000,
      documentNumber: '-1+1',
      description: 'posters, "A3"\nsecond line',
    },
  ],
} as unknown as PublicFilingDoc;

it('keeps one record per line, quoted and neutralised, the amount a number', () => {
  const csv = linesCsv(doc, 'expenditures');
  // Spreadsheets end a record at a lone CR: the field must be quoted.
  expect(csv).toContain('"Print LLC\r=1+1"');
  const rows = parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    payeeName: 'Print LLC\r=1+1',
    documentNumber: "'-1+1",
    description: 'posters, "A3"\nsecond line',
    amount_som: '1500.00',
  });
});
