// The per-client limit on the voter forms and the lookup API: a person finds their station in one or two
// tries, a script walking through PINs is stopped. Counted per address (the proxy settings decide what
// the address is) in each instance's memory.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/** The error a refused request carries to the scope's error handler. */
export class LimitReached extends Error {
  readonly statusCode = 429;
  constructor(readonly seconds: number) {
    super(`Too many requests from this address; try again in ${seconds} seconds.`);
    this.name = 'LimitReached';
  }
}

/** `max`: requests per client address per minute (`TALAPKER_LOOKUP_LIMIT`). */
export async function limitPerClient(scope: FastifyInstance, max: number): Promise<void> {
  await scope.register(rateLimit, {
    max,
    timeWindow: 60_000,
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, context) => new LimitReached(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
}
