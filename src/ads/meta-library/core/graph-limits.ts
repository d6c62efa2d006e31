// What the Graph API says when it refuses: its error body, which refusals are rate limits that pass with
// time, how long it asks to be left alone, and how long to wait before asking again.

/** The `error` object of a Graph API answer. */
export interface GraphError {
  message: string;
  code: number | undefined;
  subcode: number | undefined;
  type: string | undefined;
}

/**
 * Graph error codes of rate limits: 4 the application's, 17 the user's, 32 the page's, 613 a call
 * limit of the endpoint. Other codes (190: the token is invalid or expired, 100: a bad parameter) do
 * not pass by waiting.
 */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613]);

export function graphError(body: unknown): GraphError | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const e = (body as { error: unknown }).error;
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return {
    message: typeof o.message === 'string' ? o.message : 'The Graph API refused the request.',
    code: num(o.code),
    subcode: num(o.error_subcode),
    type: typeof o.type === 'string' ? o.type : undefined,
  };
}

export const isRateLimited = (status: number, error: GraphError | undefined): boolean =>
  status === 429 || (error?.code !== undefined && RATE_LIMIT_CODES.has(error.code));

/**
 * How long the answer asks the caller to wait, in milliseconds: `Retry-After` (seconds or an HTTP
 * date), or the longest `estimated_time_to_regain_access` (minutes) in `x-business-use-case-usage`.
 * Undefined when neither says.
 */
export function waitHintMs(header: (name: string) => string | null, now: Date): number | undefined {
  const hints: number[] = [];
  const retryAfter = header('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) hints.push(Number(retryAfter) * 1000);
    else if (!Number.isNaN(Date.parse(retryAfter))) hints.push(Math.max(0, Date.parse(retryAfter) - now.getTime()));
  }
  const usage = header('x-business-use-case-usage');
  if (usage) {
    try {
      const parsed = JSON.parse(usage) as Record<string, unknown>;
      for (const entries of Object.values(parsed))
        if (Array.isArray(entries))
          for (const x of entries) {
            const minutes = (x as { estimated_time_to_regain_access?: unknown }).estimated_time_to_regain_access;
            if (typeof minutes === 'number' && minutes > 0) hints.push(minutes * 60_000);
          }
    } catch {
      // A header that is not JSON says nothing; the backoff alone decides.
    }
  }
  return hints.length > 0 ? Math.max(...hints) : undefined;
}

export interface RetryPolicy {
  /** The first wait; each further one doubles. */
  baseMs: number;
  /** The longest wait the fetch accepts: a longer hint gives up rather than hang for an hour. */
  maxMs: number;
  /** Retries after the first refusal, per request. */
  maxRetries: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 2_000, maxMs: 5 * 60_000, maxRetries: 6 };

/**
 * The wait before retry `attempt` (1 for the first): base × 2^(attempt−1), capped, of which a random
 * half is kept so that instances refused together do not come back together; never less than the hint.
 * Undefined when the hint is beyond the cap.
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  hintMs?: number,
): number | undefined {
  if (hintMs !== undefined && hintMs > policy.maxMs) return undefined;
  const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = backoff / 2 + random() * (backoff / 2);
  return Math.max(jittered, hintMs ?? 0);
}
