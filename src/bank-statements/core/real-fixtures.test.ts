// Every real bank file in test/fixtures/bank (see PROVENANCE.md) against figures worked out independently
// of this code: transaction counts, sums of credits and of debits and the stated balances come from
// reading the files (cross-checked with genkgo/camt's and mt940-js's own expected output where the
// fixture ships one). Files whose balances do not add up are sample data edited by hand; each is named.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareDecimals, sumDecimals, abs } from './decimal.ts';
import { parseStatementBytes } from './parse-statement.ts';
import { parseCamt053 } from './parsers/camt053.parser.ts';
import { parseMt940 } from './parsers/mt940.parser.ts';
import { statementSchema } from './statement.ts';
import type { StatementParseResult } from './statement.ts';

const FIXTURES = new URL('../../../test/fixtures/bank/', import.meta.url);
const read = (path: string): Buffer => readFileSync(new URL(path, FIXTURES));

/** count, sum of credits, sum of debits (positive), opening, closing (null: not stated / not usable). */
type Expected = [count: number, credits: string, debits: string, opening: string | null, closing: string | null];

interface FileExpectation {
  statements: Expected[];
  /** Problem codes the file must produce, and no others. */
  problems: string[];
  /** Statements (1-based) whose opening + transactions ≠ closing, and why that is legitimate. */
  unbalanced?: { statements: number[]; reason: string };
}

const CAMT053: Record<string, FileExpectation> = {
  'genkgo__camt053.v2.all-balance-types.xml': {
    statements: [[1, '8.850', '0', '1.01', '4.04']],
    problems: ['statement.unbalanced'],
    unbalanced: {
      statements: [1],
      reason: 'test data for balance types: one 8.850 entry between unrelated balances 1.01 and 4.04',
    },
  },
  'genkgo__camt053.v2.five.decimals.xml': {
    statements: [[1, '8.850', '0', '18.150', '27.050']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: '18.150 + 8.850 = 27.000, the file says 27.050' },
  },
  // Closing balances in SEK on a EUR account: ignored (statement.balance_currency), nothing to check.
  'genkgo__camt053.v2.minimal.ultimate.xml': {
    statements: [[1, '8.85', '0', '18.15', null]],
    problems: ['statement.balance_currency'],
  },
  'genkgo__camt053.v2.minimal.xml': {
    statements: [[1, '8.85', '0', '18.15', null]],
    problems: ['statement.balance_currency'],
  },
  'genkgo__camt053.v2.multi.statement.xml': {
    statements: [
      [1, '8.85', '0', '18.15', '27.00'],
      [1, '0', '7.00', '27.00', '20.00'],
    ],
    problems: [],
  },
  'genkgo__camt053.v2.with-party-ids.xml': {
    statements: [[1, '8.85', '0', '18.15', null]],
    problems: ['statement.balance_currency'],
  },
  'genkgo__camt053.v2.wrong.xml': { statements: [], problems: ['camt053.no_statements'] },
  'genkgo__camt053.v3.xml': { statements: [[1, '8.85', '0', '18.15', null]], problems: ['statement.balance_currency'] },
  'genkgo__camt053.v4.xml': { statements: [[1, '8.85', '0', '18.15', null]], problems: ['statement.balance_currency'] },
  'genkgo__camt053.v8.xml': { statements: [[1, '8.85', '0', '18.15', null]], problems: ['statement.balance_currency'] },
  'genkgo__camt53.only-Dt-with-DtTm.xml': { statements: [[0, '0', '0', '5442.09000', null]], problems: [] },
  // 13 entries; batches of 10, 2 and 7 TxDtls count one transaction each; two batches without details count once.
  'iso20022js__abn_amro_example_camt.xml': { statements: [[29, '28.00', '928.00', '1000.01', '100.01']], problems: [] },
  // Balances use US BAI codes (010, 015…), not ISO ones; the entry has no booking date.
  'iso20022js__bank_of_montreal_camt053_v2_1.xml': {
    statements: [[1, '69.69', '0', null, null]],
    problems: ['camt053.booking_date_missing'],
  },
  'iso20022js__goldman_sachs_camt_053_uk_v2_2.xml': {
    statements: [
      [0, '0', '0', '68206.51', '68206.51'],
      [6, '200.00', '400.00', '334425218.07', '334425126.42'],
    ],
    problems: ['statement.unbalanced'],
    unbalanced: {
      statements: [2],
      reason: 'published sample: six 100.00 entries (net -200.00) between balances 91.65 apart',
    },
  },
  'iso20022js__goldman_sachs_camt_053_us_v2_sample.xml': {
    statements: [[15, '100.00', '69.06', '-843686.20', '-846665.15']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: 'published sample: 15 small entries between balances 2978.95 apart' },
  },
  'iso20022js__ing_example_camt.xml': { statements: [[9, '990.00', '385.00', '1000.00', '1605.00']], problems: [] },
  'iso20022js__nordea_example_camt.xml': {
    statements: [[6, '10100.50', '1500.50', '200.50', '8800.50']],
    problems: [],
  },
};

