// The bank CSV files: texts from a bank statement are the bank's, not ours, and reach journalists' spreadsheets.
import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { bankSeriesCsv, bankUnreportedCsv } from './public.routes.ts';
import type { Tyiyn } from '../../domain/money.ts';

const t = (n: number) => n as Tyiyn;

it('neutralises -1+1 and keeps a record whole across a lone carriage return', () => {
  const csv = bankUnreportedCsv([
    {
      date: '2026-02-01',
      amount: t(-50_000),
      direction: 'out',
      counterpartyName: 'Shop\r=cmd|"/c calc"!A1',
      counterpartyId: null,
      purpose: '-1+1',
    },
  ]);
  expect(csv).toContain('"Shop\r=cmd|""/c calc""!A1"');
  const rows = parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    amount_som: '-500.00',
    counterparty_name: 'Shop\r=cmd|"/c calc"!A1',
    purpose: "'-1+1",
  });
});

it('writes negative balances as numbers', () => {
  const csv = bankSeriesCsv({ series: [{ date: '2026-02-01', received: t(0), spent: t(100), balance: t(-100) }] });
  expect(csv.split('\r\n')[1]).toBe('2026-02-01,0.00,1.00,-1.00');
});
