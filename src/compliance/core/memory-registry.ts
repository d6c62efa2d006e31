// A registry port over snapshots held in memory: what the offline analysis and the tests use, and a
// reference for what every adapter answers. A snapshot that was given (even empty) counts as consulted,
// so a number it does not know is "not found"; a registry that was not given is not asked at all.
import type {
  Answer,
  ArrearRecord,
  EntityRecord,
  PersonRecord,
  RegistryAnswers,
  RegistryPort,
  SnapshotRef,
  StateBodyRecord,
} from './registry.ts';

export interface Snapshot<T> {
  ref: SnapshotRef;
  records: readonly T[];
}

export interface RegistrySnapshots {
  persons?: Snapshot<PersonRecord>;
  entities?: Snapshot<EntityRecord>;
  arrears?: Snapshot<ArrearRecord>;
  stateBodies?: Snapshot<StateBodyRecord>;
}

function index<T>(s: Snapshot<T> | undefined, key: (r: T) => string): Map<string, Answer<T>> {
  const m = new Map<string, Answer<T>>();
  if (!s) return m;
  // A number listed twice: the later row is the registry's correction of the earlier one.
  for (const record of s.records) m.set(key(record), { record, snapshot: s.ref });
  return m;
}

function pick<T>(m: ReadonlyMap<string, T>, keys: Iterable<string>): Map<string, T> {
  const out = new Map<string, T>();
  for (const k of keys) {
    const v = m.get(k);
    if (v !== undefined) out.set(k, v);
  }
  return out;
}

export interface MemoryRegistry extends RegistryPort {
  /** The same answers, synchronously. */
  answers(query: { pins: readonly string[]; inns: readonly string[] }): RegistryAnswers;
}

export function memoryRegistry(snapshots: RegistrySnapshots): MemoryRegistry {
  const persons = index(snapshots.persons, (r) => r.pin);
  const entities = index(snapshots.entities, (r) => r.inn);
  const stateBodies = index(snapshots.stateBodies, (r) => r.inn);
  const arrears = new Map<string, Array<Answer<ArrearRecord>>>();
  const arrearsSnapshot = snapshots.arrears;
  if (arrearsSnapshot) {
    for (const record of arrearsSnapshot.records) {
      const list = arrears.get(record.identifier) ?? [];
      list.push({ record, snapshot: arrearsSnapshot.ref });
      arrears.set(record.identifier, list);
    }
  }
  const consulted = [snapshots.persons, snapshots.entities, snapshots.arrears, snapshots.stateBodies]
    .filter((s) => s !== undefined)
    .map((s) => s.ref);
  const answers = (query: { pins: readonly string[]; inns: readonly string[] }): RegistryAnswers => ({
    persons: pick(persons, query.pins),
    entities: pick(entities, query.inns),
    // Arrears are kept against either number: an individual entrepreneur's is the PIN.
    arrears: pick(arrears, [...query.pins, ...query.inns]),
    stateBodies: pick(stateBodies, query.inns),
    consulted,
  });
  return { answers, lookup: (query) => Promise.resolve(answers(query)) };
}
