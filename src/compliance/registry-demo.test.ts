// The demo registries: the same files from the same seed, every demo donor known under the name and
// number the reports give, the asked sizes, and files the import takes without a rejected row.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { demoDonorRecords, splitName, writeDemoRegistries, DEMO_REGISTRY_AS_OF } from './registry-demo.ts';
import { importRegistry } from './registry-import.service.ts';
import { SqlRegistry } from './sql-registry.ts';
import { REGISTRY_KINDS } from './core/registry.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-demo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const size = { persons: 3_000, entities: 400, arrears: 100, stateBodies: 30 };

it('splits the reports’ names into the registry’s parts', () => {
  expect(splitName('Токтогулова Чынара Асановна')).toEqual({
    surname: 'Токтогулова',
    givenName: 'Чынара',
    patronymic: 'Асановна',
  });
  expect(splitName('Асан уулу Бакыт')).toEqual({ surname: 'Асан уулу', givenName: 'Бакыт', patronymic: null });
});

it('writes the same files from the same seed, of the asked size', async () => {
  const a = await writeDemoRegistries(join(dir, 'a'), size);
  const b = await writeDemoRegistries(join(dir, 'b'), size);
  for (const kind of REGISTRY_KINDS) expect(readFileSync(a[kind], 'utf8')).toBe(readFileSync(b[kind], 'utf8'));
  const lines = (kind: (typeof REGISTRY_KINDS)[number]) =>
    readFileSync(a[kind], 'utf8').trimEnd().split('\n').length - 1;
  expect(lines('persons')).toBe(3_000);
  expect(lines('entities')).toBe(400);
  expect(lines('state-bodies')).toBe(30);
});

describeEachDatabase('demo registries', (get) => {
  it('import without rejections and know every demo donor as the reports name them', async () => {
    const paths = await writeDemoRegistries(join(dir, 'c'), size, {
      persons: [
        {
          pin: '21001199000001',
          surname: 'Doe',
          givenName: 'John',
          patronymic: null,
          birthDate: '1990-01-10',
          citizenship: 'USA',
          deathDate: null,
        },
      ],
    });
    for (const kind of REGISTRY_KINDS) {
      const r = await importRegistry(get().db, { kind, path: paths[kind], actor: 'demo', asOf: DEMO_REGISTRY_AS_OF });
      expect(r.ok && r.value.rejected).toBe(0);
    }
    const donors = demoDonorRecords();
    expect(donors.persons.size).toBeGreaterThan(50);
    const answers = await new SqlRegistry(get().db).lookup({
      pins: [...donors.persons.keys(), '21001199000001'],
      inns: [...donors.entities.keys()],
    });
    expect(answers.persons.size).toBe(donors.persons.size + 1);
    expect(answers.entities.size).toBe(donors.entities.size);
    for (const [pin, p] of donors.persons) expect(answers.persons.get(pin)?.record).toEqual(p);
    expect([...answers.entities.values()].filter((e) => e.record.legalForm === 'state_enterprise')).toHaveLength(1);
    expect(answers.persons.get('21001199000001')?.record.citizenship).toBe('USA');
    expect(answers.arrears.size).toBe(0);
  });
});
