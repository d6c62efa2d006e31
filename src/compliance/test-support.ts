// Helpers for the compliance tests: a context over a test database with a clock the test moves, an
// election with two parties, and findings written straight into the store (as the analysis would), so
// that the review and the publication can be tested without running the rules.
import type { Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import { loadConfig } from '../platform/config.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import type { Election, Party } from '../domain/election.ts';
import { tyiyn } from '../domain/money.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../elections/index.ts';
import { registerParty } from '../parties/index.ts';
import type { Finding } from './core/finding.ts';

export const REVIEW_ELECTION: Election = {
  id: 'review-2030',
  kind: 'parliamentary',
  name: { ky: 'Текшерүү шайлоосу 2030', ru: 'Выборы для проверки 2030', en: 'Review test election 2030' },
  electionDay: '2030-10-06',
  calledOn: '2030-07-01',
  campaignStart: '2030-09-05',
  campaignEnd: '2030-10-04',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'campaign',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

function party(reg: string, name: string): Party {
  return {
    registrationNumber: reg,
    name: { ky: name, ru: name, en: name },
    shortName: { ky: name, ru: name, en: name },
    leader: '',
    foundedOn: '2010-01-01',
    address: '',
    phone: '',
    website: '',
    logoBlobKey: null,
  };
}

export const REVIEW_PARTY_A = party('RV-001', 'Партия Ак-Суу');
export const REVIEW_PARTY_B = party('RV-002', 'Партия Кара-Суу');

/** A format-valid PIN that must never reach a public page or the API. */
export const SECRET_DONOR_PIN = '21503198500777';

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
}

export function testClock(start = '2030-09-20T06:00:00Z'): TestClock {
  let t = new Date(start);
  return {
    now: () => new Date((t = new Date(t.getTime() + 1))),
    set(iso) {
      t = new Date(iso);
    },
  };
}

/** A context over `db` (no blob store: the review keeps no files). */
export function reviewTestContext(db: Kysely<Database>, clock: TestClock = testClock()): AppContext {
  return {
    db,
    blobs: null as never,
    config: loadConfig({}),
    now: clock.now,
    events: new EventBus(),
    memo: new Memo(),
  };
}

/** The election and both parties, through the commission's services. */
export async function setupReviewElection(ctx: AppContext, election: Election = REVIEW_ELECTION): Promise<void> {
  await ensureBuiltInRulesProfiles(ctx);
  const e = await createElection(ctx, election, 'test');
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  for (const p of [REVIEW_PARTY_A, REVIEW_PARTY_B]) {
    const r = await registerParty(ctx, { electionId: election.id, party: p, ballotNumber: null }, 'test');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
}

let serial = 0;

/** A finding of a foreign citizen's donation, with the donor's PIN in it; `over` changes any field. */
export function sampleFinding(over: Partial<Finding> = {}): Finding {
  serial += 1;
  return {
    id: `f-test-${String(serial).padStart(4, '0')}`,
    rule: 'prohibited.foreign_citizen',
    severity: 'error',
    status: 'open',
    election: REVIEW_ELECTION.id,
    party: REVIEW_PARTY_A.registrationNumber,
    lineIds: ['R-7'],
    donor: { type: 'individual', name: 'Иванов Иван', identifier: SECRET_DONOR_PIN },
    amount: tyiyn(5_000_000),
    remedy: { kind: 'return_in_full', amount: tyiyn(5_000_000), deadline: '2030-09-25' },
    evidence: {
      article: 'Art. 41(3)',
      line: { report: 'interim', lineId: '7', date: '2030-09-15', amount: 5_000_000, channel: 'bank' },
      registry: {
        record: { pin: SECRET_DONOR_PIN, surname: 'Иванов', givenName: 'Иван', citizenship: 'KAZ' },
        snapshot: { kind: 'persons', id: '1', source: 'snapshot', asOf: '2030-09-01' },
      },
    },
    ...over,
  };
}

/** Writes findings into the store as the analysis would. */
export async function insertFindings(db: Kysely<Database>, findings: readonly Finding[]): Promise<void> {
  const at = '2030-09-16T06:00:00.000Z';
  for (const f of findings) {
    await db
      .insertInto('compliance_findings')
      .values({
        id: f.id,
        election_id: f.election,
        party_registration_number: f.party,
        rule: f.rule,
        severity: f.severity,
        status: f.status,
        line_ids_json: JSON.stringify(f.lineIds),
        donor_json: f.donor ? JSON.stringify(f.donor) : null,
        amount: f.amount ?? null,
        excess: f.excess ?? null,
        remedy_json: f.remedy ? JSON.stringify(f.remedy) : null,
        evidence_json: JSON.stringify(f.evidence),
        snapshot_ids_json: '["1"]',
        first_seen_run: 1,
        last_seen_run: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}