const UNBALANCED_EDITED = 'anonymised sample whose amounts were edited by hand';

const MT940: Record<string, FileExpectation> = {
  'mt940js__abn-amro-1.sta': {
    statements: [[1, '5.41', '0', '3148.49', '2940.39']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: UNBALANCED_EDITED },
  },
  'mt940js__base-1.sta': {
    statements: [
      [6, '105000.00', '0', '0.00', '105000.00'],
      [2, '40000.00', '0', '105000.00', '145000.00'],
      [1, '0', '50000.00', '145000.00', '95000.00'],
    ],
    problems: [],
  },
  'mt940js__base-2.sta': { statements: [[2, '0', '1.4', '27.31', '25.91']], problems: [] },
  'mt940js__base-3.sta': {
    statements: [
      [1, '100', '0', '0', '100'],
      [1, '0', '58.96', '95.02', '36.06'],
    ],
    problems: [],
  },
  'mt940js__ing-1.sta': { statements: [[3, '11.01', '10000.99', '44.89', '-9945.09']], problems: [] },
  'mt940js__ing-2.sta': { statements: [[0, '0', '0', '550000.00', '550000.00']], problems: [] },
  'wolph__ASNB__mt940.sta': {
    statements: [
      [1, '0', '65.00', '444.29', '379.29'],
      ...Array.from({ length: 3 }, (): Expected => [0, '0', '0', '379.29', '379.29']),
      [2, '1000.00', '801.55', '379.29', '577.74'],
      ...Array.from({ length: 19 }, (): Expected => [0, '0', '0', '577.74', '577.74']),
      [1, '0', '1.65', '577.74', '576.09'],
      ...Array.from({ length: 3 }, (): Expected => [0, '0', '0', '576.09', '576.09']),
      [2, '828.72', '1000.00', '576.09', '404.81'],
      [0, '0', '0', '404.81', '404.81'],
      [2, '1000.18', '903.76', '404.81', '501.23'],
    ],
    problems: [],
  },
  'wolph__betterplace__sepa_mt9401.sta': {
    statements: [
      [7, '997241.96', '1000151.83', '-1234718.36', '-1237628.23'],
      [2, '15000.05', '500250', '-970499.9', '-1455749.85'],
      [5, '125180.81', '653219.32', '-1709296.34', '-2237334.85'],
      [3, '1050000', '0', '3192675.04', '4242675.04'],
      [5, '204.88', '726899.15', '-2368827.87', '-3095522.14'],
      [1, '50990.05', '0', '152970.15', '203960.2'],
      [4, '19990.05', '10061.68', '-40432.2', '-30503.83'],
      [4, '0', '70350.62', '-30503.83', '-100854.45'],
      [8, '201202.10', '7650.24', '-1552497.38', '-1358945.52'],
      [3, '0', '944525.59', '-1358945.52', '-2303471.11'],
      [6, '915646.88', '18163.85', '-3829477.87', '-2931994.84'],
      [6, '0', '2087703.12', '-2931994.84', '-5019697.96'],
      [6, '171052.00', '411579.81', '-5777585.57', '-6018113.38'],
      [3, '0', '2826312', '-6018113.38', '-8844425.38'],
      [1, '13990.05', '0', '13990.05', '27980.1'],
      [5, '0', '20066.02', '-3612519.02', '-3632585.04'],
      [5, '0', '182316.43', '-3632585.04', '-3814901.47'],
      [2, '0', '1298692.05', '-3814901.47', '-5113593.52'],
      [1, '50990.05', '0', '152970.15', '203960.2'],
      [3, '92990.19', '0', '145964.58', '238954.77'],
      [4, '360093.91', '1500', '766656.49', '1125250.4'],
      [7, '1070951.81', '3572569.03', '-1970431.87', '-4472049.09'],
      [3, '52900.10', '125300.1', '-324910.25', '-397310.25'],
      [1, '0', '150', '-450', '-600'],
      [1, '0', '150', '-450', '-600'],
      [1, '50.05', '0', '0', '50.05'],
    ],
    problems: [],
  },
  'wolph__betterplace__sepa_snippet.sta': {
    statements: [
      [4, '360093.91', '1500.00', '766656.49', '1125250.4'],
      [7, '1070651.81', '3572569.11', '-1970431.87', '-4472049.09'],
    ],
    problems: ['statement.unbalanced'],
    unbalanced: {
      statements: [2],
      reason: 'cut from sepa_mt9401 with one line edited ("CR300," became "DR0,08"): 300.08 off',
    },
  },
  'wolph__betterplace__with_binary_character.sta': {
    statements: [
      [3, '13095.30', '193282.05', '380115.77', '199929.02'],
      [1, '1120.00', '0', '130073.19', '131193.19'],
    ],
    problems: [],
  },
  'wolph__citi__mt940.sta': { statements: [[5, '0.00', '1142.75', '17376.67', '16233.92']], problems: [] },
  'wolph__cmxl__mt940.sta': {
    statements: [
      [11, '49396.74', '49309.44', '84349.74', '84437.04'],
      [2, '3000', '800', '2187.95', '4387.95'],
      [3, '20040.00', '10000.00', '40000.00', '50040.00'],
    ],
    problems: [],
  },
  'wolph__jejik__abnamro.sta': {
    statements: [
      [8, '0', '321.44', '3236.28', '876.84'],
      [2, '0', '24.49', '2876.84', '1849.75'],
    ],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1, 2], reason: UNBALANCED_EDITED },
  },
  'wolph__jejik__ing.sta': {
    statements: [[7, '4.68', '50.27', '0.00', '3.47']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: UNBALANCED_EDITED },
  },
  'wolph__jejik__knab.sta': {
    statements: [
      [1, '500', '0', '0', '500'],
      [2, '500', '7260', '3058.98', '798.98'],
    ],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [2], reason: '3058.98 - 7260 + 500 is not 798.98 (7260 reads like 2760 mistyped)' },
  },
  'wolph__jejik__postfinance.sta': {
    statements: [
      [2, '229.2', '0', '0', '229.2'],
      [2, '10.1', '79.9', '229.2', '159.6'],
    ],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [2], reason: 'second statement is 0.20 off' },
  },
  'wolph__jejik__rabobank-iban.sta': {
    statements: [
      [2, '0', '35.00', '1000.00', '965.00'],
      [2, '0', '35.00', '965.00', '930.00'],
    ],
    problems: [],
  },
  'wolph__jejik__sns.sta': {
    statements: [
      [2, '0', '25.00', '1234.56', '1209.56'],
      [0, '0', '0', '1209.56', '1209.56'],
    ],
    problems: [],
  },
  'wolph__jejik__triodos.sta': {
    statements: [[2, '0', '715.70', '4975.09', '4370.79']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: UNBALANCED_EDITED },
  },
  'wolph__mBank__mt940.sta': { statements: [[3, '0.03', '0', '0.40', '0.43']], problems: [] },
  'wolph__mBank__with_newline_in_tnr.sta': {
    statements: [[2, '89.00', '0', '0.46', '860.17']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: "an excerpt: two of the day's entries only" },
  },
  'wolph__sberbank__171011_01234945.sta': { statements: [[3, '0', '9437.00', '627311.30', '617874.30']], problems: [] },
  'wolph__self-provided__details_60-63.sta': {
    statements: [[1, '0', '233.15', '12345.12', '12345.98']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: UNBALANCED_EDITED },
  },
  // Value date 30 February: reported; the entry date (1 March) still books the transaction.
  'wolph__self-provided__february_30.sta': {
    statements: [[1, '0', '6.00', '1200.00', '1194.00']],
    problems: ['mt940.date_invalid'],
  },
  'wolph__self-provided__gv_codes.sta': { statements: [[2, '0', '257.45', '12345.12', null]], problems: [] },
  'wolph__self-provided__malformed_details.sta': {
    statements: [[1, '0', '233.15', '12345.12', '12345.98']],
    problems: ['mt940.details_malformed', 'statement.unbalanced'],
    unbalanced: { statements: [1], reason: UNBALANCED_EDITED },
  },
  'wolph__self-provided__mt942.sta': { statements: [], problems: ['mt940.mt942_refused'] },
  // After the statement's "-" comes a lone :61: with no account or balance: reported, not guessed.
  'wolph__self-provided__multiline.sta': {
    statements: [[1, '0', '5', '16.40', '11.40']],
    problems: ['mt940.currency_missing', 'statement.incomplete'],
  },
  'wolph__self-provided__overly_long_details.sta': {
    statements: [[1, '0', '233.15', '12345.12', '12345.98']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: UNBALANCED_EDITED },
  },
  'wolph__self-provided__raiffeisen-cmi.sta': {
    statements: [[7, '2066637.00', '3078850.50', '25170637.10', '25281687.60']],
    problems: ['statement.unbalanced', 'text.encoding_guessed'],
    unbalanced: { statements: [1], reason: UNBALANCED_EDITED },
  },
  'wolph__self-provided__transaction_details_wrapped.sta': {
    statements: [[1, '0', '6.00', '1200.00', '1194.00']],
    problems: ['mt940.date_invalid'],
  },
  'wolph__self-provided__whitespace.sta': {
    statements: [[1, '0', '233.15', '12345.12', '12345.98']],
    problems: ['statement.unbalanced'],
    unbalanced: { statements: [1], reason: UNBALANCED_EDITED },
  },
  'wolph__self-provided__wrapped_timestamp.sta': {
    statements: [[1, '0', '6.00', '1200.00', '1194.00']],
    problems: ['mt940.date_invalid'],
  },
};

