// The registries as imported snapshots: answers the RegistryPort from the newest complete snapshot of each
// kind (or from snapshots named explicitly, to show a finding's evidence as of the snapshot it used).
// Numbers are looked up in chunks: SQLite caps the parameters of one statement, and on PostgreSQL one
// array parameter per chunk keeps the statement small whatever the chunk size.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { RegistrySnapshotRow } from '../platform/db/tables/compliance.tables.ts';
import { dialectOf } from '../platform/db/database.ts';
import { tyiyn } from '../domain/money.ts';
import type {
  Answer,
  ArrearKind,
  ArrearRecord,
  EntityRecord,
  LegalForm,
  PersonRecord,
  RegistryAnswers,
  RegistryKind,
  RegistryPort,
  SnapshotRef,
  StateBodyKind,
  StateBodyRecord,
} from './core/registry.ts';
import { getSnapshot, newestCompleteSnapshots } from './registry.repository.ts';

const SQLITE_CHUNK = 5_000;
const POSTGRES_CHUNK = 50_000;

export function snapshotRefOf(row: RegistrySnapshotRow): SnapshotRef {
  return { kind: row.kind as RegistryKind, id: String(row.id), source: 'snapshot', asOf: row.as_of };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type KeyedTable = 'registry_persons' | 'registry_entities' | 'registry_arrears' | 'registry_state_bodies';

export interface SqlRegistryOptions {
  /** Snapshot ids to answer from instead of the newest complete ones, per kind. */
  snapshots?: Partial<Record<RegistryKind, number>>;
}

export class SqlRegistry implements RegistryPort {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: SqlRegistryOptions = {},
  ) {}

  /** The snapshots this registry answers from: named ones first, else the newest complete of each kind. */
  async snapshots(): Promise<Partial<Record<RegistryKind, RegistrySnapshotRow>>> {
    const out = await newestCompleteSnapshots(this.db);
    for (const [kind, id] of Object.entries(this.options.snapshots ?? {})) {
      const row = id === undefined ? undefined : await getSnapshot(this.db, id);
      if (row && row.kind === kind) out[kind as RegistryKind] = row;
    }
    return out;
  }

  async lookup(query: { pins: readonly string[]; inns: readonly string[] }): Promise<RegistryAnswers> {
    return this.lookupIn(await this.snapshots(), query);
  }

  /** The answers of the snapshots `snapshots()` gave: a caller that keys a cache by them asks the same ones. */
  async lookupIn(
    snaps: Partial<Record<RegistryKind, RegistrySnapshotRow>>,
    query: { pins: readonly string[]; inns: readonly string[] },
  ): Promise<RegistryAnswers> {
    const pins = [...new Set(query.pins)];
    const inns = [...new Set(query.inns)];
    const persons = new Map<string, Answer<PersonRecord>>();
    const entities = new Map<string, Answer<EntityRecord>>();
    const arrears = new Map<string, Array<Answer<ArrearRecord>>>();
    const stateBodies = new Map<string, Answer<StateBodyRecord>>();
    if (snaps.persons) {
      const snapshot = snapshotRefOf(snaps.persons);
      for (const r of await this.rows('registry_persons', 'pin', snaps.persons.id, pins))
        persons.set(String(r.pin), { record: personOf(r), snapshot });
    }
    if (snaps.entities) {
      const snapshot = snapshotRefOf(snaps.entities);
      for (const r of await this.rows('registry_entities', 'inn', snaps.entities.id, inns))
        entities.set(String(r.inn), { record: entityOf(r), snapshot });
    }
    if (snaps.arrears) {
      const snapshot = snapshotRefOf(snaps.arrears);
      const rows = await this.rows('registry_arrears', 'identifier', snaps.arrears.id, [
        ...new Set([...pins, ...inns]),
      ]);
      rows.sort((a, b) => Number(a.line) - Number(b.line));
      for (const r of rows) {
        const id = String(r.identifier);
        const list = arrears.get(id) ?? [];
        list.push({ record: arrearOf(r), snapshot });
        arrears.set(id, list);
      }
    }
    if (snaps['state-bodies']) {
      const snapshot = snapshotRefOf(snaps['state-bodies']);
      for (const r of await this.rows('registry_state_bodies', 'inn', snaps['state-bodies'].id, inns))
        stateBodies.set(String(r.inn), { record: stateBodyOf(r), snapshot });
    }
    const consulted = Object.values(snaps).map(snapshotRefOf);
    return { persons, entities, arrears, stateBodies, consulted };
  }

  private async rows(
    table: KeyedTable,
    key: string,
    snapshotId: number,
    values: readonly string[],
  ): Promise<Array<Record<string, unknown>>> {
    if (values.length === 0) return [];
    const postgres = dialectOf(this.db) === 'postgres';
    const out: Array<Record<string, unknown>> = [];
    for (const chunk of chunks(values, postgres ? POSTGRES_CHUNK : SQLITE_CHUNK)) {
      const match = postgres
        ? sql`${sql.ref(key)} = any(${chunk}::text[])`
        : sql`${sql.ref(key)} in (${sql.join(chunk)})`;
      const r = await sql<Record<string, unknown>>`
        select * from ${sql.table(table)} where snapshot_id = ${snapshotId} and ${match}`.execute(this.db);
      for (const row of r.rows) out.push(row);
    }
    return out;
  }
}

const text = (v: unknown): string => String(v);
const optional = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function personOf(r: Record<string, unknown>): PersonRecord {
  return {
    pin: text(r.pin),
    surname: text(r.surname),
    givenName: text(r.given_name),
    patronymic: optional(r.patronymic),
    birthDate: text(r.birth_date),
    citizenship: text(r.citizenship),
    deathDate: optional(r.death_date),
  };
}

function entityOf(r: Record<string, unknown>): EntityRecord {
  return {
    inn: text(r.inn),
    name: text(r.name),
    legalForm: text(r.legal_form) as LegalForm,
    registeredOn: text(r.registered_on),
    liquidatedOn: optional(r.liquidated_on),
    foreignSharePct: Number(r.foreign_share_pct),
    stateSharePct: Number(r.state_share_pct),
    hasTaxPreferences: Number(r.has_tax_preferences) === 1,
    registeredCapital: tyiyn(Number(r.registered_capital)),
  };
}

function arrearOf(r: Record<string, unknown>): ArrearRecord {
  return {
    identifier: text(r.identifier),
    kind: text(r.kind) as ArrearKind,
    amount: tyiyn(Number(r.amount)),
    asOf: text(r.as_of),
  };
}

function stateBodyOf(r: Record<string, unknown>): StateBodyRecord {
  return { inn: text(r.inn), name: text(r.name), kind: text(r.kind) as StateBodyKind };
}
