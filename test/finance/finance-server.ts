// The portal with the finance routes: as server.ts wires them once it does; until then added here the
// same way, pages and downloads on the app and the API operations inside an /api scope with the same
// compilers, error body, headers and OpenAPI generator as api/api.routes.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { buildServer } from '../../src/server.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { LocalBlobStore } from '../../src/platform/blobs/local-blob-store.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { apiErrorHandler, publicApiHeaders } from '../../src/platform/api/api-http.ts';
import { FINANCE_API_TAG, financeApi, financeRoutes } from '../../src/finance/index.ts';
import { EventBus } from '../../src/platform/event-bus.ts';
import { Memo } from '../../src/platform/memo.ts';

export interface FinanceTestServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** The OpenAPI document that holds the finance operations. */
  openApiPath: string;
  close(): Promise<void>;
}

/** `db` stays open after close: it belongs to the suite that opened it. */
export async function startFinanceServer(db: Kysely<Database>, now: () => Date): Promise<FinanceTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-finance-'));
  const ctx: AppContext = {
    db,
    blobs: new LocalBlobStore(join(dir, 'blobs')),
    config: loadConfig({ TALAPKER_DATA_DIR: dir }),
    now,
    events: new EventBus(),
    memo: new Memo(),
  };
  const app = await buildServer(ctx);
  if (!app.hasRoute({ method: 'GET', url: '/:locale/elections/:id/finance' })) await financeRoutes(app, ctx);
  const apiWired = app.hasRoute({ method: 'GET', url: '/api/v1/elections/:electionId/receipts' });
  if (!apiWired)
    await app.register(
      async (api) => {
        api.setValidatorCompiler(validatorCompiler);
        api.setSerializerCompiler(serializerCompiler);
        await api.register(swagger, {
          openapi: {
            openapi: '3.1.0',
            info: { title: 'Finance part of the Talapker API', version: '1.0.0' },
            tags: [FINANCE_API_TAG],
          },
          transform: jsonSchemaTransform,
          transformObject: jsonSchemaTransformObject,
        });
        api.setErrorHandler(apiErrorHandler);
        api.addHook('onSend', publicApiHeaders);
        financeApi(api.withTypeProvider<ZodTypeProvider>(), ctx);
        api.get('/finance-openapi.json', { schema: { hide: true } }, async () => api.swagger());
      },
      { prefix: '/api' },
    );
  await app.ready();
  return {
    app,
    ctx,
    openApiPath: apiWired ? '/api/openapi.json' : '/api/finance-openapi.json',
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
