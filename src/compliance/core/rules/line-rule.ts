// The shape most rules share: look at each receipt of the campaign on its own, and say why it breaks the
// rule. The hit names the line, the donor, the whole amount (the remedy of a prohibited source concerns
// all of it) and the evidence, with the registry record as of its snapshot.
import type { CampaignReceipt } from '../campaign.ts';
import { lineRef, receiptKey } from '../campaign.ts';
import type { Answer, EntityRecord, PersonRecord } from '../registry.ts';
import type { Rule, RuleContext, RuleHit, RuleInfo } from '../rule.ts';

/** The identity number a receipt carries for its donor, if any. */
export const identifierOf = (r: CampaignReceipt): string | undefined => r.donorPin ?? r.donorInn;

/** The civil registry's record of the receipt's donor, when the receipt names a PIN the registry knows. */
export const donorPerson = (r: CampaignReceipt, ctx: RuleContext): Answer<PersonRecord> | undefined =>
  r.donorPin ? ctx.answers.persons.get(r.donorPin) : undefined;

/** The legal-entity registry's record of the receipt's donor, when the receipt names an INN it knows. */
export const donorEntity = (r: CampaignReceipt, ctx: RuleContext): Answer<EntityRecord> | undefined =>
  r.donorInn ? ctx.answers.entities.get(r.donorInn) : undefined;

export function lineHit(r: CampaignReceipt, evidence: Record<string, unknown>): RuleHit {
  const identifier = identifierOf(r);
  return {
    subject: `line:${receiptKey(r)}`,
    lineIds: [lineRef('R', r.lineId)],
    donor: { type: r.donorType, name: r.donorName, ...(identifier ? { identifier } : {}) },
    amount: r.amount,
    remedyAmount: r.amount,
    remedyFrom: r.date,
    remedyReceipts: [receiptKey(r)],
    evidence: {
      line: { report: r.report, lineId: r.lineId, date: r.date, amount: r.amount, channel: r.channel },
      ...evidence,
    },
  };
}

/** A rule that judges each receipt on its own: `why` returns the evidence when the receipt breaks it. */
export function receiptRule(
  info: RuleInfo,
  why: (r: CampaignReceipt, ctx: RuleContext) => Record<string, unknown> | undefined,
): Rule {
  return {
    ...info,
    check(ctx) {
      const hits: RuleHit[] = [];
      for (const r of ctx.lines.receipts) {
        const evidence = why(r, ctx);
        if (evidence) hits.push(lineHit(r, evidence));
      }
      return hits;
    },
  };
}
