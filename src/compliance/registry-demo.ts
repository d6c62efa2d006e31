// Synthetic registry snapshots for the demo, from a fixed seed: the four CSV files of the import format,
// consistent with the demo's finance reports — every individual donor is a living adult citizen under
// the PIN and name the reports give, every company donor an active commercial company (the demo's state
// enterprise a state enterprise) — and filled up to the asked size with synthetic people, companies,
// debtors and state bodies that no report names, so that the registries alone cause no finding.
// Planted violations that need a registry record (a foreign donor, a debtor…) are passed in as overrides.
//
// Synthetic numbers are made unique by construction rather than remembered, so that millions of rows
// need no memory: person i is born on day (i mod D) of the range with serial ⌊i / D⌋, and synthetic INNs
// start with "00", which the demo's company INNs never do.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { buildFilingDemo, buildFilingDemo2021 } from '../filings/index.ts';
import { createRng, daysToIso, hashLabel, isoToDays, DEMO_SEED, type Rng } from '../demo/random.ts';
import { generateName } from '../demo/names.ts';
import type { ArrearRecord, EntityRecord, PersonRecord, RegistryKind, StateBodyRecord } from './core/registry.ts';
import { REGISTRY_HEADERS } from './registry-rows.ts';

export interface DemoRegistrySize {
  persons: number;
  entities: number;
  arrears: number;
  stateBodies: number;
}

/** Small enough that loading the demo stays quick; the benchmark asks for millions. */
export const DEMO_REGISTRY_SIZE: DemoRegistrySize = {
  persons: 20_000,
  entities: 2_000,
  arrears: 600,
  stateBodies: 150,
};

/** Records that replace (by PIN/INN) or add to the generated ones: the registry side of planted violations. */
export interface DemoRegistryOverrides {
  persons?: PersonRecord[];
  entities?: EntityRecord[];
  arrears?: ArrearRecord[];
  stateBodies?: StateBodyRecord[];
}

export const DEMO_REGISTRY_AS_OF = '2020-09-01';

const FIRST_BIRTH = isoToDays('1930-01-01');
const BIRTH_DAYS = isoToDays('2002-12-31') - FIRST_BIRTH + 1;
const KINDS_OF_STATE_BODY = ['state_body', 'local_government', 'military_unit', 'law_enforcement', 'court'] as const;
const CITIZENSHIPS: ReadonlyArray<readonly [string, number]> = [
  ['KGZ', 960],
  ['KAZ', 10],
  ['RUS', 12],
  ['UZB', 10],
  ['TJK', 4],
  ['CHN', 2],
  ['STATELESS', 2],
];
const FORMS: ReadonlyArray<readonly [EntityRecord['legalForm'], number]> = [
  ['commercial', 80],
  ['ngo', 6],
  ['charity', 2],
  ['religious', 2],
  ['international', 1],
  ['foreign_branch', 1],
  ['foreign_entity', 1],
  ['state_enterprise', 2],
  ['municipal_enterprise', 2],
  ['state_institution', 1],
  ['municipal_institution', 1],
  ['party', 1],
];

