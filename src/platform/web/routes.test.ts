import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { defineRoutes, route, type RouteAuth, type RouteDef } from './routes.ts';

type Action = 'thing.read' | 'thing.write';
interface Res {
  owner: string;
}

const ctx = { config: { uploadLimitBytes: 1000 } } as unknown as AppContext;
const user = (req: FastifyRequest) => req.headers['x-user'];

// A stand-in for accounts' requirePermission: x-user signs in, x-may lists the allowed actions, and
// only the owner of a resource may act on it.
const auth: RouteAuth<Action, Res> = {
  signedIn: (req) => typeof user(req) === 'string',
  requirePermission: (action, resourceOf) =>
    async function permission(req, reply) {
      if (!user(req)) return reply.status(401).send({ error: 'unauthorized' });
      const resource = resourceOf ? await resourceOf(req) : null;
      const may = String(req.headers['x-may'] ?? '').split(',');
      if (!may.includes(action) || (resource && resource.owner !== user(req)))
        return reply.status(403).send({ error: 'forbidden' });
    },
  csrf: (req, reply, token) => {
    if (token === 'good' || req.headers['x-csrf-token'] === 'good') return true;
    void reply.status(403).send({ error: 'csrf' });
    return false;
  },
};

const things = new Map([[7, { owner: 'ann' }]]);
const idParams = z.object({ locale: z.enum(['ky', 'ru', 'en']), id: z.coerce.number().int().positive() });

export const TABLE: readonly RouteDef<Action, Res>[] = [
  route({
    id: 'public.thing',
    method: 'GET',
    url: '/:locale/things/:id',
    access: { kind: 'public' },
    params: idParams,
    query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
    handler: ({ params, query, locale }) => ({ id: params.id + 0, page: query.page + 0, locale }),
  }),
  route({
    id: 'owner.edit',
    method: 'POST',
    url: '/:locale/things/:id/edit',
    access: {
      kind: 'permission',
      actions: ['thing.read', 'thing.write'],
      resource: ({ params }) => things.get(params.id) ?? null,
    },
    params: idParams,
    form: z.object({ name: z.string().min(2), note: z.string().optional() }),
    handler: ({ form }) => (form.ok ? { saved: form.value.name } : { problems: form.error.map((p) => p.field) }),
  }),
  route({
    id: 'owner.upload',
    method: 'POST',
    url: '/:locale/things/:id/upload',
    access: { kind: 'permission', actions: ['thing.write'], resource: ({ params }) => things.get(params.id) ?? null },
    params: idParams,
    multipart: true,
    handler: async ({ readMultipart, reply }) => {
      let text = '';
      const form = await readMultipart(async (file) => {
        for await (const c of file as AsyncIterable<Buffer>) text += c.toString();
      });
      if (!form.allowed) return reply;
      return { text, fields: form.fields, problems: form.problems.map((p) => p.code) };
    },
  }),
];

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  await app.register(formbody);
  await defineRoutes(app, ctx, TABLE, { auth, api: true });
  await app.ready();
});
afterAll(async () => app.close());

const form = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  payload: body,
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
});
const ann = { 'x-user': 'ann', 'x-may': 'thing.read,thing.write' };

function multipartBody(parts: Array<{ name: string; value: string; filename?: string }>) {
  const boundary = 'XyZ';
  const body = parts
    .map(
      (p) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"\r\nContent-Type: text/plain` : ''}\r\n\r\n${p.value}\r\n`,
    )
    .join('');
  return {
    payload: `${body}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('defineRoutes', () => {
  it('hands the handler typed params and query', async () => {
    const res = await app.inject({ url: '/ru/things/7?page=2' });
    expect(res.json()).toEqual({ id: 7, page: 2, locale: 'ru' });
  });

  it('bad params are 404, a bad query is 400', async () => {
    expect((await app.inject({ url: '/ru/things/x' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/xx/things/7' })).statusCode).toBe(404);
    const bad = await app.inject({ url: '/ru/things/7?page=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems[0].field).toBe('page');
  });

  it('guards: nobody → 401, no resource → 404, not allowed → 403, allowed → handler', async () => {
    expect((await app.inject({ url: '/en/things/7/edit', ...form('name=Bob') })).statusCode).toBe(401);
    expect((await app.inject({ url: '/en/things/8/edit', ...form('name=Bob', ann) })).statusCode).toBe(404);
    expect((await app.inject({ url: '/en/things/x/edit', ...form('name=Bob', ann) })).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          url: '/en/things/7/edit',
          ...form('name=Bob', { 'x-user': 'bob', 'x-may': 'thing.read,thing.write' }),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ url: '/en/things/7/edit', ...form('name=Bob', { 'x-user': 'ann', 'x-may': 'thing.read' }) }))
        .statusCode,
    ).toBe(403);
    expect((await app.inject({ url: '/en/things/7/edit', ...form('name=Bob', ann) })).json()).toEqual({ saved: 'Bob' });
  });

  it('gives a refused form to the handler as problems by field', async () => {
    expect((await app.inject({ url: '/en/things/7/edit', ...form('name=B', ann) })).json()).toEqual({
      problems: ['name'],
    });
  });

  it('multipart: checks the CSRF token before the file and reads the fields', async () => {
    const ok = multipartBody([
      { name: '_csrf', value: 'good' },
      { name: 'mode', value: 'append' },
      { name: 'file', value: 'hello', filename: 'a.txt' },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/en/things/7/upload',
      payload: ok.payload,
      headers: { ...ok.headers, ...ann },
    });
    expect(res.json()).toEqual({ text: 'hello', fields: { _csrf: 'good', mode: 'append' }, problems: [] });
    const bad = multipartBody([
      { name: '_csrf', value: 'bad' },
      { name: 'file', value: 'hello', filename: 'a.txt' },
    ]);
    const refused = await app.inject({
      method: 'POST',
      url: '/en/things/7/upload',
      payload: bad.payload,
      headers: { ...bad.headers, ...ann },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: 'csrf' });
  });

  it('multipart: a file over the limit is a problem, not a failure', async () => {
    const big = multipartBody([
      { name: '_csrf', value: 'good' },
      { name: 'file', value: 'x'.repeat(2000), filename: 'a.txt' },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/en/things/7/upload',
      payload: big.payload,
      headers: { ...big.headers, ...ann },
    });
    expect(res.json().problems).toEqual(['upload.too_large']);
  });

  it('the table can be walked: every guarded route names its actions', () => {
    const guarded = TABLE.filter((r) => r.access.kind === 'permission').map((r) => r.id);
    expect(guarded).toEqual(['owner.edit', 'owner.upload']);
  });

  it('refuses a table with a duplicate id', async () => {
    const dup = Fastify();
    await expect(defineRoutes(dup, ctx, [TABLE[0], TABLE[0]] as RouteDef<Action, Res>[], { auth })).rejects.toThrow(
      /twice/,
    );
    await dup.close();
  });
});
