// The state registries a donation is checked against, as records: the civil registry (persons), the
// legal-entity registry, tax and Social Fund arrears, and the list of state bodies. Two kinds of adapter
// answer through one port: snapshots imported into the database, and X-Road (Tunduk) services. Every
// answer says which snapshot (or which dated X-Road answer) it came from, so a finding can show the
// registry record as of that date.
import type { Tyiyn } from '../../domain/money.ts';

export const REGISTRY_KINDS = ['persons', 'entities', 'arrears', 'state-bodies'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** ISO 3166-1 alpha-3 (`KGZ`, `KAZ`, …) or `STATELESS`. */
export type Citizenship = string;

export interface PersonRecord {
  pin: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string;
  citizenship: Citizenship;
  deathDate: string | null;
}

export const LEGAL_FORMS = [
  'commercial',
  'ngo',
  'charity',
  'religious',
  'international',
  'foreign_branch',
  'foreign_entity',
  'state_enterprise',
  'municipal_enterprise',
  'state_institution',
  'municipal_institution',
  'party',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export interface EntityRecord {
  inn: string;
  name: string;
  legalForm: LegalForm;
  registeredOn: string;
  liquidatedOn: string | null;
  /** Percent, 0–100, decimals allowed. */
  foreignSharePct: number;
  /** Percent, 0–100: the state's and municipalities' shares together. */
  stateSharePct: number;
  hasTaxPreferences: boolean;
  registeredCapital: Tyiyn;
}

export const ARREAR_KINDS = ['tax', 'social_fund'] as const;
export type ArrearKind = (typeof ARREAR_KINDS)[number];

export interface ArrearRecord {
  /** A PIN (individual entrepreneur) or an INN. */
  identifier: string;
  kind: ArrearKind;
  amount: Tyiyn;
  asOf: string;
}

export const STATE_BODY_KINDS = [
  'state_body',
  'local_government',
  'military_unit',
  'law_enforcement',
  'court',
] as const;
export type StateBodyKind = (typeof STATE_BODY_KINDS)[number];

export interface StateBodyRecord {
  inn: string;
  name: string;
  kind: StateBodyKind;
}

/** Where an answer came from: an imported snapshot, or an X-Road service answer cached on a date. */
export interface SnapshotRef {
  kind: RegistryKind;
  /** Stable id: the snapshot's id, or `x-road:<service>:<date>`. */
  id: string;
  source: 'snapshot' | 'x-road';
  /** The day the registry's data is as of. */
  asOf: string;
}

export interface Answer<T> {
  record: T;
  snapshot: SnapshotRef;
}

/** What the registries said about the donors and payees of one campaign. */
export interface RegistryAnswers {
  persons: ReadonlyMap<string, Answer<PersonRecord>>;
  entities: ReadonlyMap<string, Answer<EntityRecord>>;
  /** Arrears per PIN or INN, every dated record the registry holds. */
  arrears: ReadonlyMap<string, ReadonlyArray<Answer<ArrearRecord>>>;
  stateBodies: ReadonlyMap<string, Answer<StateBodyRecord>>;
  /** The snapshots consulted, including those that knew nothing about a number (for donor.not_found). */
  consulted: readonly SnapshotRef[];
}

/** The one port every adapter implements: answers for a batch of identity numbers. */
export interface RegistryPort {
  lookup(query: { pins: readonly string[]; inns: readonly string[] }): Promise<RegistryAnswers>;
}
