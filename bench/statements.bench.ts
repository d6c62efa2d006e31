// Bank statement benchmark (not a test). Writes a camt.053 and an MT940 file of the same 100,000
// generated electoral-fund transactions to a temporary directory, then measures, each in its own child
// process so that peak memory is the parser's own:
//   - our streaming camt.053 and MT940 parsers (transactions/s, peak RSS);
//   - baselines on the same XML: a bare fast-xml-parser parse (whole document into objects, no mapping)
//     and a bare saxes tokenisation (no mapping), to show what our mapping costs;
//   - reconciliation of 100,000 report lines against 100,000 bank transactions;
//   - 100,000 fuzz cases (mutated real fixtures) through the format-detecting entry point, counting
//     exceptions that escape (must be 0).
// Usage: npm run bench:statements [-- --transactions N --fuzz N]
// Targets: >= 50,000 transactions/s and peak RSS < 300 MB per parser; reconciliation < 5 s.

import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { tyiyn } from '../src/domain/money.ts';
import { recordFigure } from './figures.ts';
import { fromScaled, toScaled } from '../src/bank-statements/core/decimal.ts';
import { fuzzCases, random, type FuzzSeed } from '../src/bank-statements/core/fuzz-cases.ts';
import { parseStatementBytes } from '../src/bank-statements/core/parse-statement.ts';
import { parseCamt053Stream } from '../src/bank-statements/core/parsers/camt053.parser.ts';
import { parseMt940Stream } from '../src/bank-statements/core/parsers/mt940.parser.ts';
import { type BankEntry, type ReportLine, reconcileFund } from '../src/bank-statements/core/reconciliation.ts';
import type { StatementEvent, StatementSource, StatementTransaction } from '../src/bank-statements/core/statement.ts';
import { camt053Chunks } from '../src/bank-statements/core/writers/camt053.writer.ts';
import { mt940Chunks } from '../src/bank-statements/core/writers/mt940.writer.ts';

const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const FIXTURES = new URL('../test/fixtures/bank/', import.meta.url);

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

// ---- generated data: an electoral fund's account over a campaign ----

const SURNAMES: [string, string][] = [
  ['Асанов', 'Asanov'],
  ['Өмүрбеков', 'Omurbekov'],
  ['Токтогулов', 'Toktogulov'],
  ['Жээнбеков', 'Jeenbekov'],
  ['Сыдыков', 'Sydykov'],
  ['Иванов', 'Ivanov'],
  ['Түгөлбаев', 'Tugolbaev'],
  ['Бекташев', 'Bektashev'],
  ['Мамытов', 'Mamytov'],
  ['Абдыкадыров', 'Abdykadyrov'],
  ['Осмонов', 'Osmonov'],
  ['Кадыров', 'Kadyrov'],
];
const GIVEN: [string, string][] = [
  ['Бакыт', 'Bakyt'],
  ['Нурлан', 'Nurlan'],
  ['Айгүл', 'Aigul'],
  ['Жаңыл', 'Janyl'],
  ['Эрлан', 'Erlan'],
  ['Мария', 'Mariya'],
  ['Талант', 'Talant'],
  ['Чынара', 'Chynara'],
  ['Азамат', 'Azamat'],
  ['Гүлнара', 'Gulnara'],
];
const SUPPLIERS = [
  'ОсОО "Медиа Ордо"',
  'ОсОО "Принт Сервис"',
  'ЖЧК "Бишкек Басма"',
  'ОАО "Кыргызтелеком"',
  'ОсОО "Ала-Тоо Транс"',
];
const ROUND = [500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 150_000, 200_000];

interface Generated {
  tx: StatementTransaction;
  latinName: string;
}

