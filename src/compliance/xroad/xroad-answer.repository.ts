// The dated cache of X-Road answers: one row per service, number and day. An answer is reused for the
// rest of the day it was given on, so re-running an analysis asks the registries nothing new, and a
// finding can name the dated answer it used (`x-road:<service>:<day>`).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { XroadAnswerRow } from '../../platform/db/tables/compliance.tables.ts';

export async function findAnswers(
  db: Kysely<Database>,
  service: string,
  keys: readonly string[],
  day: string,
): Promise<Map<string, XroadAnswerRow>> {
  const out = new Map<string, XroadAnswerRow>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await db
      .selectFrom('xroad_answers')
      .selectAll()
      .where('service', '=', service)
      .where('answered_on', '=', day)
      .where('query_key', 'in', keys.slice(i, i + 5000))
      .execute();
    for (const r of rows) out.set(r.query_key, r);
  }
  return out;
}

export interface NewAnswer {
  service: string;
  key: string;
  day: string;
  fetchedAt: string;
  requestId: string;
  outcome: 'found' | 'not_found';
  body: unknown;
}

/** Keeps the first answer of the day: two instances asking at once store one. */
export async function saveAnswer(db: Kysely<Database>, a: NewAnswer): Promise<void> {
  await db
    .insertInto('xroad_answers')
    .values({
      service: a.service,
      query_key: a.key,
      answered_on: a.day,
      fetched_at: a.fetchedAt,
      request_id: a.requestId,
      outcome: a.outcome,
      body_json: a.outcome === 'found' ? JSON.stringify(a.body) : null,
    })
    .onConflict((oc) => oc.columns(['service', 'query_key', 'answered_on']).doNothing())
    .execute();
}
