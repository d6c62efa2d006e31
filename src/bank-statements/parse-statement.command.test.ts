import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStatementCommand } from './parse-statement.command.ts';

const fixture = (p: string) => fileURLToPath(new URL(`../../test/fixtures/bank/${p}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'talapker-parse-statement-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await parseStatementCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return {
    code,
    stdout,
    stderr,
    json: stdout.startsWith('{')
      ? (JSON.parse(stdout) as { statements: Record<string, unknown>[]; problems: { code: string }[] })
      : undefined,
  };
}

describe('talapker parse-statement', () => {
  it('prints normalised statements as JSON, amounts as decimal strings, keys in a fixed order', async () => {
    const r = await run(fixture('mt940/mt940js__ing-1.sta'));
    expect(r.code).toBe(0);
    expect(Object.keys(r.json?.statements[0] ?? {})).toEqual([
      'account',
      'currency',
      'statementNumber',
      'from',
      'to',
      'openingBalance',
      'closingBalance',
      'transactions',
    ]);
    expect(r.json?.statements[0]).toMatchObject({
      account: '0111111111',
      currency: 'EUR',
      openingBalance: '44.89',
      closingBalance: '-9945.09',
    });
    expect((r.json?.statements[0]?.['transactions'] as { amount: string }[]).map((t) => t.amount)).toEqual([
      '0.56',
      '10.45',
      '-10000.99',
    ]);
    expect(r.json?.problems).toEqual([]);
    expect(r.stderr).toContain('mt940, 1 statement(s), 3 transaction(s)');
  });

  it('detects camt.053 and 1C, and takes --format', async () => {
    expect((await run(fixture('camt053/iso20022js__nordea_example_camt.xml'))).json?.statements).toHaveLength(1);
    const oneC = await run(fixture('1c/synthetic-party-fund-rsk-2021.cp1251.txt'), '--format', '1c');
    expect(oneC.json?.statements[0]).toMatchObject({ account: '1290010012345678', closingBalance: '5299999.50' });
    expect(oneC.json?.statements[0]).toMatchObject({ statementNumber: null });
  });

  it('reads CSV with a mapping file', async () => {
    const csv = join(tmp, 'export.csv');
    writeFileSync(csv, 'Дата;Сумма;Плательщик\n01.09.2021;100,50;Асанов\n');
    const mapping = join(tmp, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        dateFormat: 'DD.MM.YYYY',
        decimalSeparator: ',',
        columns: { bookingDate: 'Дата', amount: 'Сумма', counterpartyName: 'Плательщик' },
      }),
    );
    const r = await run(csv, '--mapping', mapping, '--account', '1290010012345678', '--currency', 'KGS');
    expect(r.code).toBe(0);
    expect(r.json?.statements[0]?.['transactions']).toEqual([
      { bookingDate: '2021-09-01', amount: '100.50', currency: 'KGS', counterpartyName: 'Асанов' },
    ]);
    expect((await run(csv)).code).toBe(2);
  });

  it('keeps going with problems, exits 1 when nothing can be read, 2 on misuse', async () => {
    const feb30 = await run(fixture('mt940/wolph__self-provided__february_30.sta'));
    expect(feb30.code).toBe(0);
    expect(feb30.json?.problems.map((p) => p.code)).toEqual(['mt940.date_invalid']);
    expect((await run(join(tmp, 'missing.sta'))).code).toBe(1);
    expect((await run(tmp)).code).toBe(1);
    const xxe = join(tmp, 'xxe.xml');
    writeFileSync(
      xxe,
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document><BkToCstmrStmt/></Document>',
    );
    const refused = await run(xxe);
    expect(refused.code).toBe(1);
    expect(refused.json?.problems.map((p) => p.code)).toEqual(['xml.declaration_refused']);
    const junk = join(tmp, 'junk.bin');
    writeFileSync(junk, Buffer.from([0, 1, 2, 3, 250, 251]));
    expect((await run(junk)).code).toBe(1);
    expect((await run()).code).toBe(2);
    expect((await run('a', '--format', 'pdf')).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });
});
