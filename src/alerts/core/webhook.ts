// Webhooks, as plain functions: which addresses may be called, what a filing's notice says (public
// fields only, the same as the public report page shows), how it is signed, and when a failed
// delivery is tried again.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { err, ok, problem, type Result } from '../../platform/result.ts';

export const SIGNATURE_HEADER = 'X-Talapker-Signature';
export const EVENT_HEADER = 'X-Talapker-Event';
export const DELIVERY_HEADER = 'X-Talapker-Delivery';

/**
 * Waits after the 1st, 2nd … failed attempt: a minute, five, half an hour, two hours, twelve hours. An
 * endpoint down for a night still gets the notice; after the last one the delivery is given up.
 */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
/** Attempts in all: the first and one after each delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait before the attempt after `attempt` failed, or undefined when that was the last one. */
export function retryDelay(attempt: number): number | undefined {
  return attempt >= 1 && attempt <= RETRY_DELAYS_MS.length ? RETRY_DELAYS_MS[attempt - 1] : undefined;
}

/** Only http and https: anything else (file:, data:, ftp:) is not a place to POST a notice to. */
export function checkWebhookUrl(raw: string): Result<string> {
  const refuse = err([problem('webhook.url_invalid', 'The address must be an http or https URL.', { field: 'url' })]);
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return refuse;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return refuse;
  // A password in the address would be kept and shown on the staff screen: the secret is what authenticates.
  if (u.username || u.password) {
    return err([
      problem('webhook.url_credentials', 'The address must not carry a user name or password.', { field: 'url' }),
    ]);
  }
  return ok(u.toString());
}

/** What a receiver is told when a report is filed: only what the public report page shows. */
export interface FiledNotice {
  event: 'filing.filed';
  electionId: string;
  party: string;
  filingId: number;
  version: number;
  url: string;
  at: string;
}

/** `sha256=` and the hex HMAC-SHA256 of the exact body with the subscription's secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** How a receiver checks a notice, in constant time; here for the tests and for receivers to copy. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const want = Buffer.from(signature(secret, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Whether a subscription (one party's, or the whole election's) wants a filing of `party` in `electionId`. */
export function wants(sub: { electionId: string; party: string | null }, electionId: string, party: string): boolean {
  return sub.electionId === electionId && (sub.party === null || sub.party === party);
}
