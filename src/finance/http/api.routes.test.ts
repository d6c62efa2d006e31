// The finance part of the JSON API on SQLite and PostgreSQL: its OpenAPI document is valid and
// describes every operation, parameter and field; each operation answers as documented for valid,
// enumerated, unknown and invalid parameters; totals match the fixture; listings walk by keyset
// links without gaps or repeats; cursors from another sort are refused; nothing private comes out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  invalidValueFor,
  operationsOf,
  responseValidators,
  urlOf,
  type Json,
  type Operation,
} from '../../../test/api/openapi-helpers.ts';
import {
  ALA,
  BEK,
  FIN_ELECTION,
  FIN_NOW,
  latestOf,
  loadFinanceFixture,
  sumOf,
  type FinanceFixture,
} from '../../../test/finance/finance-fixture.ts';
import { startFinanceServer, type FinanceTestServer } from '../../../test/finance/finance-server.ts';

const E = FIN_ELECTION.id;

describeEachDatabase('finance API', (get) => {
  let fx: FinanceFixture;
  let s: FinanceTestServer;
  let doc: Json;
  let ops: Operation[];
  let validatorFor: ReturnType<typeof responseValidators>;
  const seen: LightMyRequestResponse[] = [];
  const call = async (url: string) => {
    const res = await s.app.inject({ method: 'GET', url });
    seen.push(res);
    return res;
  };
  const json = (res: LightMyRequestResponse) => JSON.parse(res.body);

  beforeAll(async () => {
    fx = await loadFinanceFixture(get().db);
    s = await startFinanceServer(get().db, () => FIN_NOW);
    doc = json(await call(s.openApiPath));
    ops = operationsOf(doc).filter((o) => o.tags?.includes('Finance'));
    validatorFor = responseValidators(doc);
  });
  afterAll(async () => s?.close());

  function expectDocumented(op: Operation, status: string, res: LightMyRequestResponse) {
    expect(String(res.statusCode), `${op.operationId}: ${res.body.slice(0, 300)}`).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const validate = validatorFor(op, status, 'application/json');
    validate(json(res));
    expect(validate.errors ?? [], `${op.operationId} ${status} body does not match its schema`).toEqual([]);
  }

  it('documents every operation, parameter and field in valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors).toBeUndefined();
    expect(ops.map((o) => o.path).sort()).toEqual(
      [
        '/api/v1/elections/{electionId}/expenditures',
        '/api/v1/elections/{electionId}/finance/reports',
        '/api/v1/elections/{electionId}/finance/timeline',
        '/api/v1/elections/{electionId}/finance/totals',
        '/api/v1/elections/{electionId}/receipts',
      ].sort(),
    );
    for (const op of ops) {
      expect(op.summary, op.operationId).toBeTruthy();
      expect(op.tags).toEqual(['Finance']);
      for (const p of op.parameters) expect(p.description, `${op.operationId} ${p.name}`).toBeTruthy();
    }
    const undocumented: string[] = [];
    const walk = (schema: Json, where: string) => {
      for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
        if (!prop.description && !prop.$ref) undocumented.push(`${where}.${name}`);
        if (prop.properties) walk(prop, `${where}.${name}`);
        if (prop.items?.properties) walk(prop.items, `${where}.${name}[]`);
      }
    };
    const mine = Object.entries(doc.components.schemas as Record<string, Json>).filter(([n]) =>
      /Finance|PartyFinance/.test(n),
    );
    expect(mine.length).toBeGreaterThan(8);
    for (const [name, schema] of mine) {
      expect(schema.description, name).toBeTruthy();
      walk(schema, name);
    }
    expect(undocumented).toEqual([]);
    // No field of the finance schemas, nor any schema they reach, is a PIN, an INN or an address.
    const reached = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') {
            const name = v.split('/').pop()!;
            if (!reached.has(name)) {
              reached.add(name);
              collect(doc.components.schemas[name]);
            }
          } else collect(v);
        }
      }
    };
    collect(ops.map((o) => doc.paths[o.path]));
    const fieldNames: string[] = [];
    const names = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(names);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'properties') fieldNames.push(...Object.keys(v as object));
          names(v);
        }
      }
    };
    for (const name of reached) names(doc.components.schemas[name]);
    expect(fieldNames.length).toBeGreaterThan(50);
    expect(fieldNames.filter((f) => /pin|inn$|address/i.test(f))).toEqual([]);
  });

  it('answers every operation as documented, for every enumerated value, unknown ids and invalid values', async () => {
    for (const op of ops) {
      expectDocumented(op, '200', await call(urlOf(op, { electionId: E })));
      for (const p of op.parameters.filter((x) => x.in === 'query' && Array.isArray(x.schema?.enum))) {
        for (const value of p.schema!.enum as string[])
          expectDocumented(op, '200', await call(urlOf(op, { electionId: E, [p.name]: value })));
      }
      const missing = await call(urlOf(op, { electionId: 'no-such-election' }));
      expectDocumented(op, '404', missing);
      expect(json(missing).error.code).toBe('not_found');
      for (const p of op.parameters) {
        const bad = invalidValueFor(p);
        if (bad === undefined) continue;
        const res = await call(urlOf(op, { electionId: E, [p.name]: bad }));
        expectDocumented(op, '400', res);
        expect(json(res).error.details).toContainEqual(expect.objectContaining({ path: [p.name] }));
      }
    }
  });

  it('gives totals that match the latest lines, with breakdowns and flags', async () => {
    const body = json(await call(`/api/v1/elections/${E}/finance/totals`));
    expect(body.currency).toBe('KGS');
    expect(body.synthetic).toBe(true);
    expect(body.total.receipts).toBe(sumOf(latestOf(fx.receipts, E)));
    const ala = body.parties.find(
      (p: { registrationNumber: string }) => p.registrationNumber === ALA.registrationNumber,
    );
    expect(ala.figures.receipts).toBe(sumOf(latestOf(fx.receipts, E, ALA.registrationNumber)));
    expect(ala.figures.byDonorType.reduce((n: number, x: { amount: number }) => n + x.amount, 0)).toBe(
      ala.figures.receipts,
    );
    expect(ala.name.en).toBe('Ala-Too Party');
    const bek = body.parties.find(
      (p: { registrationNumber: string }) => p.registrationNumber === BEK.registrationNumber,
    );
    expect([bek.lateReports, bek.missingReports]).toEqual([1, 1]);

    const reports = json(await call(`/api/v1/elections/${E}/finance/reports`));
    expect(reports.today).toBe('2030-10-01');
    const bekReports = reports.parties.find(
      (p: { registrationNumber: string }) => p.registrationNumber === BEK.registrationNumber,
    ).reports;
    expect(bekReports).toEqual([
      {
        kind: 'initial',
        dueDate: '2030-09-11',
        state: 'late',
        filedOn: '2030-09-12',
        daysLate: 1,
        daysOverdue: null,
        coveredBy: null,
        daysLeft: null,
      },
      {
        kind: 'first',
        dueDate: '2030-09-26',
        state: 'missing',
        filedOn: null,
        daysLate: null,
        daysOverdue: 5,
        coveredBy: null,
        daysLeft: null,
      },
      {
        kind: 'final',
        dueDate: '2030-10-16',
        state: 'due',
        filedOn: null,
        daysLate: null,
        daysOverdue: null,
        coveredBy: null,
        daysLeft: 15,
      },
    ]);
    expect(reports.filings).toHaveLength(fx.filedVersions - 1);

    const timeline = json(
      await call(`/api/v1/elections/${E}/finance/timeline?party=${encodeURIComponent(BEK.registrationNumber)}`),
    );
    expect(timeline.points.at(-1).cumulativeReceipts).toBe(sumOf(latestOf(fx.receipts, E, BEK.registrationNumber)));
  });

  async function walk(
    url: string,
    limit: number,
  ): Promise<Array<{ id: number; lineId: string; partyRegistrationNumber: string }>> {
    const out = [];
    let next: string | null = `${url}${url.includes('?') ? '&' : '?'}limit=${limit}`;
    for (let pages = 0; next !== null; pages++) {
      expect(pages).toBeLessThan(1000);
      const res = await call(next);
      expect(res.statusCode, res.body).toBe(200);
      const body = json(res);
      if (body.pagination.next !== null) expect(body.data).toHaveLength(limit);
      out.push(...body.data);
      next = body.pagination.next;
    }
    return out;
  }

  it('walks receipts and expenditures by keyset links without gaps or repeats', async () => {
    const key = (r: { partyRegistrationNumber: string; lineId: string }) => `${r.partyRegistrationNumber}|${r.lineId}`;
    for (const sort of ['date', 'amount']) {
      for (const order of ['asc', 'desc']) {
        const rows = await walk(`/api/v1/elections/${E}/receipts?sort=${sort}&order=${order}`, 17);
        expect(rows.map(key).sort()).toEqual(
          latestOf(fx.receipts, E)
            .map((r) => `${r.party}|${r.lineId}`)
            .sort(),
        );
      }
    }
    const filtered = await walk(
      `/api/v1/elections/${E}/receipts?party=${ALA.registrationNumber}&donorType=individual&minAmount=500000&q=Osmonov`,
      3,
    );
    expect(filtered.length).toBe(
      latestOf(fx.receipts, E, ALA.registrationNumber).filter(
        (r) => r.donorType === 'individual' && r.amount >= 500_000 && r.donorName.startsWith('Осмонов'),
      ).length,
    );
    expect(filtered.length).toBeGreaterThan(3);
    const ads = await walk(`/api/v1/elections/${E}/expenditures?group=advertising&sort=amount`, 4);
    expect(ads.length).toBe(latestOf(fx.expenditures, E).filter((x) => x.category.startsWith('advertising_')).length);
    const none = json(await call(`/api/v1/elections/${E}/expenditures?group=advertising&category=transport`));
    expect(none.data).toEqual([]);
  });

  it('refuses a cursor from another sort or one it never gave out', async () => {
    const first = json(await call(`/api/v1/elections/${E}/receipts?limit=5&sort=amount`));
    const res = await call(`/api/v1/elections/${E}/receipts?limit=5&sort=date&cursor=${first.pagination.nextCursor}`);
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('invalid_cursor');
    expect((await call(`/api/v1/elections/${E}/receipts?cursor=bm9uc2Vuc2U`)).statusCode).toBe(400);
  });

  it('never lets a PIN, an INN or an address out', () => {
    expect(seen.length).toBeGreaterThan(50);
    for (const res of seen) {
      for (const secret of fx.privateValues) expect(res.body.includes(secret), secret).toBe(false);
    }
  });
});
