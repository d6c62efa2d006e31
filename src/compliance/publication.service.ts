// What the public learns of the findings, and the commission's decision on it. Per election the
// commission decides to publish the findings it confirmed (with their remedy and its state) and the
// statistics per rule; each decision is appended with an activity record, the newest in force. Before
// any decision to publish, the public side shows nothing at all; after it, only findings the commission
// confirmed, in the public shape (no individual's identity number, no address, anywhere).
import { logPublicationDecision } from './publication.log.ts';
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { problem, type Result } from '../platform/result.ts';
import type { Tyiyn } from '../domain/money.ts';
import { getElection } from '../elections/index.ts';
import { publicFinding, type PublicFinding } from './core/public-finding.ts';
import { isConfirmedByCommission } from './core/review-transitions.ts';
import { listReviewEvents } from './review.repository.ts';
import {
  insertPublicationDecision,
  latestPublicationDecision,
  listPublicationDecisions,
  publishableCandidates,
  type PublicationDecision,
} from './publication.repository.ts';

export interface PublicationChoice {
  publishFindings: boolean;
  publishStatistics: boolean;
}

/** Records the commission's decision for an election (a new row; the older ones stay as history). */
export async function decidePublication(
  ctx: AppContext,
  electionId: string,
  choice: PublicationChoice,
  actor: string,
): Promise<Result<PublicationDecision>> {
  if (!(await getElection(ctx, electionId)))
    return { ok: false, error: [problem('publication.no_election', 'There is no such election.')] };
  const now = ctx.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await latestPublicationDecision(trx, electionId);
    const decision = { electionId, ...choice, rules: null, actor, at };
    await insertPublicationDecision(trx, decision);
    await recordActivity(
      trx,
      {
        actor,
        action: 'findings.publication',
        entityType: 'election',
        entityId: electionId,
        before: before
          ? { publishFindings: before.publishFindings, publishStatistics: before.publishStatistics }
          : { publishFindings: false, publishStatistics: false },
        after: choice,
      },
      now,
    );
    await logPublicationDecision(trx, electionId);
  });
  const saved = await latestPublicationDecision(ctx.db, electionId);
  if (!saved) throw new Error('publication decision vanished');
  return { ok: true, value: saved };
}

export function publicationHistory(ctx: AppContext, electionId: string): Promise<PublicationDecision[]> {
  return listPublicationDecisions(ctx.db, electionId);
}

/** The findings of one rule as the public statistics count them. */
export interface RuleStatistic {
  rule: string;
  findings: number;
  remedied: number;
  /** Money the findings concern, in tyiyn. */
  amount: Tyiyn;
  /** Money the remedies concern, in tyiyn. */
  remedyAmount: Tyiyn;
}

export interface PublishedFindings {
  decision: PublicationDecision;
  /** Empty unless the decision publishes findings. */
  findings: PublicFinding[];
  /** Null unless the decision publishes statistics. */
  statistics: RuleStatistic[] | null;
}

/** The findings of an election the commission confirmed, in the public shape. */
async function confirmedFindings(ctx: AppContext, electionId: string, party?: string): Promise<PublicFinding[]> {
  const candidates = await publishableCandidates(ctx.db, electionId, party);
  const remedied = candidates.filter((f) => f.status === 'remedied').map((f) => f.id);
  const events = await listReviewEvents(ctx.db, remedied);
  return candidates
    .filter((f) =>
      isConfirmedByCommission(
        f.status,
        events.filter((e) => e.findingId === f.id),
      ),
    )
    .map(publicFinding);
}

export function ruleStatistics(findings: readonly PublicFinding[]): RuleStatistic[] {
  const byRule = new Map<string, RuleStatistic>();
  for (const f of findings) {
    const s = byRule.get(f.rule) ?? {
      rule: f.rule,
      findings: 0,
      remedied: 0,
      amount: 0 as Tyiyn,
      remedyAmount: 0 as Tyiyn,
    };
    s.findings += 1;
    if (f.status === 'remedied') s.remedied += 1;
    s.amount = (s.amount + (f.amount ?? 0)) as Tyiyn;
    s.remedyAmount = (s.remedyAmount + (f.remedy?.amount ?? 0)) as Tyiyn;
    byRule.set(f.rule, s);
  }
  return [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}

/**
 * What the public may see of an election's findings (of one party, when given): undefined when the
 * commission has published nothing, so that the pages and the API show nothing at all.
 */
export async function loadPublishedFindings(
  ctx: AppContext,
  electionId: string,
  party?: string,
): Promise<PublishedFindings | undefined> {
  const decision = await latestPublicationDecision(ctx.db, electionId);
  if (!decision || (!decision.publishFindings && !decision.publishStatistics)) return undefined;
  const all = await confirmedFindings(ctx, electionId, party);
  const inRules = decision.rules === null ? all : all.filter((f) => decision.rules?.includes(f.rule));
  return {
    decision,
    findings: decision.publishFindings ? inRules : [],
    statistics: decision.publishStatistics ? ruleStatistics(inRules) : null,
  };
}
