// A finding: what one rule found in one party's campaign, with the evidence and the remedy the law
// sets. Ids are stable (derived from the rule, the election, the party and what the finding is about),
// so re-running over the same data gives the same findings, and a finding whose cause disappears can be
// marked resolved instead of deleted.
import type { Tyiyn } from '../../domain/money.ts';

export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * open → confirmed | dismissed by an analyst; remedied when a refund or transfer covering the remedy is
 * recorded in any report of the campaign; resolved when the cause disappeared (an amendment fixed it).
 */
export const FINDING_STATUSES = ['open', 'confirmed', 'dismissed', 'remedied', 'resolved'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const REMEDY_KINDS = [
  /** Prohibited source: the whole donation goes back to the donor. */
  'return_in_full',
  /** Over a cap: only the excess goes back. */
  'return_excess',
  /** Anonymous: transferred to the republican budget. */
  'transfer_to_budget',
  /** Debtor: transferred to the budget or the Social Fund. */
  'transfer_to_budget_or_social_fund',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

export interface Remedy {
  kind: RemedyKind;
  amount: Tyiyn;
  /** YYYY-MM-DD, from the rules profile's refund deadline. */
  deadline: string;
}

export type DonorKind = 'individual' | 'legal_entity' | 'party_own_funds' | 'candidate_own_funds' | 'other';

/** What one run of the rules found, before any review: `remedied` when the remedy is already recorded. */
export interface AnalysedFinding {
  id: string;
  rule: string;
  severity: Severity;
  election: string;
  party: string;
  /** The report lines concerned, as `R-<lineId>` (receipts), `E-…` (expenditures), `F-…` (refunds). */
  lineIds: string[];
  donor?: { type: DonorKind; name: string; identifier?: string };
  amount?: Tyiyn;
  excess?: Tyiyn;
  remedy?: Remedy;
  remedied: boolean;
  /** Why: the lines, the registry record as of its snapshot, the computation. JSON-safe. */
  evidence: Record<string, unknown>;
}

/** A finding as the store keeps it, with its review state. */
export interface Finding extends Omit<AnalysedFinding, 'remedied'> {
  status: FindingStatus;
}
