// The compliance part of the demo: the four registry snapshots, synthetic but consistent with the demo's
// reports, imported as a commission would import them, with a few registry-side violations planted (a
// foreign or stateless donor, a minor, a deceased donor, a name that is not the registry's, a religious
// organisation, a charity, a company with a foreign or a state share and tax preferences, a liquidated
// company, an international organisation, a foreign branch, a military unit, a debtor),
// then the checks run over every campaign that filed, so that the commission's findings screen has work
// and the planted report-side situations (over the cap, cash, a state enterprise) are found too.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../platform/app-context.ts';
import { tyiyn } from '../domain/money.ts';
import { filedCampaigns } from '../filings/index.ts';
import { REGISTRY_KINDS, type EntityRecord, type PersonRecord } from './core/registry.ts';
import {
  DEMO_REGISTRY_AS_OF,
  DEMO_REGISTRY_SIZE,
  demoDonorRecords,
  writeDemoRegistries,
  type DemoRegistryOverrides,
} from './registry-demo.ts';
import { importRegistry } from './registry-import.service.ts';
import { analyseParty } from './analysis.service.ts';
import { SqlRegistry } from './sql-registry.ts';

const ACTOR = 'demo-loader';

/**
 * The registry side of the planted violations, one rule per donor, on donors chosen by the order of their
 * numbers: what the registries know about them makes the donation prohibited or suspect.
 */
export function plantedRegistryRecords(): DemoRegistryOverrides {
  const donors = demoDonorRecords();
  const people = [...donors.persons.values()].sort((a, b) => a.pin.localeCompare(b.pin));
  const companies = [...donors.entities.values()]
    .filter((e) => e.legalForm === 'commercial')
    .sort((a, b) => a.inn.localeCompare(b.inn));
  const person = (i: number, change: Partial<PersonRecord>): PersonRecord[] => {
    const p = people[i];
    return p ? [{ ...p, ...change }] : [];
  };
  const company = (i: number, change: Partial<EntityRecord>): EntityRecord[] => {
    const c = companies[i];
    return c ? [{ ...c, ...change }] : [];
  };
  const debtor = companies[0];
  const militaryUnit = companies[8];
  return {
    persons: [
      ...person(0, { citizenship: 'KAZ' }),
      ...person(1, { deathDate: '2020-08-15' }),
      ...person(2, { citizenship: 'STATELESS' }),
      ...person(3, { birthDate: '2004-02-29' }),
      // Another surname under the same PIN: not a spelling or word-order difference.
      ...person(4, { surname: 'Жээнбекова' }),
    ],
    entities: [
      ...company(1, { legalForm: 'religious' }),
      ...company(2, { legalForm: 'charity' }),
      ...company(3, { foreignSharePct: 12.5 }),
      ...company(4, { stateSharePct: 30, hasTaxPreferences: true }),
      ...company(5, { liquidatedOn: '2020-06-30' }),
      ...company(6, { legalForm: 'international' }),
      ...company(7, { legalForm: 'foreign_branch' }),
    ],
    arrears: debtor
      ? [{ identifier: debtor.inn, kind: 'tax' as const, amount: tyiyn(48_250_000), asOf: DEMO_REGISTRY_AS_OF }]
      : [],
    stateBodies: militaryUnit ? [{ inn: militaryUnit.inn, name: militaryUnit.name, kind: 'military_unit' }] : [],
  };
}

export async function complianceDemo(ctx: AppContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'talapker-demo-registries-'));
  try {
    const paths = await writeDemoRegistries(dir, DEMO_REGISTRY_SIZE, plantedRegistryRecords());
    for (const kind of REGISTRY_KINDS) {
      const r = await importRegistry(ctx.db, {
        kind,
        path: paths[kind],
        actor: ACTOR,
        asOf: DEMO_REGISTRY_AS_OF,
        now: ctx.now,
      });
      if (!r.ok) throw new Error(`demo registry ${kind}: ${r.error.map((p) => p.message).join('; ')}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const registry = new SqlRegistry(ctx.db);
  let findings = 0;
  const campaigns = await filedCampaigns(ctx);
  for (const c of campaigns) {
    const r = await analyseParty(ctx, registry, c.electionId, c.partyRegistrationNumber, {
      trigger: 'demo',
      triggerRef: '',
      actor: ACTOR,
    });
    findings += r?.findings.length ?? 0;
  }
  return `compliance: registries as of ${DEMO_REGISTRY_AS_OF}, ${campaigns.length} campaigns checked, ${findings} findings`;
}
