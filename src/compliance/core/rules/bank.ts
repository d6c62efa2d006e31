// The bank reconciliation's differences as findings: money the bank booked that no report shows, reported
// lines the bank never saw, and pairs whose amount or date disagree. The reconciliation itself belongs to
// the bank statements; here each difference becomes a finding with its transaction and line, so that the
// commission can review it and publish its cause, not just a difference.
import { tyiyn } from '../../../domain/money.ts';
import type { BankDifference, BankDifferenceKind, CampaignLines } from '../campaign.ts';
import { lineRef } from '../campaign.ts';
import { ART_41, type Rule, type RuleHit, type RuleInfo } from '../rule.ts';

const lineOf = (lines: CampaignLines, lineId: string) => {
  const receipt = lines.receipts.find((l) => l.lineId === lineId);
  if (receipt) return { ref: lineRef('R', lineId), line: receipt };
  const expenditure = lines.expenditures.find((l) => l.lineId === lineId);
  if (expenditure) return { ref: lineRef('E', lineId), line: expenditure };
  const refund = lines.refunds.find((l) => l.lineId === lineId);
  return refund ? { ref: lineRef('F', lineId), line: refund } : undefined;
};

function bankRule(kind: BankDifferenceKind, severity: RuleInfo['severity'], title: RuleInfo['title']): Rule {
  return {
    id: `bank.${kind}`,
    title,
    article: `${ART_41}(12)`,
    severity,
    check(ctx) {
      const hits: RuleHit[] = [];
      for (const d of ctx.input.bankDifferences ?? []) {
        if (d.kind !== kind) continue;
        hits.push(differenceHit(ctx.lines, d));
      }
      return hits;
    },
  };
}

function differenceHit(lines: CampaignLines, d: BankDifference): RuleHit {
  const found = d.lineId !== undefined ? lineOf(lines, d.lineId) : undefined;
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

export const bankUnreported = bankRule('unreported', 'error', {
  ky: 'Банк каттаган каражат отчётто көрсөтүлгөн эмес',
  ru: 'Операция по счёту не отражена в отчёте',
  en: 'Money booked by the bank but not reported',
});

export const bankUnsupported = bankRule('unsupported', 'warning', {
  ky: 'Отчёттогу сап банктын көчүрмөсүндө жок',
  ru: 'Строка отчёта не подтверждена банковской выпиской',
  en: 'Reported line the bank never booked',
});

export const bankAmountMismatch = bankRule('amount_mismatch', 'warning', {
  ky: 'Отчёт менен банктын суммасы дал келбейт',
  ru: 'Сумма в отчёте не совпадает с банком',
  en: 'Amount differs between the report and the bank',
});

export const bankDateMismatch = bankRule('date_mismatch', 'notice', {
  ky: 'Отчёт менен банктын датасы дал келбейт',
  ru: 'Дата в отчёте не совпадает с банком',
  en: 'Date differs between the report and the bank',
});

export const bankRules: readonly Rule[] = [bankUnreported, bankUnsupported, bankAmountMismatch, bankDateMismatch];
