// The bank reconciliation's differences as findings: money the bank booked that no report shows, reported
// lines the bank never saw, and pairs whose amount or date disagree. The reconciliation itself belongs to
// the bank statements; here each difference becomes a finding with its transaction and line, so that the
// commission can review it and publish its cause, not just a difference.
import { tyiyn } from '../../../domain/money.ts';
import type { BankDifference, BankDifferenceKind, CampaignLines } from '../campaign.ts';
import { lineRef } from '../campaign.ts';
import { ART_41_12, ruleTitle, type Rule, type RuleHit, type RuleInfo } from '../rule.ts';

type ReportLine =
  CampaignLines['receipts'][number] | CampaignLines['expenditures'][number] | CampaignLines['refunds'][number];
type LineIndex = Map<string, { ref: string; line: ReportLine }>;

/** Report lines by lineId, built once per run: a receipt's id wins over an expenditure's or a refund's. */
function lineIndex(lines: CampaignLines): LineIndex {
  const m: LineIndex = new Map();
  const put = (section: 'R' | 'E' | 'F', xs: readonly ReportLine[]) => {
    for (const line of xs) if (!m.has(line.lineId)) m.set(line.lineId, { ref: lineRef(section, line.lineId), line });
  };
  put('R', lines.receipts);
  put('E', lines.expenditures);
  put('F', lines.refunds);
  return m;
}

function bankRule(kind: BankDifferenceKind, severity: RuleInfo['severity']): Rule {
  return {
    id: `bank.${kind}`,
    title: ruleTitle(`bank.${kind}`),
    article: ART_41_12,
    severity,
    check(ctx) {
      const differences = (ctx.input.bankDifferences ?? []).filter((d) => d.kind === kind);
      if (differences.length === 0) return [];
      const index = lineIndex(ctx.lines);
      return differences.map((d) => differenceHit(index, d));
    },
  };
}

function differenceHit(index: LineIndex, d: BankDifference): RuleHit {
  const found = d.lineId !== undefined ? index.get(d.lineId) : undefined;
  const amount = d.transaction ? tyiyn(Math.abs(d.transaction.amount)) : found?.line.amount;
  return {
    subject: `bank:${d.transaction ? `tx:${d.transaction.id}` : `line:${d.lineId ?? ''}`}`,
    lineIds: found ? [found.ref] : d.lineId ? [d.lineId] : [],
    ...(amount !== undefined ? { amount } : {}),
    evidence: {
      ...(d.transaction ? { transaction: d.transaction } : {}),
      ...(found ? { line: found.line } : {}),
      ...(d.amountDifference !== undefined ? { amountDifference: d.amountDifference } : {}),
      ...(d.daysApart !== undefined ? { daysApart: d.daysApart } : {}),
      ...(d.cause ? { cause: d.cause } : {}),
    },
  };
}

export const bankUnreported = bankRule('unreported', 'error');

export const bankUnsupported = bankRule('unsupported', 'warning');

export const bankAmountMismatch = bankRule('amount_mismatch', 'warning');

export const bankDateMismatch = bankRule('date_mismatch', 'notice');

export const bankRules: readonly Rule[] = [bankUnreported, bankUnsupported, bankAmountMismatch, bankDateMismatch];
