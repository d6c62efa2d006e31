// `talapker ads parse FILE [--currency CCY] [--period FROM..TO] --json`: reads a platform's report on
// political ads (Meta's Ad Library Report, CSV or ZIP; Google's advertiser statistics) and prints
// its advertisers and problems as JSON on stdout, a one-line summary on stderr. Exit 0 when anything
// could be read, 1 when nothing could (missing, unreadable, unknown format, refused), 2 on misuse.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type AdvertiserSpend, formatMinor, type ReportPeriod, totalSpend } from './core/ad-report.ts';
import { parseAdFile } from './core/detect.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';

export const ADS_PARSE_USAGE = `usage: talapker ads parse FILE [--currency CCY] [--period YYYY-MM-DD[..YYYY-MM-DD]] --json
  FILE       Meta's Ad Library Report (advertisers CSV, or the ZIP as downloaded) or
             Google's google-political-ads-advertiser-stats.csv
  --currency Google: which Spend_<CCY> column to read (default USD);
             Meta 2019 form: the currency of its amounts (default USD)
  --period   the days the report covers, when its file name does not say
Prints {"source", "currency", "period", "advertisers": […], "problems": […]} as JSON; amounts are
decimal strings in the file's currency, a "≤100" amount is {"min": "0.00", "max": "100.00"}.`;

interface Args {
  file: string;
  currency?: string;
  period?: ReportPeriod;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (s: string): boolean =>
  DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export function parsePeriod(text: string): ReportPeriod | string {
  const [from = '', to = from] = text.split('..');
  if (!isRealDay(from) || !isRealDay(to) || from > to)
    return `--period must be YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, got "${text}"`;
  return { from, to, range: null, country: null };
}

function parseArgs(argv: string[]): Args | string {
  let file: string | undefined;
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--json') continue;
    if (flag === '--currency') {
      const v = value();
      if (!v || !/^[A-Za-z]{3}$/.test(v)) return `--currency needs a three-letter code, got "${v ?? ''}"`;
      args.currency = v.toUpperCase();
    } else if (flag === '--period') {
      const v = value();
      if (!v) return '--period needs a value';
      const period = parsePeriod(v);
      if (typeof period === 'string') return period;
      args.period = period;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (file === undefined) file = a;
    else return `unexpected argument ${a}`;
  }
  if (!file) return 'FILE is missing';
  return { ...args, file };
}

/** Fixed key order and decimal strings, so that every advertiser reads alike. */
function present(a: AdvertiserSpend) {
  return {
    name: a.name,
    pageId: a.pageId,
    disclaimer: a.disclaimer,
    spend: { min: formatMinor(a.spend.min), max: formatMinor(a.spend.max) },
    ads: a.ads,
  };
}

export async function adsParseCommand(argv: string[], io: CommandIo = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${ADS_PARSE_USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`ads parse: ${args}\n${ADS_PARSE_USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.file);
  } catch (e) {
    io.stderr(`ads parse: cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const { report, problems } = parseAdFile(bytes, {
    fileName: basename(args.file),
    ...(args.currency ? { currency: args.currency } : {}),
    ...(args.period ? { period: args.period } : {}),
  });
  io.stdout(
    `${JSON.stringify(
      {
        source: report?.source ?? null,
        currency: report?.currency ?? null,
        period: report?.period ?? null,
        advertisers: (report?.advertisers ?? []).map(present),
        problems,
      },
      null,
      2,
    )}\n`,
  );
  const errors = problems.filter((p) => p.severity !== 'warning').length;
  const advertisers = report?.advertisers ?? [];
  const total = totalSpend(advertisers.map((a) => a.spend));
  const spent = report ? `, spent ${formatMinor(total.min)}–${formatMinor(total.max)} ${report.currency}` : '';
  io.stderr(
    `${args.file}: ${report?.source ?? 'unknown'}, ${advertisers.length} advertiser(s)${spent}, ${errors} error(s), ${problems.length - errors} warning(s)\n`,
  );
  return report === null || (advertisers.length === 0 && errors > 0) ? 1 : 0;
}
