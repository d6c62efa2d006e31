// The activity log of one election, read for the commission: every entry about the election itself
// and the records under it, in pages. Writes go through the capabilities' services, never through here.
import { sql, type Kysely } from 'kysely';
import type { ActivityRow, Database } from '../platform/db/schema.ts';
import { DRAW_ENTITY } from '../lottery/index.ts';

type Db = Kysely<Database>;

export interface ActivityPage {
  entries: ActivityRow[];
  /** The `before` of the next (older) page; null on the last page. */
  olderThan: number | null;
}

/**
 * The activity log of one election, newest first, in pages by id (keyset: stable while new entries
 * arrive). It covers what the services record about the election: the election itself, its
 * participations, candidate lists, candidates, programmes and lottery draws, and the records of
 * the parties taking part — a party record is shared between elections, so an entry about it may
 * come from another election's registration; it is shown because it changed what this one shows.
 */
export async function listElectionActivity(
  db: Db,
  electionId: string,
  opts: { before?: number; limit: number },
): Promise<ActivityPage> {
  // Ids are compared as text because activity_log.entity_id is text for every kind of entity.
  const idText = sql<string>`cast(id as text)`;
  const rows = await db
    .selectFrom('activity_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'election'), eb('entity_id', '=', electionId)]),
        // Election ids are [a-z0-9-], so they hold no LIKE wildcard.
        eb.and([
          eb('entity_type', 'in', ['participation', 'candidate-list', 'programme']),
          eb('entity_id', 'like', `${electionId}/%`),
        ]),
        eb.and([
          eb('entity_type', '=', 'candidate'),
          eb(
            'entity_id',
            'in',
            eb.selectFrom('candidates').select(idText.as('k')).where('election_id', '=', electionId),
          ),
        ]),
        eb.and([
          eb('entity_type', '=', DRAW_ENTITY),
          eb(
            'entity_id',
            'in',
            eb.selectFrom('lottery_draws').select(idText.as('k')).where('election_id', '=', electionId),
          ),
        ]),
        eb.and([
          eb('entity_type', '=', 'party'),
          eb(
            'entity_id',
            'in',
            eb.selectFrom('participations').select('party_registration_number').where('election_id', '=', electionId),
          ),
        ]),
      ]),
    )
    .$if(opts.before !== undefined, (qb) => qb.where('id', '<', opts.before ?? 0))
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  const entries = rows.slice(0, opts.limit);
  const last = entries[entries.length - 1];
  return { entries, olderThan: rows.length > opts.limit && last ? Number(last.id) : null };
}
