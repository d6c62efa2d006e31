// A client for the X-Road REST protocol (version r1) through our own security server: one GET per
// question, with the X-Road-Client, X-Road-Id and X-Road-UserId headers, a timeout per request, and
// retries with exponential backoff when the answer is a server error, a timeout or a lost connection.
// A 404 is an answer ("no such record"), not a failure. Other 4xx are not retried: asking again will
// not change them. X-Road's own errors carry an X-Road-Error header, which the problem repeats.
import { randomUUID } from 'node:crypto';
import { err, ok, problem, type Result } from '../../platform/result.ts';
import { serviceUrl, subsystemPath, type XRoadConfig } from './xroad-config.ts';

export type XRoadAnswer =
  { outcome: 'found'; body: unknown; requestId: string } | { outcome: 'not_found'; requestId: string };

export interface XRoadClientOptions {
  fetch?: typeof fetch;
  requestId?: () => string;
  sleep?: (ms: number) => Promise<void>;
}

class Retryable extends Error {}

export class XRoadClient {
  private readonly fetch: typeof fetch;
  private readonly requestId: () => string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly config: XRoadConfig,
    opts: XRoadClientOptions = {},
  ) {
    this.fetch = opts.fetch ?? globalThis.fetch;
    this.requestId = opts.requestId ?? randomUUID;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Asks the configured service `serviceName` about `id`. */
  async get(serviceName: string, id: string): Promise<Result<XRoadAnswer>> {
    const service = this.config.services[serviceName];
    if (!service) return err([problem('xroad.service_unknown', `no X-Road service "${serviceName}" is configured`)]);
    const url = serviceUrl(this.config, service, id);
    const retries = service.retries ?? this.config.retries;
    const timeoutMs = service.timeoutMs ?? this.config.timeoutMs;
    let last = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await this.sleep(this.config.backoffMs * 2 ** (attempt - 1));
      const requestId = this.requestId();
      try {
        return await this.once(url, requestId, timeoutMs);
      } catch (e) {
        if (!(e instanceof Retryable)) {
          return err([problem('xroad.refused', `${serviceName}: ${(e as Error).message}`, { field: serviceName })]);
        }
        last = e.message;
      }
    }
    return err([
      problem('xroad.unavailable', `${serviceName}: no answer after ${retries + 1} attempts (${last})`, {
        field: serviceName,
      }),
    ]);
  }

  private async once(url: string, requestId: string, timeoutMs: number): Promise<Result<XRoadAnswer>> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      let res: Response;
      try {
        res = await this.fetch(url, {
          headers: {
            accept: 'application/json',
            'x-road-client': subsystemPath(this.config.client),
            'x-road-id': requestId,
            'x-road-userid': this.config.userId,
          },
          signal: abort.signal,
        });
      } catch (e) {
        throw new Retryable(abort.signal.aborted ? `timed out after ${timeoutMs} ms` : (e as Error).message);
      }
      // The body is read under the same timeout: a server that sends headers and then stalls is a timeout too.
      const text = await res.text().catch((e: unknown) => {
        throw new Retryable(abort.signal.aborted ? `timed out after ${timeoutMs} ms` : (e as Error).message);
      });
      const xroadError = res.headers.get('x-road-error');
      if (res.status >= 500) throw new Retryable(`HTTP ${res.status}${xroadError ? ` ${xroadError}` : ''}`);
      if (res.status === 404 && !xroadError) return ok({ outcome: 'not_found', requestId });
      if (res.status !== 200)
        throw new Error(`HTTP ${res.status}${xroadError ? ` ${xroadError}` : ''}: ${text.slice(0, 200)}`);
      try {
        return ok({ outcome: 'found', body: JSON.parse(text) as unknown, requestId });
      } catch {
        throw new Error('the answer is not JSON');
      }
    } finally {
      clearTimeout(timer);
    }
  }
}