/** Snippets of single fields, not statements: no account or balance, so no statement comes out — only problems. */
const MT940_FRAGMENTS = [
  'wolph__betterplace__amount_formats.sta',
  'wolph__betterplace__currency_in_25.sta',
  'wolph__betterplace__empty_86.sta',
  'wolph__betterplace__empty_entry_date.sta',
  'wolph__betterplace__missing_crlf_at_end.sta',
  'wolph__cmxl__statement_details.sta',
  'wolph__self-provided__sparkassen.sta',
];

function check(result: StatementParseResult, e: FileExpectation): void {
  expect(result.statements.map((s) => s.transactions.length)).toEqual(e.statements.map((x) => x[0]));
  result.statements.forEach((s, i) => {
    const [, credits, debits, opening, closing] = e.statements[i] as Expected;
    expect(statementSchema.safeParse(s).success, `statement ${i + 1} fits the schema`).toBe(true);
    const amounts = s.transactions.map((t) => t.amount);
    const inSum = sumDecimals(amounts.filter((a) => !a.startsWith('-')));
    const outSum = sumDecimals(amounts.filter((a) => a.startsWith('-')).map(abs));
    expect(compareDecimals(inSum, credits), `statement ${i + 1} credits ${inSum} vs ${credits}`).toBe(0);
    expect(compareDecimals(outSum, debits), `statement ${i + 1} debits ${outSum} vs ${debits}`).toBe(0);
    expect(s.openingBalance ?? null).toBe(opening);
    expect(s.closingBalance ?? null).toBe(closing);
    if (opening !== null && closing !== null) {
      const balances = compareDecimals(sumDecimals([opening, ...amounts]), closing) === 0;
      const legitimatelyOff = e.unbalanced?.statements.includes(i + 1) ?? false;
      expect(balances, `statement ${i + 1}: opening + transactions = closing`).toBe(!legitimatelyOff);
    }
  });
  expect([...new Set(result.problems.map((p) => p.code))].sort()).toEqual([...e.problems].sort());
  expect(result.problems.some((p) => p.code === 'parser.internal_error')).toBe(false);
}

