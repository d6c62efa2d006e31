// What belongs to one request and no further: each request runs inside its own AsyncLocalStorage scope,
// so code deep in a page (the frame's staff links, the data version) reads it without its being passed
// through every call. Outside a request (commands, jobs, tests calling services) there is no scope.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { NavLink } from './capability.ts';

export interface RequestScope {
  /**
   * Whether what is read once may be read again: the request only reads (GET, HEAD) and has not been
   * answered yet (work it started that outlives it, a timer or a job, reads afresh).
   */
  readsOnly: boolean;
  /** Values read once per request, by whoever keys them (an object key: no two readers collide). */
  readonly once: WeakMap<object, unknown>;
  /** The signed-in visitor's staff links (`web/staff-nav.ts`). */
  staff?: readonly NavLink[];
}

const scope = new AsyncLocalStorage<RequestScope>();

/** The current request's scope; undefined outside a request. */
export function currentRequestScope(): RequestScope | undefined {
  return scope.getStore();
}

/** Runs every request of `app` in its own scope. */
export function requestScopes(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    scope.run({ readsOnly: req.method === 'GET' || req.method === 'HEAD', once: new WeakMap() }, done);
  });
  app.addHook('onResponse', (_req, _reply, done) => {
    const s = scope.getStore();
    if (s) s.readsOnly = false;
    done();
  });
}

/**
 * `read()`'s value read once per reading request under `key`: a page that asks three services for the
 * same figure reads it once, and sees one consistent value. A request that writes reads afresh each
 * time, so it sees its own writes.
 */
export function oncePerRequest<T>(key: object, read: () => Promise<T>): Promise<T> {
  const s = scope.getStore();
  if (!s?.readsOnly) return read();
  const held = s.once.get(key) as Promise<T> | undefined;
  if (held) return held;
  const value = read();
  s.once.set(key, value);
  return value;
}
