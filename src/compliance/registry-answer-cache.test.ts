// Analysing a campaign again after one new report asks the registry only about the new donors, and finds
// exactly what a full analysis (nothing cached) finds, ids and content; a new snapshot is asked afresh.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  asInput,
  filingTestContext,
  PARTY_A,
  SECRET_ADDRESS,
  SECRET_PIN,
  setupFilingElection,
  validFiling,
  FILING_ELECTION,
  type FilingTestContext,
} from '../filings/filing.test-support.ts';
import { buildFiling, submitFiling, type Filing, type Receipt } from '../filings/index.ts';
import { som } from '../domain/money.ts';
import { Memo } from '../platform/memo.ts';
import type { AppContext } from '../platform/app-context.ts';
import { analyseParty } from './analysis.service.ts';
import { importRegistry } from './registry-import.service.ts';
import { SqlRegistry } from './sql-registry.ts';
import type { RegistryKind } from './core/registry.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-cache-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERSONS = 'pin,surname,given_name,patronymic,birth_date,citizenship,death_date';
const ENTITIES =
  'inn,name,legal_form,registered_on,liquidated_on,foreign_share_pct,state_share_pct,has_tax_preferences,registered_capital';
const pin = (i: number) => `11205199000${String(i).padStart(3, '0')}`;
const inn = (i: number) => `01205201000${String(i).padStart(3, '0')}`;
const personRow = (i: number, citizenship = 'KGZ', death = '') =>
  `${pin(i)},Садыкова,Айгуль${i},Бакытовна,1990-05-12,${citizenship},${death}`;

function personsCsv(foreign: number): string {
  const path = join(dir, `persons-${foreign}.csv`);
  const rows = [1, 2, 3, 4, 5, 6].map((i) => personRow(i, i === foreign ? 'KAZ' : 'KGZ', i === 3 ? '2030-09-01' : ''));
  writeFileSync(path, `${[PERSONS, `${SECRET_PIN},Асанов,Асан,,1985-03-21,KGZ,`, ...rows].join('\n')}\n`);
  return path;
}

function entitiesCsv(): string {
  const path = join(dir, 'entities.csv');
  const rows = [
    `${inn(1)},Ала-Тоо,commercial,2001-01-01,,0,0,0,100000000`,
    `${inn(2)},Мээрим,charity,2005-01-01,,0,0,0,0`,
  ];
  writeFileSync(path, `${[ENTITIES, ...rows].join('\n')}\n`);
  return path;
}

const individual = (lineId: string, i: number, date: string, amount: number, name?: string): Receipt => ({
  lineId,
  date,
  donorType: 'individual',
  donorName: name ?? `Садыкова Айгуль${i}`,
  donorPin: pin(i),
  donorAddress: SECRET_ADDRESS,
  amount: som(amount),
  channel: 'bank_transfer',
  bankReference: `PP-${lineId}`,
});

const entity = (lineId: string, i: number, date: string, amount: number): Receipt => ({
  lineId,
  date,
  donorType: 'legal_entity',
  donorName: i === 1 ? 'ОсОО Ала-Тоо' : 'Мээрим',
  donorInn: inn(i),
  amount: som(amount),
  channel: 'bank_transfer',
  bankReference: `PP-${lineId}`,
});

function report(kind: 'interim' | 'final', from: string, to: string, receipts: Receipt[]): Filing {
  const first = validFiling();
  return buildFiling({ header: { ...first.header, reportKind: kind, periodFrom: from, periodTo: to }, receipts });
}

/** Counts the numbers the database is asked about. */
class CountingRegistry extends SqlRegistry {
  asked = 0;
  override lookupIn(...args: Parameters<SqlRegistry['lookupIn']>): ReturnType<SqlRegistry['lookupIn']> {
    this.asked += args[1].pins.length + args[1].inns.length;
    return super.lookupIn(...args);
  }
}

describeEachDatabase('registry answers kept between analyses', (getDb) => {
  let t: FilingTestContext;
  beforeAll(async () => {
    t = filingTestContext(getDb().db);
    await setupFilingElection(t.ctx);
  });
  afterAll(() => t.close());

  const load = async (kind: RegistryKind, path: string, asOf: string) => {
    const r = await importRegistry(getDb().db, { kind, path, actor: 'test', asOf });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  const file = async (f: Filing, key: string) => {
    const r = await submitFiling(t.ctx, asInput(f), { actor: 'test', idempotencyKey: `cache:${key}` });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  const analyse = async (ctx: AppContext, registry: SqlRegistry) => {
    const r = await analyseParty(ctx, registry, FILING_ELECTION.id, PARTY_A.registrationNumber, {
      trigger: 'test',
      triggerRef: '',
      actor: 'test',
    });
    if (!r) throw new Error('no campaign');
    return r.findings;
  };
  /** The same analysis by an instance that has nothing cached. */
  const full = () => analyse({ ...t.ctx, memo: new Memo() }, new SqlRegistry(getDb().db));

  it('asks only about new donors after a new report, and finds what a full analysis finds', async () => {
    await load('persons', personsCsv(0), '2030-09-01');
    await load('entities', entitiesCsv(), '2030-09-01');
    await file(validFiling(), 'first');
    await file(
      report('interim', '2030-09-26', '2030-09-30', [
        individual('R-1', 1, '2030-09-26', 120_000),
        individual('R-2', 2, '2030-09-27', 1_000, 'Sadykova Aigul2'),
        entity('R-3', 1, '2030-09-28', 100_000),
      ]),
      'interim',
    );
    const registry = new CountingRegistry(getDb().db);
    await analyse(t.ctx, registry);
    expect(registry.asked).toBe(5); // the first report's donor and payee, then R-1, R-2 and R-3's

    await file(
      report('final', '2030-10-01', '2030-10-05', [
        individual('R-1', 1, '2030-10-01', 90_000), // over the cap across both reports
        individual('R-2', 3, '2030-10-02', 5_000), // dead before the donation
        individual('R-3', 4, '2030-10-02', 5_000, 'Бакиров Марат'), // not the registry's name
        individual('R-4', 99, '2030-10-03', 5_000), // no such PIN
        entity('R-5', 2, '2030-10-03', 10_000), // a charity
        entity('R-6', 1, '2030-10-04', 10_000),
      ]),
      'final',
    );
    registry.asked = 0;
    const incremental = await analyse(t.ctx, registry);
    expect(registry.asked).toBe(4); // persons 3, 4 and 99, entity 2
    const whole = await full();
    expect(incremental).toEqual(whole);
    const rules = new Set(incremental.map((f) => f.rule));
    for (const rule of [
      'cap.individual',
      'donor.deceased',
      'donor.name_mismatch',
      'donor.not_found',
      'prohibited.charity',
    ])
      expect(rules).toContain(rule);
  });

  it('asks everything again once a new snapshot is in', async () => {
    const registry = new CountingRegistry(getDb().db);
    await analyse(t.ctx, registry);
    expect(registry.asked).toBe(0);
    // A newer civil registry says donor 4 is a citizen of Kazakhstan.
    await load('persons', personsCsv(4), '2030-10-05');
    const after = await analyse(t.ctx, registry);
    expect(registry.asked).toBeGreaterThan(5);
    expect(after.some((f) => f.rule === 'prohibited.foreign_citizen')).toBe(true);
    expect(after).toEqual(await full());
  });
});
