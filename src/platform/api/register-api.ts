// The public JSON API: one encapsulated Fastify scope under /api holding the zod compilers, the
// OpenAPI generator, the API's error and not-found handlers and its cache/CORS headers, so the
// HTML pages outside it keep their own conduct. The resources are the capabilities' API parts, passed
// in by the caller in the order of the capability list (which is the order of tags and paths in the
// document); /api/openapi.json and /api/docs are generated from the same route schemas.
import type { FastifyInstance } from 'fastify';
import swagger, { type SwaggerTransformObject } from '@fastify/swagger';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import type { Capability } from '../capability.ts';
import { PUBLIC_CACHE } from '../web/http.ts';
import {
  apiErrorHandler,
  apiNotFoundHandler,
  corsPreflight,
  publicApiHeaders,
  unauthenticatedFirst,
  unknownFilters,
} from './api-http.ts';
import { renderApiDocs, type OpenApiDocument } from './api-docs.page.tsx';
import { BEARER, BEARER_SCHEME } from './common.schemas.ts';

const API_DESCRIPTION = [
  'Public data of Talapker: elections, the parties on their ballots, candidate lists with their list-rule checks, and whole-list downloads, with what capabilities add (finance reports…). Reading needs no key and is open to any origin (CORS). The few operations that write (filing a finance report, uploading its scans) need `Authorization: Bearer <token>` of an account allowed to, with the scopes each names.',
  'Lists of candidates use keyset pagination: pass `limit` (1–500, default 50) and follow `pagination.next` until it is `null`; each page starts exactly where the previous one ended.',
  'Every error has the body `{ "error": { "code", "message", "details"? } }`: 400 `invalid_request` (with every problem in `details`) or `invalid_cursor`, 401 `unauthorized` (no valid token), 403 `forbidden`, 404 `not_found`, 500 `internal_error`; operations that write document their own further codes.',
  'Successful reads may be cached (by default `Cache-Control: public, max-age=60, s-maxage=300, stale-while-revalidate=600`) and carry an ETag; send it back in `If-None-Match` to get 304 Not Modified.',
  'Personal identification numbers (PIN) and home addresses are never published through this API. Elections marked `synthetic: true` hold invented demo people.',
].join('\n\n');

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const x of node) collectRefs(x, into);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/'))
        into.add(v.slice('#/components/schemas/'.length));
      else collectRefs(v, into);
    }
  }
}

/**
 * The zod transform publishes every schema of zod's global registry twice (input and output forms);
 * only those the paths reach, directly or through other components, belong in the document.
 */
const transformObject: SwaggerTransformObject = (documentObject) => {
  const doc = jsonSchemaTransformObject(documentObject) as {
    paths?: unknown;
    components?: { schemas?: Record<string, unknown> };
  };
  const all = doc.components?.schemas ?? {};
  const reached = new Set<string>();
  collectRefs(doc.paths, reached);
  for (let grew = true; grew;) {
    const before = reached.size;
    for (const name of [...reached]) collectRefs(all[name], reached);
    grew = reached.size > before;
  }
  const schemas = Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => reached.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return { ...doc, components: { ...doc.components, schemas } } as ReturnType<SwaggerTransformObject>;
};

/**
 * Every operation says who may call it: public ones `security: []` (no key), the writing ones name the
 * token scheme in their own schema (`security: BEARER_SECURITY`).
 */
const publicUnlessSecured: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  return { ...out, schema: { ...out.schema, security: out.schema.security ?? [] } };
};

/** A capability's part of the API (elections, candidates, finance reports…), registered inside the /api scope. */
export type ApiPart = NonNullable<Capability['api']>;

export async function registerApi(app: FastifyInstance, ctx: AppContext, parts: readonly ApiPart[]): Promise<void> {
  await app.register(
    async (api) => {
      api.setValidatorCompiler(validatorCompiler);
      api.setSerializerCompiler(serializerCompiler);
      await api.register(swagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: 'Talapker public API',
            version: '1.0.0',
            description: API_DESCRIPTION,
            license: { name: 'MIT', identifier: 'MIT' },
          },
          // Relative, so the document is right on every instance and behind any proxy.
          servers: [{ url: '/', description: 'This instance' }],
          tags: parts.map((x) => x.tag),
          components: { securitySchemes: { [BEARER_SCHEME]: BEARER } },
        },
        transform: publicUnlessSecured,
        transformObject,
      });
      api.setErrorHandler(apiErrorHandler);
      api.setNotFoundHandler(apiNotFoundHandler);
      api.addHook('onSend', publicApiHeaders);
      api.addHook('preValidation', unauthenticatedFirst);
      api.addHook('preValidation', unknownFilters);

      const typed = api.withTypeProvider<ZodTypeProvider>();
      for (const x of parts) await x.register(typed, ctx);

      let document: OpenApiDocument | undefined;
      const openApi = (): OpenApiDocument => (document ??= api.swagger() as unknown as OpenApiDocument);

      api.get('/openapi.json', { schema: { hide: true } }, async (_req, reply) =>
        reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(openApi())),
      );

      // The page shows curl lines for the host it was asked for; the CDN keys on the host anyway.
      const pages = new Map<string, string>();
      api.get('/docs', { schema: { hide: true } }, async (req, reply) => {
        const origin = `${req.protocol}://${req.host}`;
        let html = pages.get(origin);
        if (html === undefined) {
          html = renderApiDocs(openApi(), origin);
          // Bounded: a client can send any Host header.
          if (pages.size < 16) pages.set(origin, html);
        }
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', PUBLIC_CACHE)
          .send(html);
      });

      api.options('/*', { schema: { hide: true } }, corsPreflight);
    },
    { prefix: '/api' },
  );
}