/** The same pseudo-random campaign every time (seeded). */
function* campaign(n: number): Generator<Generated> {
  const r = random(2021_09_01);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const start = Date.UTC(2021, 8, 1);
  for (let i = 0; i < n; i++) {
    const day = new Date(start + Math.floor((i / n) * 40) * 86_400_000).toISOString().slice(0, 10);
    const donation = r() < 0.8;
    const [sc, sl] = pick(SURNAMES);
    const [gc, gl] = pick(GIVEN);
    const person = r() < 0.5 ? `${sc} ${gc}` : `${sc}а ${gc}`;
    const latin = person.startsWith(sc + 'а') ? `${sl}a ${gl}` : `${sl} ${gl}`;
    const som = donation ? pick(ROUND) + (r() < 0.3 ? Math.floor(r() * 1000) : 0) : Math.floor(r() * 500_000) + 1;
    const tyiynPart = donation ? 0 : Math.floor(r() * 100);
    const amount = fromScaled(BigInt(som * 100 + tyiynPart) * 1000n * (donation ? 1n : -1n), 2);
    const pin = `${r() < 0.5 ? 1 : 2}${String(Math.floor(r() * 1e13)).padStart(13, '0')}`;
    const tx: StatementTransaction = donation
      ? {
          bookingDate: day,
          valueDate: day,
          amount,
          currency: 'KGS',
          counterpartyName: `${person} ${pick(['Жумабекович', 'Маратовна', 'Асылбекович', 'Петровна'])}`,
          counterpartyAccount: `135001${String(i).padStart(10, '0')}`,
          counterpartyId: pin,
          remittance: `Добровольное пожертвование в избирательный фонд политической партии, без НДС, платеж ${i}`,
          bankReference: `PP${String(i).padStart(10, '0')}`,
          endToEndReference: `E2E-${i}`,
        }
      : {
          bookingDate: day,
          valueDate: day,
          amount,
          currency: 'KGS',
          counterpartyName: pick(SUPPLIERS),
          counterpartyAccount: `129001${String(i).padStart(10, '0')}`,
          counterpartyId: `0${String(Math.floor(r() * 1e13)).padStart(13, '0')}`,
          remittance: `Оплата по договору N ${i} за изготовление агитационных материалов, без НДС`,
          bankReference: `PP${String(i).padStart(10, '0')}`,
        };
    yield { tx, latinName: donation ? latin : (tx.counterpartyName ?? '') };
  }
}

