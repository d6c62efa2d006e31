// A local HTTP server that answers like the Graph API's `ads_archive`, for the client's, the command's and
// the worker's tests: pages of ads linked by `paging.next` (carrying the token, as Graph's links do), and
// whatever refusal a test scripts before them.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArchiveAd } from './core/archive-report.ts';

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** Answers request `n` (0-based) to `url`; undefined: the paged ads. */
export type Script = (url: URL, n: number) => FakeAnswer | undefined;

export interface FakeGraph {
  /** The base address with a version, as `TALAPKER_META_ADS_API` would be. */
  base: string;
  requests: URL[];
  ads: ArchiveAd[];
  perPage: number;
  script: Script;
  close(): Promise<void>;
}

export const FAKE_TOKEN = 'EAAB-test-secret-token-123';

function pagedAnswer(g: FakeGraph, url: URL): FakeAnswer {
  if (url.searchParams.get('access_token') !== FAKE_TOKEN)
    return {
      status: 400,
      body: { error: { message: 'Invalid OAuth access token data.', type: 'OAuthException', code: 190 } },
    };
  const at = Number(url.searchParams.get('after') ?? '0');
  const data = g.ads.slice(at, at + g.perPage);
  const more = at + g.perPage < g.ads.length;
  const next = new URL(url.toString());
  next.searchParams.set('after', String(at + g.perPage));
  return {
    body: {
      data,
      paging: {
        cursors: { before: String(at), after: String(at + g.perPage) },
        ...(more ? { next: next.toString() } : {}),
      },
    },
  };
}

export async function startFakeGraph(ads: ArchiveAd[] = [], perPage = 2): Promise<FakeGraph> {
  const g: FakeGraph = {
    base: '',
    requests: [],
    ads,
    perPage,
    script: () => undefined,
    close: async () => undefined,
  };
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', g.base);
    const n = g.requests.push(url) - 1;
    const answer = g.script(url, n) ?? pagedAnswer(g, url);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  g.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v21.0`;
  g.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return g;
}

/** An ad as the API returns it: bounds as strings of whole units. */
export function fakeAd(
  id: string,
  page: [string, string],
  spend: [string, string | undefined],
  extra: Partial<ArchiveAd> = {},
): ArchiveAd {
  return {
    id,
    page_id: page[0],
    page_name: page[1],
    bylines: page[1],
    spend: spend[1] === undefined ? { lower_bound: spend[0] } : { lower_bound: spend[0], upper_bound: spend[1] },
    currency: 'USD',
    impressions: { lower_bound: '1000', upper_bound: '1999' },
    ad_delivery_start_time: '2030-09-10',
    ...extra,
  };
}
