// `talapker ads fetch --election ID [--since YYYY-MM-DD] [--until YYYY-MM-DD]`: fetches the election's
// political ads from Meta's Ad Library API (token, country and address from the configuration) and stores
// them as a report, as an upload would. A summary on stdout, ads left out on stderr; exit 0 when fetched
// (stored, already stored, or no ad listed), 1 when refused or the API failed, 2 on misuse.
import { userInfo } from 'node:os';
import type { AppContext } from '../../platform/app-context.ts';
import { processIo, type CommandIo } from '../../platform/command-io.ts';
import { withApp } from '../../platform/with-app.ts';
import type { Problem } from '../../platform/result.ts';
import { parsePeriod } from '../ads-parse.command.ts';
import { fetchMetaAds, type MetaFetchInput } from './meta-fetch.service.ts';

export const ADS_FETCH_USAGE = `usage: talapker ads fetch --election ID [--since YYYY-MM-DD] [--until YYYY-MM-DD]
  Fetches the political ads that reached TALAPKER_META_ADS_COUNTRY (default KG) from Meta's Ad Library
  API with TALAPKER_META_ADS_TOKEN, and stores them as a report of the election.
  --since, --until   the days of delivery (default: the campaign, up to today)`;

type Args = Pick<MetaFetchInput, 'electionId' | 'since' | 'until'>;

function fetchArgs(argv: string[]): Args | string {
  const out: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = (): string => argv[++i] ?? '';
    if (a === '--election') out.electionId = next();
    else if (a === '--since' || a === '--until') {
      const day = next();
      const p = parsePeriod(day);
      if (typeof p === 'string' || day.includes('..')) return `${a} must be a day YYYY-MM-DD, got "${day}"`;
      out[a === '--since' ? 'since' : 'until'] = day;
    } else return `unexpected argument ${a}`;
  }
  if (!out.electionId) return '--election is missing';
  return out as Args;
}

const line = (p: Problem) => `${p.row !== undefined ? `ad ${p.row}: ` : ''}${p.message}\n`;

/** `ads fetch …`; `ctx` and `client` are for tests. */
export async function adsFetchCommand(
  argv: string[],
  io: CommandIo = processIo,
  ctx?: AppContext,
  client?: MetaFetchInput['client'],
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${ADS_FETCH_USAGE}\n`);
    return 0;
  }
  const args = fetchArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`ads fetch: ${args}\n${ADS_FETCH_USAGE}\n`);
    return 2;
  }
  const run = async (c: AppContext) => {
    const r = await fetchMetaAds(c, { ...args, actor: `cli:${userInfo().username}`, ...(client ? { client } : {}) });
    if (!r.ok) {
      io.stderr(`Refused: nothing was stored.\n${r.error.map(line).join('')}`);
      return 1;
    }
    const f = r.value;
    for (const p of f.problems) io.stderr(line(p));
    const fetched = `Fetched ${f.ads} ad(s) of ${f.period.country ?? ''} delivered ${f.period.from ?? ''}..${f.period.to} in ${f.pages} page(s)${f.retries > 0 ? ` after ${f.retries} rate-limit wait(s)` : ''}`;
    const stored = !f.stored
      ? 'no ad to store.'
      : f.stored.duplicate
        ? `the same answer is already stored as report ${f.stored.reportId}.`
        : `stored report ${f.stored.reportId}: ${f.stored.advertisers} advertiser(s) in ${f.currency}, ${f.problems.length} remark(s).`;
    io.stdout(`${fetched}; ${stored}\n`);
    return 0;
  };
  return ctx ? run(ctx) : withApp(run);
}