function statementOf(n: number): StatementSource {
  let sum = 0n;
  for (const g of campaign(n)) sum += toScaled(g.tx.amount);
  const opening = '0.00';
  return {
    account: '1290010012345678',
    currency: 'KGS',
    statementNumber: '1',
    from: '2021-09-01',
    to: '2021-10-10',
    openingBalance: opening,
    closingBalance: fromScaled(toScaled(opening) + sum, 2),
    transactions: (function* () {
      for (const g of campaign(n)) yield g.tx;
    })(),
  };
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  for (const c of chunks) if (!out.write(c)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

// ---- child measurements ----

interface ChildResult {
  kind: string;
  ms: number;
  /** CPU time (user + system) of the child: on a busy machine, closer to what the work costs than wall time. */
  cpuMs: number;
  transactions: number;
  peakRssMb: number;
  startRssMb: number;
  detail?: Record<string, number | string>;
}

/** Peak RSS: the kernel's high-water mark for this process (what `process.memoryUsage` sampling approximates). */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function countEvents(
  events: AsyncIterable<StatementEvent>,
): Promise<{ transactions: number; problems: number; statements: number }> {
  let transactions = 0;
  let problems = 0;
  let statements = 0;
  for await (const e of events) {
    if (e.kind === 'transaction') transactions += 1;
    else if (e.kind === 'problem') problems += 1;
    else if (e.kind === 'statement') statements += 1;
  }
  return { transactions, problems, statements };
}

async function child(kind: string, file: string, n: number): Promise<ChildResult> {
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const done = (transactions: number, detail?: ChildResult['detail']): ChildResult => ({
    kind,
    ms: performance.now() - t0,
    cpuMs: ((c) => (c.user + c.system) / 1000)(process.cpuUsage(cpu0)),
    transactions,
    peakRssMb: peakRssMb(),
    startRssMb,
    ...(detail ? { detail } : {}),
  });
  switch (kind) {
    case 'camt053': {
      const c = await countEvents(parseCamt053Stream(createReadStream(file, { highWaterMark: 1 << 20 })));
      return done(c.transactions, { problems: c.problems, statements: c.statements });
    }
    case 'mt940': {
      const c = await countEvents(parseMt940Stream(createReadStream(file, { highWaterMark: 1 << 20 })));
      return done(c.transactions, { problems: c.problems, statements: c.statements });
    }
    case 'fast-xml-parser': {
      const doc = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(file, 'utf8')) as {
        Document?: { BkToCstmrStmt?: { Stmt?: { Ntry?: unknown[] } } };
      };
      return done(doc.Document?.BkToCstmrStmt?.Stmt?.Ntry?.length ?? 0);
    }
    case 'saxes': {
      let entries = 0;
      const p = new SaxesParser({ position: false });
      p.on('opentag', (t) => {
        if (t.name === 'Ntry') entries += 1;
      });
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' }))
        p.write(chunk as string);
      p.close();
      return done(entries);
    }
    case 'reconcile': {
      const { lines, bank, planted } = reconciliationInput(n);
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      const r = reconcileFund(lines, bank, { dateToleranceDays: 3 });
      const ms = performance.now() - t1;
      const cpu = process.cpuUsage(c1);
      return {
        ...done(lines.length + bank.length, {
          matched: r.matched.length,
          unreported: r.unreported.length,
          unsupported: r.unsupported.length,
          mismatches: r.mismatches.length,
          cash: r.cash.length,
          planted,
        }),
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
    }
    case 'fuzz': {
      const seeds = fuzzSeeds();
      let escaped = 0;
      let internal = 0;
      let cases = 0;
      for (const c of fuzzCases(seeds, n, 7)) {
        cases += 1;
        try {
          const r = await parseStatementBytes(c.bytes);
          internal += r.problems.filter((p) => p.code === 'parser.internal_error').length;
        } catch {
          escaped += 1;
        }
      }
      return done(0, { cases, escaped, internal });
    }
    default:
      throw new Error(`unknown child ${kind}`);
  }
}

/** Report and bank from the same campaign, with planted differences: the reconciliation must find them. */
function reconciliationInput(n: number): { lines: ReportLine[]; bank: BankEntry[]; planted: string } {
  const lines: ReportLine[] = [];
  const bank: BankEntry[] = [];
  let i = 0;
  let unreported = 0;
  let unsupported = 0;
  let typos = 0;
  for (const g of campaign(n)) {
    const t = g.tx;
    const amount = tyiyn(Number(toScaled(t.amount) / 1000n));
    const b: BankEntry = { id: `b${i}`, bookingDate: t.bookingDate, amount };
    if (t.counterpartyName) b.counterpartyName = t.counterpartyName;
    if (t.counterpartyId) b.counterpartyId = t.counterpartyId;
    const abs = tyiyn(Math.abs(amount));
    const l: ReportLine = {
      id: `r${i}`,
      kind: amount >= 0 ? 'receipt' : 'expenditure',
      date: t.bookingDate,
      amount: abs,
      counterpartyName: g.latinName,
      channel: 'bank_transfer',
    };
    // One in ten reported without an identifier, by a Latin spelling of the name: matched by name keys.
    if (i % 10 !== 0 && t.counterpartyId) l.counterpartyId = t.counterpartyId;
    if (i % 1000 === 1) {
      unreported += 1;
      bank.push(b);
    } else if (i % 1000 === 2) {
      unsupported += 1;
      lines.push(l);
    } else if (i % 1000 === 3) {
      typos += 1;
      bank.push(b);
      lines.push({ ...l, amount: tyiyn(abs * 10) });
    } else {
      bank.push(b);
      lines.push(l);
    }
    i += 1;
  }
  return { lines, bank, planted: `${unreported} unreported, ${unsupported} unsupported, ${typos} amount typos` };
}

function fuzzSeeds(): FuzzSeed[] {
  const out: FuzzSeed[] = [];
  for (const dir of ['camt053', 'mt940', '1c']) {
    for (const f of readdirSync(new URL(`${dir}/`, FIXTURES))) {
      if (!f.endsWith('.json'))
        out.push({ name: `${dir}/${f}`, bytes: readFileSync(new URL(`${dir}/${f}`, FIXTURES)) });
    }
  }
  return out;
}

function runChild(kind: string, file: string, n: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--max-old-space-size=4096', RUN_TS, SELF, '--child', kind, file, String(n)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`${kind} exited ${code}: ${out}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
}

// ---- main ----

async function main(): Promise<void> {
  const n = arg('transactions', 100_000);
  const fuzzN = arg('fuzz', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'talapker-statements-bench-'));
  try {
    const camt = join(dir, 'statement.camt053.xml');
    const mt940 = join(dir, 'statement.mt940.sta');
    const tg = performance.now();
    const camtBytes = await writeChunks(camt, camt053Chunks([statementOf(n)]));
    const mtBytes = await writeChunks(mt940, mt940Chunks([statementOf(n)]));
    console.log(
      `Generated ${n.toLocaleString('en')} transactions: camt.053 ${(camtBytes / 1e6).toFixed(1)} MB, MT940 ${(mtBytes / 1e6).toFixed(1)} MB (${((performance.now() - tg) / 1000).toFixed(1)} s)\n`,
    );

    const rows: string[][] = [];
    const mb = (x: number) => x.toFixed(0);
    const rate = (count: number, ms: number, mapped: boolean) => {
      const v = Math.round(count / (ms / 1000)).toLocaleString('en');
      return mapped ? v : `(${v})`;
    };
    const parseRow = (label: string, r: ChildResult, bytes: number, mapped: boolean) => {
      rows.push([
        label,
        r.transactions.toLocaleString('en'),
        (r.ms / 1000).toFixed(2),
        (r.cpuMs / 1000).toFixed(2),
        rate(r.transactions, r.ms, mapped),
        rate(r.transactions, r.cpuMs, mapped),
        (bytes / 1e6 / (r.ms / 1000)).toFixed(1),
        mb(r.peakRssMb),
        mb(r.startRssMb),
      ]);
    };
    const camtRun = await runChild('camt053', camt, n);
    parseRow('camt.053 streaming parser', camtRun, camtBytes, true);
    const mtRun = await runChild('mt940', mt940, n);
    parseRow('MT940 streaming parser', mtRun, mtBytes, true);
    const saxRun = await runChild('saxes', camt, n);
    parseRow('baseline: bare saxes tokenise (same XML)', saxRun, camtBytes, false);
    const fxpRun = await runChild('fast-xml-parser', camt, n);
    parseRow('baseline: bare fast-xml-parser (same XML)', fxpRun, camtBytes, false);

    const header = [
      'run',
      'transactions',
      'wall s',
      'CPU s',
      'tx/s (wall)',
      'tx/s (CPU)',
      'MB/s (wall)',
      'peak RSS MB',
      'start RSS MB',
    ];
    printTable(header, rows);
    console.log('tx/s in parentheses: baselines, which only count <Ntry> elements and map nothing.');
    console.log(
      `machine: ${cpus().length} CPU(s), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (wall time suffers on a busy machine; CPU time much less)\n`,
    );
    const target = (ok: boolean) => (ok ? 'met' : 'MISSED');
    for (const [label, r] of [
      ['camt.053', camtRun],
      ['MT940', mtRun],
    ] as const) {
      const tps = r.transactions / (r.ms / 1000);
      const cps = r.transactions / (r.cpuMs / 1000);
      recordFigure({
        bench: 'statements',
        figure: `${label} ingest (CPU)`,
        value: cps,
        unit: 'tx/s',
        target: '≥ 50,000 tx/s',
        met: cps >= 50_000,
      });
      recordFigure({
        bench: 'statements',
        figure: `${label} peak RSS`,
        value: r.peakRssMb,
        unit: 'MB',
        target: '< 300 MB',
        met: r.peakRssMb < 300,
      });
      console.log(
        `${label}: ${Math.round(tps).toLocaleString('en')} tx/s wall, ${Math.round(cps).toLocaleString('en')} tx/s CPU (target 50,000: ${target(tps >= 50_000)} wall, ${target(cps >= 50_000)} CPU), peak RSS ${mb(r.peakRssMb)} MB (target < 300: ${target(r.peakRssMb < 300)}), problems ${r.detail?.['problems']}`,
      );
    }
    // Throughput beside the bare saxes tokenisation of the same file: the mapping's cost.
    recordFigure({
      bench: 'statements',
      figure: 'camt.053 ingest vs bare saxes (CPU)',
      value: camtRun.transactions / (camtRun.cpuMs / 1000),
      unit: 'tx/s',
      baseline: saxRun.transactions / (saxRun.cpuMs / 1000),
      target: '≥ 0.8 of baseline',
      met: saxRun.cpuMs / camtRun.cpuMs >= 0.8,
    });
    console.log(
      `CPU time: our camt.053 parser ${(camtRun.cpuMs / saxRun.cpuMs).toFixed(2)}x bare saxes (the mapping costs the rest); bare fast-xml-parser ${(fxpRun.cpuMs / camtRun.cpuMs).toFixed(2)}x our parser\n`,
    );

    const rec = await runChild('reconcile', '-', n);
    printTable(
      [
        'reconciliation',
        'report lines + bank',
        'wall s',
        'CPU s',
        'matched',
        'unreported',
        'unsupported',
        'mismatches',
        'peak RSS MB',
      ],
      [
        [
          `${(n / 1000).toFixed(0)}k vs ${(n / 1000).toFixed(0)}k`,
          rec.transactions.toLocaleString('en'),
          (rec.ms / 1000).toFixed(2),
          (rec.cpuMs / 1000).toFixed(2),
          String(rec.detail?.['matched']),
          String(rec.detail?.['unreported']),
          String(rec.detail?.['unsupported']),
          String(rec.detail?.['mismatches']),
          mb(rec.peakRssMb),
        ],
      ],
    );
    recordFigure({
      bench: 'statements',
      figure: `reconciliation ${n.toLocaleString('en')} vs ${n.toLocaleString('en')} (wall)`,
      value: rec.ms / 1000,
      unit: 's',
      target: '< 5 s',
      met: rec.ms < 5000,
    });
    console.log(
      `planted: ${rec.detail?.['planted']}; target < 5 s: ${target(rec.ms < 5000)} wall, ${target(rec.cpuMs < 5000)} CPU\n`,
    );

    const fuzz = await runChild('fuzz', '-', fuzzN);
    printTable(
      ['fuzz', 'cases', 'wall s', 'CPU s', 'escaped exceptions', 'internal errors caught'],
      [
        [
          'mutated real fixtures',
          String(fuzz.detail?.['cases']),
          (fuzz.ms / 1000).toFixed(1),
          (fuzz.cpuMs / 1000).toFixed(1),
          String(fuzz.detail?.['escaped']),
          String(fuzz.detail?.['internal']),
        ],
      ],
    );
    recordFigure({
      bench: 'statements',
      figure: 'fuzz: escaped exceptions and internal errors',
      value: Number(fuzz.detail?.['escaped'] ?? 0) + Number(fuzz.detail?.['internal'] ?? 0),
      unit: '',
      target: '0',
      met: fuzz.detail?.['escaped'] === 0 && fuzz.detail?.['internal'] === 0,
    });
    console.log(
      `escaped exceptions must be 0: ${target(fuzz.detail?.['escaped'] === 0 && fuzz.detail?.['internal'] === 0)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log('');
}

if (process.argv[2] === '--child') {
  const [, , , kind = '', file = '', count = '0'] = process.argv;
  const r = await child(kind, file, Number(count));
  process.stdout.write(`${JSON.stringify(r)}\n`);
} else {
  await main();
}
