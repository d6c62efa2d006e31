// The registries answered through X-Road (Tunduk): persons, legal entities and arrears from the services
// the configuration names, each answer taken from the day's cache or asked for and cached. An answer that
// does not match the expected shape, or a service that does not answer after its retries, throws
// XRoadUnavailable: reading "no answer" as "no such person" would turn an outage into findings.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../platform/db/schema.ts';
import { tyiyn } from '../../domain/money.ts';
import { bishkekDay } from '../../domain/report-deadlines.ts';
import {
  ARREAR_KINDS,
  LEGAL_FORMS,
  type Answer,
  type ArrearRecord,
  type EntityRecord,
  type PersonRecord,
  type RegistryAnswers,
  type RegistryKind,
  type RegistryPort,
  type SnapshotRef,
} from '../core/registry.ts';
import type { XRoadClient } from './xroad-client.ts';
import { findAnswers, saveAnswer } from './xroad-answer.repository.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The answer shapes the adapter expects of each service (JSON, camelCase, money in tyiyn). */
export const personAnswerSchema = z.object({
  pin: z.string(),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable().default(null),
  birthDate: date,
  citizenship: z.string().regex(/^(?:[A-Z]{3}|STATELESS)$/),
  deathDate: date.nullable().default(null),
});
export const entityAnswerSchema = z.object({
  inn: z.string(),
  name: z.string(),
  legalForm: z.enum(LEGAL_FORMS),
  registeredOn: date,
  liquidatedOn: date.nullable().default(null),
  foreignSharePct: z.number().min(0).max(100),
  stateSharePct: z.number().min(0).max(100),
  hasTaxPreferences: z.boolean(),
  registeredCapital: z.number().int().min(0),
});
export const arrearsAnswerSchema = z.object({
  identifier: z.string(),
  arrears: z.array(z.object({ kind: z.enum(ARREAR_KINDS), amount: z.number().int().min(0), asOf: date })),
});

export class XRoadUnavailable extends Error {}

/** Which configured service answers which registry; a kind left out is not asked. */
export interface XRoadRegistryServices {
  persons?: string;
  entities?: string;
  arrears?: string;
}

export class XRoadRegistry implements RegistryPort {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly client: XRoadClient,
    private readonly services: XRoadRegistryServices,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async lookup(query: { pins: readonly string[]; inns: readonly string[] }): Promise<RegistryAnswers> {
    const day = bishkekDay(this.now());
    const pins = [...new Set(query.pins)];
    const inns = [...new Set(query.inns)];
    const persons = new Map<string, Answer<PersonRecord>>();
    const entities = new Map<string, Answer<EntityRecord>>();
    const arrears = new Map<string, Array<Answer<ArrearRecord>>>();
    const consulted: SnapshotRef[] = [];
    const { persons: ps, entities: es, arrears: as } = this.services;
    if (ps) {
      const snapshot = ref('persons', ps, day);
      consulted.push(snapshot);
      for (const [pin, body] of await this.ask(ps, pins, day)) {
        const p = parse(personAnswerSchema, body, ps);
        persons.set(pin, { record: { ...p, pin }, snapshot });
      }
    }
    if (es) {
      const snapshot = ref('entities', es, day);
      consulted.push(snapshot);
      for (const [inn, body] of await this.ask(es, inns, day)) {
        const e = parse(entityAnswerSchema, body, es);
        entities.set(inn, { record: { ...e, inn, registeredCapital: tyiyn(e.registeredCapital) }, snapshot });
      }
    }
    if (as) {
      const snapshot = ref('arrears', as, day);
      consulted.push(snapshot);
      for (const [id, body] of await this.ask(as, [...new Set([...pins, ...inns])], day)) {
        const a = parse(arrearsAnswerSchema, body, as);
        const list = a.arrears.map((x) => ({
          record: { identifier: id, kind: x.kind, amount: tyiyn(x.amount), asOf: x.asOf },
          snapshot,
        }));
        if (list.length > 0) arrears.set(id, list);
      }
    }
    return { persons, entities, arrears, stateBodies: new Map(), consulted };
  }

  /** The found answers for `keys`: today's cached ones, the rest asked for (a few at a time) and cached. */
  private async ask(service: string, keys: readonly string[], day: string): Promise<Map<string, unknown>> {
    const found = new Map<string, unknown>();
    const cached = await findAnswers(this.db, service, keys, day);
    for (const [key, row] of cached) if (row.outcome === 'found') found.set(key, JSON.parse(row.body_json ?? 'null'));
    const missing = keys.filter((k) => !cached.has(k));
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const key = missing[next++] ?? '';
        const r = await this.client.get(service, key);
        if (!r.ok) throw new XRoadUnavailable(r.error.map((p) => p.message).join('; '));
        await saveAnswer(this.db, {
          service,
          key,
          day,
          fetchedAt: this.now().toISOString(),
          requestId: r.value.requestId,
          outcome: r.value.outcome,
          body: r.value.outcome === 'found' ? r.value.body : null,
        });
        if (r.value.outcome === 'found') found.set(key, r.value.body);
      }
    };
    const n = Math.min(this.client.config.concurrency, missing.length);
    await Promise.all(Array.from({ length: n }, worker));
    return found;
  }
}

function ref(kind: RegistryKind, service: string, day: string): SnapshotRef {
  return { kind, id: `x-road:${service}:${day}`, source: 'x-road', asOf: day };
}

function parse<T>(schema: z.ZodType<T>, body: unknown, service: string): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new XRoadUnavailable(`${service}: unexpected answer: ${r.error.issues[0]?.message ?? ''}`);
  return r.data;
}
