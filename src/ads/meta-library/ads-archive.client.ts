// The client of Meta's Ad Library API: `GET <base>/ads_archive` for the political and issue ads that
// reached one country between two days, every page followed through `paging.next`. Rate limits (HTTP
// 429, Graph codes 4, 17, 32, 613) are waited out with backoff, within a cap; any other refusal is a
// Result error carrying the Graph API's message. The access token is a secret: it goes only to the
// configured address (a `paging.next` elsewhere is refused) and never into a message.
import { err, ok, problem, type Result } from '../../platform/result.ts';
import { ARCHIVE_FIELDS, type ArchiveAd } from './core/archive-report.ts';
import {
  DEFAULT_RETRY,
  graphError,
  isRateLimited,
  retryDelay,
  type RetryPolicy,
  waitHintMs,
} from './core/graph-limits.ts';

export interface ArchiveQuery {
  /** ISO 3166-1 alpha-2, e.g. `KG`. */
  country: string;
  /** First and last day of delivery (YYYY-MM-DD), both included. */
  since: string;
  until: string;
}

export interface ArchiveClientOptions {
  baseUrl: string;
  token: string;
  /** Ads per page (the API allows up to a few hundred; smaller pages time out less). */
  limit?: number;
  retry?: RetryPolicy;
  /** Seams for tests: the clock's sleep and the jitter. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  /** The most pages followed, so that a server that always answers `next` cannot keep the fetch forever. */
  maxPages?: number;
}

export interface ArchiveFetch {
  ads: ArchiveAd[];
  pages: number;
  /** Rate-limit refusals waited out. */
  retries: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The first page's address; the token is added by the caller so that this address can be shown. */
export function archiveUrl(baseUrl: string, q: ArchiveQuery, limit: number): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/ads_archive`);
  url.searchParams.set('ad_type', 'POLITICAL_AND_ISSUE_ADS');
  url.searchParams.set('ad_reached_countries', JSON.stringify([q.country]));
  // The default is ACTIVE only: the ads of a campaign that already stopped would be missing.
  url.searchParams.set('ad_active_status', 'ALL');
  url.searchParams.set('ad_delivery_date_min', q.since);
  url.searchParams.set('ad_delivery_date_max', q.until);
  url.searchParams.set('fields', ARCHIVE_FIELDS.join(','));
  url.searchParams.set('limit', String(limit));
  return url;
}

interface Page {
  data?: unknown;
  paging?: { next?: unknown };
}

/** Every ad of the query, or the reason there are none. */
export async function fetchArchive(q: ArchiveQuery, o: ArchiveClientOptions): Promise<Result<ArchiveFetch>> {
  const sleep = o.sleep ?? realSleep;
  const random = o.random ?? Math.random;
  const now = o.now ?? (() => new Date());
  const policy = o.retry ?? DEFAULT_RETRY;
  const maxPages = o.maxPages ?? 1000;
  const hide = (s: string) => (o.token ? s.split(o.token).join('[token]') : s);
  const fail = (code: string, message: string) => err([problem(code, hide(message))]);

  const first = archiveUrl(o.baseUrl, q, o.limit ?? 250);
  first.searchParams.set('access_token', o.token);
  const origin = first.origin;
  const ads: ArchiveAd[] = [];
  let next: string | undefined = first.toString();
  let pages = 0;
  let retries = 0;
  while (next !== undefined) {
    if (pages >= maxPages) return fail('meta.too_many_pages', `The Ad Library API kept paging past ${maxPages} pages.`);
    let attempt = 0;
    for (;;) {
      let res: Response;
      let body: unknown;
      try {
        res = await fetch(next, { headers: { accept: 'application/json' } });
        body = await res.json().catch(() => undefined);
      } catch (e) {
        // fetch's own message names no address, but nothing of the cause is passed on unhidden.
        return fail(
          'meta.unreachable',
          `The Ad Library API could not be reached: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      const error = graphError(body);
      if (res.ok && !error) {
        const page = body as Page;
        if (!Array.isArray(page.data))
          return fail('meta.bad_answer', 'The Ad Library API answered without a list of ads.');
        ads.push(...(page.data as ArchiveAd[]));
        pages += 1;
        const link = page.paging?.next;
        // An empty page ends the results as well, whatever `next` says.
        next = typeof link === 'string' && page.data.length > 0 ? link : undefined;
        if (next !== undefined && new URL(next).origin !== origin)
          return fail('meta.bad_answer', 'The Ad Library API pointed the next page at another server; not followed.');
        break;
      }
      if (isRateLimited(res.status, error)) {
        attempt += 1;
        const hint = waitHintMs((h) => res.headers.get(h), now());
        const wait = attempt > policy.maxRetries ? undefined : retryDelay(attempt, policy, random, hint);
        if (wait === undefined)
          return fail(
            'meta.rate_limited',
            `The Ad Library API's rate limit did not pass within ${attempt - 1} retries${hint ? ` (it asks to wait ${Math.ceil(hint / 60_000)} min)` : ''}: ${error?.message ?? `HTTP ${res.status}`}`,
          );
        retries += 1;
        await sleep(wait);
        continue;
      }
      const code = error?.code !== undefined ? ` (code ${error.code}${error.subcode ? `/${error.subcode}` : ''})` : '';
      return fail(
        error?.code === 190 ? 'meta.token_invalid' : 'meta.refused',
        `The Ad Library API refused the request${code}: ${error?.message ?? `HTTP ${res.status}`}`,
      );
    }
  }
  return ok({ ads, pages, retries });
}
