// Who gets into which finance report route: every route of FILING_ROUTES, tried by every role of
// src/accounts (and by nobody), on a fresh resource each time so that one attempt cannot change what the
// next one finds. The table of who may use each kind of route is written out here by hand, not derived
// from the policy, so that a change to either shows up as a failure. A route added to FILING_ROUTES
// without a request below fails; a route registered without an entry in FILING_ROUTES fails too.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { buildAuthTestApp, loginAs, type SignedIn } from '../../accounts/test-support.ts';
import type { Role } from '../../accounts/index.ts';
import { ROLES } from '../../accounts/index.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { FILING_ROUTES, type FilingRouteSpec } from './routes.ts';
import { filingRoutes } from './site.ts';
import { addLine, createDraft, updateHeader } from '../draft.service.ts';
import { submitFiling } from '../submission.service.ts';
import { attachScan, storeScan } from '../scan.service.ts';
import {
  asInput,
  FILING_ELECTION,
  filingTestContext,
  mountFilingApi,
  multipart,
  PARTY_A,
  PARTY_B,
  pdfWithText,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from '../filing.test-support.ts';

type Who = 'admin' | 'analyst' | 'treasurerOwn' | 'treasurerOther' | 'bankOfficer' | 'auditor' | 'anonymous';
const EVERYONE: readonly Who[] = [
  'admin',
  'analyst',
  'treasurerOwn',
  'treasurerOther',
  'bankOfficer',
  'auditor',
  'anonymous',
];

const ROLE_OF: Record<Exclude<Who, 'anonymous'>, { role: Role; party?: string; bank?: string }> = {
  admin: { role: 'commission_admin' },
  analyst: { role: 'commission_analyst' },
  treasurerOwn: { role: 'party_treasurer', party: PARTY_A.registrationNumber },
  treasurerOther: { role: 'party_treasurer', party: PARTY_B.registrationNumber },
  bankOfficer: { role: 'bank_officer', bank: 'BANK-1' },
  auditor: { role: 'auditor' },
};

/**
 * Who gets in, by the kind of route. Resources are party A's: "own" is A for treasurerOwn and B for
 * treasurerOther, who then acts on their own party (their home page, their uploads).
 */
const WHO_GETS_IN: Record<string, readonly Who[]> = {
  public: EVERYONE,
  'own:filing.draft.read': ['admin', 'analyst', 'treasurerOwn', 'treasurerOther', 'auditor'],
  'own:filing.draft.write': ['admin', 'treasurerOwn', 'treasurerOther'],
  'bodyParty:filing.draft.write': ['admin', 'treasurerOwn'],
  'bodyParty:filing.draft.write+filing.submit': ['admin', 'treasurerOwn'],
  'draft:filing.draft.read': ['admin', 'analyst', 'treasurerOwn', 'auditor'],
  'draft:filing.draft.write': ['admin', 'treasurerOwn'],
  'submission:filing.submit': ['admin', 'treasurerOwn'],
  'filing:filing.draft.write': ['admin', 'treasurerOwn'],
  'none:filing.read': ['admin', 'analyst', 'auditor'],
  'none:findings.review': ['admin', 'analyst'],
};

const accessKey = (spec: FilingRouteSpec): string =>
  spec.access.kind === 'public' ? 'public' : `${spec.access.resource}:${spec.access.actions.join('+')}`;

interface Fixture {
  draftId: number;
  draftScan: string;
  filingId: number;
  filingScan: string;
  /** A unique (kind, first day) for a new report. */
  key: { reportKind: string; periodFrom: string };
}

interface Attempt {
  method: 'GET' | 'POST';
  url: string;
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  file?: { fields: Array<[string, string]>; name: string; type: string; bytes: Buffer };
}

describeEachDatabase('finance report routes: who gets in', (get) => {
  let t: FilingTestContext;
  let ctx: AppContext;
  let app: FastifyInstance;
  const registered: string[] = [];
  const sessions = new Map<Who, SignedIn>();
  let pdf: Buffer;
  let serial = 0;

  beforeAll(async () => {
    t = filingTestContext(get().db);
    ctx = t.ctx;
    await setupFilingElection(ctx);
    pdf = await pdfWithText(['SYNTHETIC', 'authorisation test']);
    app = await buildAuthTestApp(ctx, async (a) => {
      let collecting = true;
      a.addHook('onRoute', (r) => {
        const methods = Array.isArray(r.method) ? r.method : [r.method];
        for (const m of methods) if (collecting && m !== 'HEAD') registered.push(`${m} ${r.url}`);
      });
      await filingRoutes(a, ctx);
      await mountFilingApi(a, ctx);
      collecting = false;
    });
    for (const who of EVERYONE) {
      if (who === 'anonymous') continue;
      const r = ROLE_OF[who];
      sessions.set(
        who,
        await loginAs(app, ctx, r.role, {
          login: `authz-${who}`,
          ...(r.party ? { party: r.party } : {}),
          ...(r.bank ? { bank: r.bank } : {}),
        }),
      );
    }
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  }

  /** A draft of party A with a header, a line and a scan, and a filed report of party A with a scan. */
  async function freshFixture(): Promise<Fixture> {
    const kinds = ['initial', 'first', 'final', 'interim', 'annual'];
    const next = () => {
      const n = serial++;
      const day = new Date(Date.UTC(2030, 0, 1 + Math.floor(n / kinds.length))).toISOString().slice(0, 10);
      return { reportKind: kinds[n % kinds.length]!, periodFrom: day };
    };
    const draftKey = next();
    const draftId = must(
      await createDraft(
        ctx,
        {
          electionId: FILING_ELECTION.id,
          partyRegistrationNumber: PARTY_A.registrationNumber,
          ...draftKey,
          periodTo: '2030-09-25',
        },
        'test',
      ),
    ).draftId;
    must(
      await updateHeader(
        ctx,
        draftId,
        {
          periodTo: '2030-09-25',
          bank: 'Bank',
          accountNumber: '1',
          openingBalance: '0',
          closingBalance: '10',
          signerName: 'S',
          signerPosition: 'T',
        },
        'test',
      ),
    );
    must(
      await addLine(
        ctx,
        draftId,
        'receipts',
        {
          lineId: 'R-1',
          date: '2030-09-20',
          donorType: 'party_own_funds',
          donorName: 'Party',
          amount: '10',
          channel: 'bank_transfer',
        },
        'test',
      ),
    );
    const draftScan = must(await attachScan(ctx, draftId, Readable.from([pdf]), 'draft.pdf', 'test')).sha256;
    const filedKey = next();
    const scan = must(await storeScan(ctx, Readable.from([pdf]), 'filed.pdf'));
    const doc = {
      ...asInput(validFiling(PARTY_A.registrationNumber, { periodFrom: filedKey.periodFrom })),
      attachments: [{ sha256: scan.sha256, fileName: scan.fileName, mediaType: scan.mediaType, size: scan.size }],
    };
    doc.header.reportKind = filedKey.reportKind as typeof doc.header.reportKind;
    const filingId = must(await submitFiling(ctx, doc, { actor: 'test', idempotencyKey: null })).filingId;
    return { draftId, draftScan, filingId, filingScan: scan.sha256, key: next() };
  }

  /** A request for each route; a route without one here fails the test. */
  const attempts: Record<string, (f: Fixture) => Attempt> = {
    'public.partyReports': () => ({
      method: 'GET',
      url: `/en/elections/${FILING_ELECTION.id}/parties/${PARTY_A.registrationNumber}/reports`,
    }),
    'public.search': () => ({ method: 'GET', url: '/en/reports/search?q=Synthetic' }),
    'public.report': (f) => ({ method: 'GET', url: `/en/reports/${f.filingId}` }),
    'public.scan': (f) => ({ method: 'GET', url: `/reports/${f.filingId}/scans/${f.filingScan}` }),
    'public.receiptsCsv': (f) => ({ method: 'GET', url: `/reports/${f.filingId}/receipts.csv` }),
    'public.expendituresCsv': (f) => ({ method: 'GET', url: `/reports/${f.filingId}/expenditures.csv` }),
    'public.refundsCsv': (f) => ({ method: 'GET', url: `/reports/${f.filingId}/refunds.csv` }),
    'public.inKindCsv': (f) => ({ method: 'GET', url: `/reports/${f.filingId}/in-kind.csv` }),
    'public.loansCsv': (f) => ({ method: 'GET', url: `/reports/${f.filingId}/loans.csv` }),
    'treasurer.home': () => ({ method: 'GET', url: '/en/treasurer' }),
    'treasurer.createDraft': (f) => ({
      method: 'POST',
      url: '/en/treasurer/drafts',
      form: { electionId: FILING_ELECTION.id, party: PARTY_A.registrationNumber, ...f.key, periodTo: '2030-09-25' },
    }),
    'treasurer.draft': (f) => ({ method: 'GET', url: `/en/treasurer/drafts/${f.draftId}` }),
    'treasurer.header': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/header`,
      form: {
        periodTo: '2030-09-25',
        bank: 'B',
        accountNumber: '2',
        openingBalance: '0',
        closingBalance: '10',
        signerName: 'S',
        signerPosition: 'T',
      },
    }),
    'treasurer.addLine': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/lines/receipts`,
      form: {
        date: '2030-09-21',
        donorType: 'party_own_funds',
        donorName: 'Party',
        amount: '5',
        channel: 'bank_transfer',
      },
    }),
    'treasurer.lineForm': (f) => ({ method: 'GET', url: `/en/treasurer/drafts/${f.draftId}/lines/receipts/0` }),
    'treasurer.updateLine': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/lines/receipts/0`,
      form: {
        expectedLineId: 'R-1',
        lineId: 'R-1',
        date: '2030-09-20',
        donorType: 'party_own_funds',
        donorName: 'Party',
        amount: '11',
        channel: 'bank_transfer',
      },
    }),
    'treasurer.deleteLine': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/lines/receipts/0/delete`,
      form: { expectedLineId: 'R-1', confirmed: '1' },
    }),
    'treasurer.import': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/import`,
      file: {
        fields: [['section', 'receipts']],
        name: 'r.csv',
        type: 'text/csv',
        bytes: Buffer.from('date,donorType,donorName,amount,channel\n2030-09-20,other,X,1,other\n'),
      },
    }),
    'treasurer.addScan': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/scans`,
      file: { fields: [], name: 'scan.pdf', type: 'application/pdf', bytes: pdf },
    }),
    'treasurer.removeScan': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/scans/${f.draftScan}/delete`,
      form: {},
    }),
    'treasurer.draftScan': (f) => ({ method: 'GET', url: `/treasurer/drafts/${f.draftId}/scans/${f.draftScan}` }),
    'treasurer.submit': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/submit`,
      form: { idempotencyKey: crypto.randomUUID() },
    }),
    'treasurer.discard': (f) => ({
      method: 'POST',
      url: `/en/treasurer/drafts/${f.draftId}/discard`,
      form: { confirmed: '1' },
    }),
    'treasurer.amend': (f) => ({ method: 'POST', url: `/en/treasurer/reports/${f.filingId}/amend`, form: {} }),
    'commission.queue': () => ({ method: 'GET', url: '/en/commission/reports' }),
    'commission.report': (f) => ({ method: 'GET', url: `/en/commission/reports/${f.filingId}` }),
    'commission.review': (f) => ({
      method: 'POST',
      url: `/en/commission/reports/${f.filingId}/status`,
      form: { status: 'under_review', reason: '' },
    }),
    'api.schema': () => ({ method: 'GET', url: '/api/schemas/filing-v1.json' }),
    'api.schemaV2': () => ({ method: 'GET', url: '/api/schemas/filing-v2.json' }),
    'api.template': () => ({ method: 'GET', url: '/api/v1/filings/template.xlsx?locale=en' }),
    'api.submit': (f) => {
      const doc = asInput(validFiling(PARTY_A.registrationNumber, { periodFrom: f.key.periodFrom }));
      doc.header.reportKind = f.key.reportKind as typeof doc.header.reportKind;
      return {
        method: 'POST',
        url: '/api/v1/filings',
        json: doc,
        headers: { 'idempotency-key': `authz-${f.key.reportKind}-${f.key.periodFrom}` },
      };
    },
    'api.uploadScan': () => ({
      method: 'POST',
      url: '/api/v1/filings/scans',
      file: { fields: [], name: 'scan.pdf', type: 'application/pdf', bytes: pdf },
    }),
    'api.filing': (f) => ({ method: 'GET', url: `/api/v1/filings/${f.filingId}` }),
    'api.partyFilings': () => ({
      method: 'GET',
      url: `/api/v1/elections/${FILING_ELECTION.id}/parties/${PARTY_A.registrationNumber}/filings`,
    }),
  };

  function send(a: Attempt, who: Who): Promise<LightMyRequestResponse> {
    const s = who === 'anonymous' ? undefined : sessions.get(who);
    const auth: Record<string, string> = s ? { ...s.headers } : {};
    // Pages are asked for as browsers ask, so that refusals show as the browser sees them.
    const accept = a.url.startsWith('/api/') ? {} : { accept: 'text/html' };
    if (a.file) {
      const body = multipart([...(s ? ([['_csrf', s.csrfToken]] as Array<[string, string]>) : []), ...a.file.fields], {
        field: 'file',
        name: a.file.name,
        type: a.file.type,
        bytes: a.file.bytes,
      });
      return app.inject({
        method: a.method,
        url: a.url,
        payload: body.payload,
        headers: { ...body.headers, ...accept, ...(s ? { cookie: s.cookie } : {}) },
      });
    }
    if (a.json !== undefined)
      return app.inject({
        method: a.method,
        url: a.url,
        payload: a.json as object,
        headers: { ...auth, ...a.headers, ...accept },
      });
    if (a.form) {
      return app.inject({
        method: a.method,
        url: a.url,
        payload: new URLSearchParams(a.form).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth, ...accept },
      });
    }
    return app.inject({ method: a.method, url: a.url, headers: { ...auth, ...accept } });
  }

  const refused = (res: LightMyRequestResponse): boolean =>
    res.statusCode === 401 ||
    res.statusCode === 403 ||
    (res.statusCode === 303 && String(res.headers.location).includes('/account/login'));

  it('has every route in the table, and a request and a rule for each', () => {
    expect(registered.sort()).toEqual(
      FILING_ROUTES.map((r) => `${r.method} ${r.scope === 'api' ? `/api${r.url}` : r.url}`)
        .concat(['GET /api/filing-openapi.json'])
        .sort(),
    );
    for (const spec of FILING_ROUTES) {
      expect(attempts[spec.id], `no request for route ${spec.id}: add one to attempts`).toBeDefined();
      expect(
        WHO_GETS_IN[accessKey(spec)],
        `no rule for ${accessKey(spec)} (route ${spec.id}): add who may use it to WHO_GETS_IN`,
      ).toBeDefined();
    }
    // Every role of src/accounts is tried.
    expect([...new Set(Object.values(ROLE_OF).map((r) => r.role))].sort()).toEqual([...ROLES].sort());
  });

  it('lets in exactly who may use each route, for every role and for nobody', async () => {
    const outcomes: string[] = [];
    const wrong: string[] = [];
    for (const spec of FILING_ROUTES) {
      const allowed = WHO_GETS_IN[accessKey(spec)] ?? [];
      for (const who of EVERYONE) {
        const f = await freshFixture();
        const res = await send(attempts[spec.id]!(f), who);
        const gotIn = !refused(res);
        outcomes.push(`${spec.id} ${who} ${res.statusCode}`);
        if (gotIn !== allowed.includes(who))
          wrong.push(
            `${spec.id} as ${who}: ${res.statusCode} ${String(res.headers.location ?? '')} ${res.body.slice(0, 160)}`,
          );
        // Getting in means doing the thing: no route answers an allowed request with a server error.
        if (gotIn) expect(res.statusCode, `${spec.id} as ${who}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (
          !gotIn &&
          who === 'anonymous' &&
          spec.method === 'GET' &&
          !spec.url.startsWith('/v1') &&
          spec.scope === 'site'
        ) {
          // A browser without a session is sent to sign in, and back here afterwards.
          expect(res.headers.location).toMatch(
            spec.url.startsWith('/:locale') ? /^\/en\/account\/login\?next=/ : /^\/ky\/account\/login\?next=/,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(outcomes.length).toBe(FILING_ROUTES.length * EVERYONE.length);
  }, 300_000);

  it('does the thing for those let in: a treasurer submits, an analyst reviews, a treasurer of another party sees nothing private', async () => {
    const f = await freshFixture();
    const submitted = await send(attempts['treasurer.submit']!(f), 'treasurerOwn');
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toMatch(/^\/en\/reports\/\d+$/);
    const reviewed = await send(attempts['commission.review']!(f), 'analyst');
    expect(reviewed.statusCode).toBe(303);
    const g = await freshFixture();
    const peek = await send(attempts['treasurer.draft']!(g), 'treasurerOther');
    expect(peek.statusCode).toBe(403);
    expect(peek.body).not.toContain('draft.pdf');
    const scan = await send(attempts['treasurer.draftScan']!(g), 'treasurerOther');
    expect(scan.statusCode).toBe(403);
  });
});
