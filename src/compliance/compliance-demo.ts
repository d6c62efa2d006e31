// The compliance part of the demo: the four registry snapshots, synthetic but consistent with the demo's
// reports, imported as a commission would import them, with a few registry-side violations planted (a
// donor who is a foreign citizen, a donor who died before the donation, a company donor in tax arrears),
// then the checks run over every campaign that filed, so that the commission's findings screen has work
// and the planted report-side situations (over the cap, cash, a state enterprise) are found too.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../platform/app-context.ts';
import { tyiyn } from '../domain/money.ts';
import { filedCampaigns } from '../filings/index.ts';
import { REGISTRY_KINDS } from './core/registry.ts';
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

/** The registry side of the planted violations, on donors chosen by the order of their numbers. */
export function plantedRegistryRecords(): DemoRegistryOverrides {
  const donors = demoDonorRecords();
  const persons = [...donors.persons.values()].sort((a, b) => a.pin.localeCompare(b.pin));
  const companies = [...donors.entities.values()]
    .filter((e) => e.legalForm === 'commercial')
    .sort((a, b) => a.inn.localeCompare(b.inn));
  const [foreigner, deceased] = persons;
  const [debtor] = companies;
  return {
    persons: [
      ...(foreigner ? [{ ...foreigner, citizenship: 'KAZ' }] : []),
      ...(deceased ? [{ ...deceased, deathDate: '2020-08-15' }] : []),
    ],
    arrears: debtor
      ? [{ identifier: debtor.inn, kind: 'tax' as const, amount: tyiyn(48_250_000), asOf: DEMO_REGISTRY_AS_OF }]
      : [],
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
