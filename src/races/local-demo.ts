// The local demo (`talapker demo local`): a synthetic local council election day at the scale of the
// country's councils (400 municipalities, 40 parties, 2,000 party lists, 500 single-mandate candidates)
// for showing and measuring the races' pages. Kept out of the default demo on purpose: it is large, and
// loaded only when asked for.
//
// Written in one transaction with its activity records through the elections', parties' and races'
// repositories, or not at all; a database that already has the election is left as it is.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { electionSchema, partySchema, type Participation } from '../domain/election.ts';
import { findElection, findRulesProfileById, insertElection } from '../elections/index.ts';
import { insertParty, upsertParticipation } from '../parties/index.ts';
import { planLocalDemo, LOCAL_DEMO_SEED } from './core/local-demo-plan.ts';
import { findListedParties, insertDistrictLists } from './district-lists.repository.ts';
import { replaceDistrictCandidates, replaceDistricts } from './races.repository.ts';

const ACTOR = 'demo-loader';

export type LocalDemoOutcome =
  | { loaded: true; electionId: string; municipalities: number; parties: number; lists: number; candidates: number }
  | { loaded: false; electionId: string; reason: 'present' | 'no_rules_profile' };

/** Loads the local demo for the seed, unless its election is already there. */
export async function loadLocalDemo(ctx: AppContext, seed: number = LOCAL_DEMO_SEED): Promise<LocalDemoOutcome> {
  const plan = planLocalDemo(seed);
  // Parsed as any other election and party would be: the plan is code, but the tables trust only the schemas.
  const election = electionSchema.parse(plan.election);
  const parties = plan.parties.map((p) => partySchema.parse(p));
  if (!(await findRulesProfileById(ctx.db, election.rulesProfileId)))
    return { loaded: false, electionId: election.id, reason: 'no_rules_profile' };
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx): Promise<LocalDemoOutcome> => {
    // Asked inside the transaction, so that two loads at once cannot both write.
    if (await findElection(trx, election.id)) return { loaded: false, electionId: election.id, reason: 'present' };
    await insertElection(trx, election, at);
    await recordActivity(
      trx,
      {
        actor: ACTOR,
        action: 'election.create',
        entityType: 'election',
        entityId: election.id,
        before: null,
        after: election,
      },
      now,
    );
    // A party some earlier load left behind is taken as it is: its record is not the demo's to rewrite.
    const known = await findListedParties(
      trx,
      election.id,
      parties.map((p) => p.registrationNumber),
    );
    for (const party of parties) if (!known.has(party.registrationNumber)) await insertParty(trx, party, at);
    for (const party of parties) {
      const participation: Participation = {
        electionId: election.id,
        partyRegistrationNumber: party.registrationNumber,
        // A local election's ballots are drawn per council, not once for the country.
        ballotNumber: null,
        status: 'registered',
        statusDate: null,
        statusReason: '',
      };
      await upsertParticipation(trx, participation, at);
    }
    await replaceDistricts(trx, election.id, plan.districts);
    await insertDistrictLists(trx, election.id, plan.lists);
    await replaceDistrictCandidates(trx, election.id, plan.candidates, at);
    const after = {
      municipalities: plan.districts.length,
      parties: parties.length,
      lists: plan.lists.length,
      candidates: plan.candidates.length,
    };
    await recordActivity(
      trx,
      {
        actor: ACTOR,
        action: 'races.local_demo',
        entityType: 'election',
        entityId: election.id,
        before: null,
        after: { seed, ...after },
      },
      now,
    );
    return { loaded: true, electionId: election.id, ...after };
  });
}