describe('real camt.053 files', () => {
  it('covers every camt.053 fixture', () => {
    const files = readdirSync(new URL('camt053/', FIXTURES)).filter((f) => f.endsWith('.xml'));
    expect(files.sort()).toEqual(Object.keys(CAMT053).sort());
  });
  for (const [file, e] of Object.entries(CAMT053)) {
    it(`${file}: ${e.statements.map((s) => s[0]).join('+') || 'no'} transaction(s)${e.unbalanced ? ` (does not balance: ${e.unbalanced.reason})` : ''}`, async () => {
      const bytes = read(`camt053/${file}`);
      check(parseCamt053(bytes), e);
      // Detection finds the format from the content alone, and gives the same result.
      const auto = await parseStatementBytes(bytes);
      expect(auto.format).toBe('camt053');
      check(auto, e);
    });
  }
});

describe('real MT940 files', () => {
  it('covers every MT940 fixture', () => {
    const files = readdirSync(new URL('mt940/', FIXTURES)).filter((f) => f.endsWith('.sta'));
    expect(files.sort()).toEqual([...Object.keys(MT940), ...MT940_FRAGMENTS].sort());
  });
  for (const [file, e] of Object.entries(MT940)) {
    it(`${file}: ${e.statements.map((s) => s[0]).join('+') || 'no'} transaction(s)${e.unbalanced ? ` (does not balance: ${e.unbalanced.reason})` : ''}`, async () => {
      const bytes = read(`mt940/${file}`);
      check(parseMt940(bytes), e);
      const auto = await parseStatementBytes(bytes);
      expect(auto.format).toBe(file.includes('mt942') ? 'mt942' : 'mt940');
      check(auto, e);
    });
  }
  for (const file of MT940_FRAGMENTS) {
    it(`${file} (a fragment) gives problems, not statements or crashes`, () => {
      const r = parseMt940(read(`mt940/${file}`));
      expect(r.statements).toEqual([]);
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.every((p) => p.code !== 'parser.internal_error')).toBe(true);
    });
  }
});

