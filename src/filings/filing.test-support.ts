// Helpers for the finance report tests: an election with two parties, a context with a blob store in a
// temporary folder and a clock the test moves, small PDFs with a text layer, a valid filing v1 document,
// and a portal with the demo loaded and the filing routes wired the way server.ts wires them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import { loadConfig } from '../platform/config.ts';
import { LocalBlobStore } from '../platform/blobs/local-blob-store.ts';
import type { Election, Party } from '../domain/election.ts';
import { som, tyiyn } from '../domain/money.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../elections/index.ts';
import { registerParty } from '../parties/index.ts';
import { buildFiling } from './core/filing-build.ts';
import type { Filing, FilingInput } from './core/filing.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';

export const FILING_ELECTION: Election = {
  id: 'filing-2030',
  kind: 'parliamentary',
  name: { ky: 'Отчет шайлоосу 2030', ru: 'Выборы для отчётов 2030', en: 'Report test election 2030' },
  electionDay: '2030-10-06',
  // Called early, so that the authorisation test's many reports can each start on a day of their own.
  calledOn: '2029-12-01',
  campaignStart: '2030-09-05',
  campaignEnd: '2030-10-04',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'campaign',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

function party(reg: string, name: string): Party {
  return {
    registrationNumber: reg,
    name: { ky: name, ru: name, en: name },
    shortName: { ky: name, ru: name, en: name },
    leader: '',
    foundedOn: '2010-01-01',
    address: 'Бишкек',
    phone: '',
    website: '',
    logoBlobKey: null,
  };
}

export const PARTY_A = party('FA-001', 'Партия Альфа');
export const PARTY_B = party('FB-002', 'Партия Бета');

/** The clock of a test: a fixed instant that the test moves forward. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
}

export function testClock(start = '2030-10-20T06:00:00Z'): TestClock {
  let t = new Date(start);
  return {
    now: () => new Date((t = new Date(t.getTime() + 1))),
    set(iso) {
      t = new Date(iso);
    },
  };
}

export interface FilingTestContext {
  ctx: AppContext;
  clock: TestClock;
  close(): void;
}

/** A context over the given database with blobs in a temporary folder. */
export function filingTestContext(db: Kysely<Database>, env: Record<string, string> = {}): FilingTestContext {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-filings-'));
  const clock = testClock();
  const ctx: AppContext = {
    db,
    blobs: new LocalBlobStore(join(dir, 'blobs')),
    config: loadConfig({ TALAPKER_DATA_DIR: dir, ...env }),
    now: clock.now,
    events: new EventBus(),
    memo: new Memo(),
  };
  return { ctx, clock, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The election and both parties, through the commission's services. */
export async function setupFilingElection(ctx: AppContext): Promise<void> {
  await ensureBuiltInRulesProfiles(ctx);
  const e = await createElection(ctx, FILING_ELECTION, 'test');
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  for (const p of [PARTY_A, PARTY_B]) {
    const r = await registerParty(ctx, { electionId: FILING_ELECTION.id, party: p, ballotNumber: null }, 'test');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
}

/** Synthetic, format-valid PINs and addresses that must never leave through a public output. */
export const SECRET_PIN = '21503198500123';
export const SECRET_PIN_2 = '12011990004567';
export const SECRET_ADDRESS = 'Бишкек, ул. Секретная, 7, кв. 13';

/** A valid first report of a party, with an individual donor whose PIN and address are private; lines from 20 September. */
export function validFiling(
  reg: string = PARTY_A.registrationNumber,
  opts: { periodFrom?: string; extraSom?: number } = {},
): Filing {
  return buildFiling({
    header: {
      partyRegistrationNumber: reg,
      electionId: FILING_ELECTION.id,
      reportKind: 'first',
      periodFrom: opts.periodFrom ?? '2030-09-05',
      periodTo: '2030-09-25',
      account: { bank: 'Айыл Банк', number: '1240000000000001' },
      openingBalance: tyiyn(0),
      signer: { name: 'Synthetic Treasurer', position: 'Treasurer' },
    },
    receipts: [
      {
        lineId: 'R-1',
        date: '2030-09-20',
        donorType: 'party_own_funds',
        donorName: 'Партия Альфа',
        amount: som(500_000),
        channel: 'bank_transfer',
        bankReference: 'PP-0001',
      },
      {
        lineId: 'R-2',
        date: '2030-09-21',
        donorType: 'individual',
        donorName: 'Асанов Асан (synthetic)',
        donorPin: SECRET_PIN,
        donorAddress: SECRET_ADDRESS,
        amount: som(150_000 + (opts.extraSom ?? 0)),
        channel: 'bank_transfer',
        bankReference: 'PP-0002',
      },
    ],
    expenditures: [
      {
        lineId: 'E-1',
        date: '2030-09-22',
        category: 'advertising_online',
        payeeName: 'Synthetic Media LLC',
        payeeInn: '01203201710055',
        amount: som(250_000),
        documentNumber: 'INV-1',
        description: 'Online advertising',
      },
    ],
  });
}

/** A filing as JSON would carry it (amounts plain numbers). */
export const asInput = (f: Filing): FilingInput => JSON.parse(JSON.stringify(f)) as FilingInput;

/** A small PDF whose text layer holds the given lines (Latin script: the standard fonts have no Cyrillic). */
export async function pdfWithText(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A5',
    margin: 40,
    info: { CreationDate: new Date(Date.UTC(2030, 0, 1)), Title: 'scan' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica').fontSize(11);
  for (const l of lines) doc.text(l);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The smallest PNG: one transparent pixel. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The start of a Windows executable: what an .exe renamed to .pdf really is. */
export const FAKE_EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('PE\0\0'),
  Buffer.alloc(400, 0x90),
]);

/** A multipart/form-data body with text fields (in order) and at most one file. */
export function multipart(
  fields: Array<[string, string]>,
  file?: { field: string; name: string; type: string; bytes: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----talapker${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export type { FastifyInstance };

// ---------------------------------------------------------------- servers

/**
 * The /api scope as registerApi makes it (zod compilers, the API's error conduct, OpenAPI), holding only
 * the filing API: for tests of apps that do not have registerApi, and until registerApi calls filingApi.
 */
export async function mountFilingApi(
  app: FastifyInstance,
  ctx: AppContext,
  opts: { ownNotFound?: boolean } = {},
): Promise<void> {
  const { default: swagger } = await import('@fastify/swagger');
  const zod = await import('fastify-type-provider-zod');
  const { apiErrorHandler, apiNotFoundHandler, publicApiHeaders } = await import('../platform/api/api-http.ts');
  const { filingApi } = await import('./http/api.routes.ts');
  const { BEARER, BEARER_SCHEME } = await import('../platform/api/common.schemas.ts');
  await app.register(
    async (api) => {
      api.setValidatorCompiler(zod.validatorCompiler);
      api.setSerializerCompiler(zod.serializerCompiler);
      await api.register(swagger, {
        openapi: {
          openapi: '3.1.0',
          info: { title: 'Talapker filing API (test scope)', version: '1.0.0' },
          servers: [{ url: '/' }],
          components: { securitySchemes: { [BEARER_SCHEME]: BEARER } },
        },
        transform: zod.jsonSchemaTransform,
        transformObject: zod.jsonSchemaTransformObject,
      });
      api.setErrorHandler(apiErrorHandler);
      // An app with registerApi has its /api not-found handler already; a second one for /api is refused.
      if (opts.ownNotFound !== false) api.setNotFoundHandler(apiNotFoundHandler);
      api.addHook('onSend', publicApiHeaders);
      await filingApi(api.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>(), ctx);
      api.get('/filing-openapi.json', { schema: { hide: true } }, async () => api.swagger());
    },
    { prefix: '/api' },
  );
}

/**
 * The portal as server.ts builds it, completed with what the lead wires for finance reports (authPlugin and
 * the account pages, filingRoutes, the filing API) where buildServer does not have them yet, so that these
 * tests run the same before and after the wiring.
 */
export async function buildFilingPortal(ctx: AppContext): Promise<FastifyInstance> {
  const { buildServer } = await import('../server.ts');
  const { authPlugin } = await import('../accounts/index.ts');
  const { accountRoutes } = await import('../accounts/index.ts');
  const { defaultAccountSettings } = await import('../accounts/index.ts');
  const { filingRoutes } = await import('./http/site.ts');
  const app = await buildServer(ctx);
  if (!app.hasDecorator('accountSettings')) {
    await app.register(authPlugin(ctx, defaultAccountSettings));
    accountRoutes(app, ctx);
  }
  if (!app.hasRoute({ method: 'GET', url: '/:locale/reports/:filingId' })) await filingRoutes(app, ctx);
  if (!app.hasRoute({ method: 'GET', url: '/api/schemas/filing-v1.json' }))
    await mountFilingApi(app, ctx, { ownNotFound: false });
  return app;
}

export interface FilingDemoServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  close(): Promise<void>;
}

/** The demo (with its finance reports) on a free loopback port, in a temporary data folder. */
export async function startFilingDemoServer(opts: { listen?: boolean } = {}): Promise<FilingDemoServer> {
  // The shared demo template of the test run (reports and statements included), copied for this server.
  const { openDemoApp } = await import('../../test/support/demo-template.ts');
  const { ctx, dir } = await openDemoApp({}, 'talapker-filing-demo-');
  const app = await buildFilingPortal(ctx);
  let url = '';
  if (opts.listen !== false) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  } else {
    await app.ready();
  }
  return {
    app,
    ctx,
    url,
    async close() {
      await app.close();
      await ctx.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
