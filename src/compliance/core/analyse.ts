// The analysis of one party's campaign in one election: every rule over the lines that count, turned
// into findings with stable ids, the remedy the law sets (its amount and deadline from the rules
// profile) and whether a refund or transfer recorded anywhere in the campaign already covers it.
// Pure and deterministic: the same reports, answers and profile give the same findings, ids included,
// so a store can tell new findings from old ones and mark the ones that disappeared as resolved.
import { createHash } from 'node:crypto';
import { addDays } from '../../domain/report-deadlines.ts';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import { add, type Tyiyn } from '../../domain/money.ts';
import type { RefundKind } from '../../filings/index.ts';
import {
  campaignLines,
  type CampaignInput,
  type CampaignLines,
  receiptKey,
  receiptsByLineId,
  refundedReceipt,
} from './campaign.ts';
import type { AnalysedFinding, Remedy, RemedyKind } from './finding.ts';
import type { RegistryAnswers } from './registry.ts';
import type { Rule, RuleContext, RuleHit } from './rule.ts';
import { RULES } from './rules/index.ts';

/** A finding's id: the same rule, election, party and subject give the same id on every run. */
export function findingId(rule: string, election: string, party: string, subject: string): string {
  const digest = createHash('sha256').update([rule, election, party, subject].join('\u0000')).digest('hex');
  return `f-${digest.slice(0, 24)}`;
}

/** Which way the money must leave the fund for each remedy. */
const REMEDY_REFUND_KIND: Record<RemedyKind, RefundKind> = {
  return_in_full: 'returned_to_donor',
  return_excess: 'returned_to_donor',
  transfer_to_budget: 'transferred_to_budget',
  transfer_to_budget_or_social_fund: 'transferred_to_budget',
};

/** What the campaign refunded or transferred, per receipt (`receiptKey`) and kind. */
export type RecordedRemedies = Map<string, Map<RefundKind, Tyiyn>>;

export function recordedRemedies(lines: CampaignLines): RecordedRemedies {
  const out: RecordedRemedies = new Map();
  const byLineId = receiptsByLineId(lines.receipts);
  for (const f of lines.refunds) {
    const receipt = refundedReceipt(f, byLineId);
    if (!receipt) continue;
    const key = receiptKey(receipt);
    const byKind = out.get(key) ?? new Map<RefundKind, Tyiyn>();
    byKind.set(f.kind, add(byKind.get(f.kind) ?? (0 as Tyiyn), f.amount));
    out.set(key, byKind);
  }
  return out;
}

function remedyOf(rule: Rule, hit: RuleHit, profile: RulesProfile): Remedy | undefined {
  if (!rule.remedy || hit.remedyAmount === undefined || hit.remedyFrom === undefined) return undefined;
  const toBudget = rule.remedy === 'transfer_to_budget' || rule.remedy === 'transfer_to_budget_or_social_fund';
  const days = toBudget
    ? (profile.finance.budgetTransferDeadlineDays ?? profile.finance.refundDeadlineDays)
    : profile.finance.refundDeadlineDays;
  return { kind: rule.remedy, amount: hit.remedyAmount, deadline: addDays(hit.remedyFrom, days) };
}

function isRemedied(remedy: Remedy | undefined, hit: RuleHit, recorded: RecordedRemedies): boolean {
  if (!remedy) return false;
  const kind = REMEDY_REFUND_KIND[remedy.kind];
  let covered = 0;
  for (const key of hit.remedyReceipts ?? []) covered += recorded.get(key)?.get(kind) ?? 0;
  return covered >= remedy.amount;
}

function toFinding(rule: Rule, hit: RuleHit, ctx: RuleContext, recorded: RecordedRemedies): AnalysedFinding {
  const { election, party } = ctx.input;
  const remedy = remedyOf(rule, hit, ctx.profile);
  return {
    id: findingId(rule.id, election, party, hit.subject),
    rule: rule.id,
    severity: rule.severity,
    election,
    party,
    lineIds: hit.lineIds,
    ...(hit.donor ? { donor: hit.donor } : {}),
    ...(hit.amount !== undefined ? { amount: hit.amount } : {}),
    ...(hit.excess !== undefined ? { excess: hit.excess } : {}),
    ...(remedy ? { remedy } : {}),
    remedied: isRemedied(remedy, hit, recorded),
    evidence: { article: rule.article, ...hit.evidence },
  };
}

/**
 * Every finding of every rule for one campaign. `input.reports` holds all versions of all its reports,
 * oldest first; `answers` is what the registries said about the numbers `registryQuery` lists. `lines`
 * is `campaignLines(input.reports)` when the caller already made it for `registryQuery`.
 */
export function analyseCampaign(
  input: CampaignInput,
  answers: RegistryAnswers,
  profile: RulesProfile,
  rules: readonly Rule[] = RULES,
  lines: CampaignLines = campaignLines(input.reports),
): AnalysedFinding[] {
  const ctx: RuleContext = { input, lines, answers, profile };
  const recorded = recordedRemedies(ctx.lines);
  const findings: AnalysedFinding[] = [];
  const ids = new Set<string>();
  for (const rule of rules) {
    for (const hit of rule.check(ctx)) {
      const f = toFinding(rule, hit, ctx, recorded);
      // Two hits on one subject would be one finding twice (e.g. a line repeated in a report): keep the first.
      if (ids.has(f.id)) continue;
      ids.add(f.id);
      findings.push(f);
    }
  }
  return findings;
}

/**
 * The identity numbers a campaign needs the registries to answer for: donors' PINs and INNs, and payees'
 * INNs (for the new-payee notice). Sorted and unique, so that a store can batch and cache the lookups.
 */
export function registryQuery(
  input: Pick<CampaignInput, 'reports'>,
  lines: CampaignLines = campaignLines(input.reports),
): { pins: string[]; inns: string[] } {
  const pins = new Set<string>();
  const inns = new Set<string>();
  for (const r of lines.receipts) {
    if (r.donorPin) pins.add(r.donorPin);
    if (r.donorInn) inns.add(r.donorInn);
  }
  for (const e of lines.expenditures) if (e.payeeInn) inns.add(e.payeeInn);
  return { pins: [...pins].sort(), inns: [...inns].sort() };
}
