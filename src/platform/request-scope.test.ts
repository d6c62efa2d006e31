import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { oncePerRequest, requestScopes } from './request-scope.ts';

/** A server whose one route reads a counter twice through `oncePerRequest` and says what it saw. */
async function serverCounting() {
  let reads = 0;
  const key = {};
  const read = () => Promise.resolve(++reads);
  const app = Fastify();
  requestScopes(app);
  let late: Promise<number> | undefined;
  const handler = async () => {
    const first = await oncePerRequest(key, read);
    const second = await oncePerRequest(key, read);
    // Work the request starts that outlives its answer reads afresh.
    late = new Promise((resolve) => setTimeout(() => resolve(oncePerRequest(key, read)), 20));
    return { first, second };
  };
  app.get('/', handler);
  app.post('/', handler);
  await app.ready();
  return { app, reads: () => reads, late: () => late };
}

describe('values read once per request', () => {
  it('reads once within a GET, and afresh in the next request', async () => {
    const s = await serverCounting();
    expect((await s.app.inject({ method: 'GET', url: '/' })).json()).toEqual({ first: 1, second: 1 });
    expect((await s.app.inject({ method: 'GET', url: '/' })).json()).toEqual({ first: 2, second: 2 });
  });

  it('reads every time within a request that writes, so that it sees its own writes', async () => {
    const s = await serverCounting();
    expect((await s.app.inject({ method: 'POST', url: '/' })).json()).toEqual({ first: 1, second: 2 });
  });

  it('reads afresh in work that goes on after the answer', async () => {
    const s = await serverCounting();
    await s.app.inject({ method: 'GET', url: '/' });
    expect(await s.late()).toBe(2);
  });

  it('reads every time outside a request', async () => {
    let reads = 0;
    const key = {};
    await oncePerRequest(key, async () => ++reads);
    expect(await oncePerRequest(key, async () => ++reads)).toBe(2);
  });
});