function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells
    .map((c) => {
      const s = c === null ? '' : String(c);
      return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',')}\n`;
}

/** "Surname Given Patronymic", or "Father уулу Given" (no surname), as the reports write names. */
export function splitName(full: string): { surname: string; givenName: string; patronymic: string | null } {
  const w = full.trim().split(/\s+/);
  if (w[1] === 'уулу' || w[1] === 'кызы')
    return { surname: `${w[0]} ${w[1]}`, givenName: w[2] ?? '', patronymic: null };
  return { surname: w[0] ?? '', givenName: w[1] ?? '', patronymic: w.length > 2 ? w.slice(2).join(' ') : null };
}

interface DemoDonors {
  persons: Map<string, PersonRecord>;
  entities: Map<string, EntityRecord>;
}

/** The individuals and companies the demo reports name, as the registries should know them. */
export function demoDonorRecords(): DemoDonors {
  const rng = createRng(hashLabel(`registry-demo:donors:${DEMO_SEED}`));
  const persons = new Map<string, PersonRecord>();
  const entities = new Map<string, EntityRecord>();
  for (const report of [...buildFilingDemo(), ...buildFilingDemo2021()]) {
    for (const version of report.versions) {
      for (const r of version.filing.receipts) {
        if (r.donorType === 'individual' && r.donorPin && !persons.has(r.donorPin)) {
          const pin = r.donorPin;
          const birthDate = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
          persons.set(pin, { pin, ...splitName(r.donorName), birthDate, citizenship: 'KGZ', deathDate: null });
        }
        if (r.donorType === 'legal_entity' && r.donorInn && !entities.has(r.donorInn)) {
          // The demo's one state enterprise is named as such ("ГП" = state enterprise); the rest are companies.
          const state = /^ГП\s/.test(r.donorName);
          entities.set(r.donorInn, {
            inn: r.donorInn,
            name: r.donorName,
            legalForm: state ? 'state_enterprise' : 'commercial',
            registeredOn: rng.dateBetween('2005-01-01', '2019-06-30'),
            liquidatedOn: null,
            foreignSharePct: 0,
            stateSharePct: state ? 100 : 0,
            hasTaxPreferences: false,
            registeredCapital: (rng.int(10_000, 100_000) * 100_000) as EntityRecord['registeredCapital'],
          });
        }
      }
    }
  }
  return { persons, entities };
}

/** Synthetic person i's sex (Knuth's multiplicative hash, so that the PIN is a function of i alone). */
const femaleAt = (i: number): boolean => Math.imul(i + 1, 2654435761) >>> 0 < 0.52 * 2 ** 32;

function syntheticPin(i: number): string {
  const birthDate = daysToIso(FIRST_BIRTH + (i % BIRTH_DAYS));
  const [y, m, d] = birthDate.split('-');
  return `${femaleAt(i) ? 1 : 2}${d}${m}${y}${String(Math.floor(i / BIRTH_DAYS)).padStart(5, '0')}`;
}

function syntheticPerson(i: number, rng: Rng): PersonRecord {
  const birthDate = daysToIso(FIRST_BIRTH + (i % BIRTH_DAYS));
  const origin = rng.weighted<'kyrgyz' | 'russian' | 'uzbek'>([
    ['kyrgyz', 8],
    ['russian', 1],
    ['uzbek', 1],
  ]);
  const name = generateName(rng, femaleAt(i) ? 'female' : 'male', origin);
  const pin = syntheticPin(i);
  const citizenship = rng.weighted(CITIZENSHIPS);
  const deathDate = rng.chance(0.03)
    ? rng.dateBetween(birthDate < '1990-01-01' ? '1990-01-01' : birthDate, '2020-08-31')
    : null;
  return { pin, ...splitName(name.nameRu), birthDate, citizenship, deathDate };
}

const syntheticInn = (prefix: string, i: number) => `00${prefix}${String(i).padStart(11, '0')}`;

function syntheticEntity(i: number, rng: Rng): EntityRecord {
  const legalForm = rng.weighted(FORMS);
  const registeredOn = rng.dateBetween('1992-01-01', '2020-08-31');
  const stateOwned = /^(state|municipal)_/.test(legalForm);
  return {
    inn: syntheticInn('0', i),
    name: `ОсОО «Синтетик-${i}» (синтетическое)`,
    legalForm,
    registeredOn,
    liquidatedOn: rng.chance(0.05) ? rng.dateBetween(registeredOn, '2020-08-31') : null,
    foreignSharePct: legalForm === 'commercial' && rng.chance(0.05) ? rng.int(1, 10_000) / 100 : 0,
    stateSharePct: stateOwned ? 100 : legalForm === 'commercial' && rng.chance(0.03) ? rng.int(1, 49) : 0,
    hasTaxPreferences: rng.chance(0.04),
    registeredCapital: (rng.int(100, 10_000_000) * 100) as EntityRecord['registeredCapital'],
  };
}

async function writeRows(path: string, kind: RegistryKind, rows: Iterable<ReadonlyArray<string | number | null>>) {
  const out = createWriteStream(path);
  out.write(csvLine(REGISTRY_HEADERS[kind]));
  let buf = '';
  for (const row of rows) {
    buf += csvLine(row);
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

function* personRows(size: number, donors: DemoDonors, overrides: Map<string, PersonRecord>) {
  const rng = createRng(hashLabel(`registry-demo:persons:${DEMO_SEED}`));
  const known = new Map([...donors.persons, ...overrides]);
  for (const p of known.values())
    yield [p.pin, p.surname, p.givenName, p.patronymic, p.birthDate, p.citizenship, p.deathDate];
  // A synthetic number that happens to be a donor's is skipped, and one more made in its place.
  for (let i = 0, made = known.size; made < size; i++) {
    if (known.has(syntheticPin(i))) continue;
    const p = syntheticPerson(i, rng);
    made++;
    yield [p.pin, p.surname, p.givenName, p.patronymic, p.birthDate, p.citizenship, p.deathDate];
  }
}

function* entityRows(size: number, donors: DemoDonors, overrides: Map<string, EntityRecord>) {
  const rng = createRng(hashLabel(`registry-demo:entities:${DEMO_SEED}`));
  const known = new Map([...donors.entities, ...overrides]);
  const row = (e: EntityRecord) => [
    e.inn,
    e.name,
    e.legalForm,
    e.registeredOn,
    e.liquidatedOn,
    e.foreignSharePct,
    e.stateSharePct,
    e.hasTaxPreferences ? 1 : 0,
    e.registeredCapital,
  ];
  for (const e of known.values()) yield row(e);
  for (let i = 0; known.size + i < size; i++) yield row(syntheticEntity(i, rng));
}

/** Debtors among the synthetic people and companies only: no demo donor owes anything unless planted. */
function* arrearRows(size: DemoRegistrySize, donors: DemoDonors, overrides: ArrearRecord[]) {
  const rng = createRng(hashLabel(`registry-demo:arrears:${DEMO_SEED}`));
  for (const a of overrides) yield [a.identifier, a.kind, a.amount, a.asOf];
  for (let i = 0; i < size.arrears; i++) {
    const entity = size.entities > 0 && rng.chance(0.6);
    const identifier = entity
      ? syntheticInn('0', rng.int(0, size.entities - 1))
      : syntheticPin(rng.int(0, Math.max(0, size.persons - 1)));
    if (donors.persons.has(identifier)) continue;
    yield [
      identifier,
      rng.chance(0.7) ? 'tax' : 'social_fund',
      rng.int(1_000, 5_000_000) * 100,
      rng.dateBetween('2019-01-01', DEMO_REGISTRY_AS_OF),
    ];
  }
}

function* stateBodyRows(size: number, overrides: StateBodyRecord[]) {
  const rng = createRng(hashLabel(`registry-demo:state-bodies:${DEMO_SEED}`));
  for (const s of overrides) yield [s.inn, s.name, s.kind];
  for (let i = 0; i < size; i++) {
    const kind = rng.pick(KINDS_OF_STATE_BODY);
    yield [syntheticInn('9', i), `Синтетический орган ${kind} № ${i + 1}`, kind];
  }
}

/** Writes persons.csv, entities.csv, arrears.csv and state_bodies.csv into `dir`; returns their paths. */
export async function writeDemoRegistries(
  dir: string,
  size: DemoRegistrySize = DEMO_REGISTRY_SIZE,
  overrides: DemoRegistryOverrides = {},
): Promise<Record<RegistryKind, string>> {
  await mkdir(dir, { recursive: true });
  const donors = demoDonorRecords();
  const paths: Record<RegistryKind, string> = {
    persons: join(dir, 'persons.csv'),
    entities: join(dir, 'entities.csv'),
    arrears: join(dir, 'arrears.csv'),
    'state-bodies': join(dir, 'state_bodies.csv'),
  };
  await writeRows(
    paths.persons,
    'persons',
    personRows(size.persons, donors, new Map((overrides.persons ?? []).map((p) => [p.pin, p]))),
  );
  await writeRows(
    paths.entities,
    'entities',
    entityRows(size.entities, donors, new Map((overrides.entities ?? []).map((e) => [e.inn, e]))),
  );
  await writeRows(paths.arrears, 'arrears', arrearRows(size, donors, overrides.arrears ?? []));
  await writeRows(paths['state-bodies'], 'state-bodies', stateBodyRows(size.stateBodies, overrides.stateBodies ?? []));
  return paths;
}