describe('mt940-js expected output agrees with the table', () => {
  // mt940-js's own parse of its cases, an independent reading of the same files.
  for (const file of readdirSync(new URL('mt940/', FIXTURES)).filter((f) => f.endsWith('.expected.json'))) {
    it(file, () => {
      const expected = JSON.parse(read(`mt940/${file}`).toString('utf8')) as {
        transactions: { amount: number; isCredit: boolean }[];
        openingBalance: { value: number; isCredit: boolean };
      }[];
      const table = MT940[file.replace('.expected.json', '.sta')];
      if (!table) throw new Error(`no table row for ${file}`);
      expect(expected.map((s) => s.transactions.length)).toEqual(table.statements.map((s) => s[0]));
      expected.forEach((s, i) => {
        const [, credits, debits] = table.statements[i] as Expected;
        // Amounts there are JSON numbers with at most 2 decimals: exact enough through toFixed(2).
        const theirCredits = sumDecimals(s.transactions.filter((t) => t.isCredit).map((t) => t.amount.toFixed(2)));
        const theirDebits = sumDecimals(s.transactions.filter((t) => !t.isCredit).map((t) => t.amount.toFixed(2)));
        expect(compareDecimals(theirCredits, credits)).toBe(0);
        expect(compareDecimals(theirDebits, debits)).toBe(0);
      });
    });
  }
});
