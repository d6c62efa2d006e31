// The prohibited sources of Art. 41(3), one rule per row of the law's table (domain notes §2), each
// checked against the registry that can tell: the civil registry (citizenship), the legal-entity registry
// (legal form, foreign and state shares, tax preferences), the list of state bodies, and tax and Social
// Fund arrears. The remedy is the law's: a prohibited donation goes back in full, an anonymous one to the
// budget, a debtor's to the budget or the Social Fund.
import { compareDays } from '../campaign.ts';
import type { Answer, ArrearRecord, EntityRecord, LegalForm, StateBodyKind } from '../registry.ts';
import { ART_41_3, ruleTitle, type Rule, type RuleInfo } from '../rule.ts';
import { donorEntity, donorPerson, receiptRule } from './line-rule.ts';

const prohibited = (id: string, row: number, remedy: RuleInfo['remedy'] = 'return_in_full'): RuleInfo => ({
  id: `prohibited.${id}`,
  title: ruleTitle(`prohibited.${id}`),
  article: `${ART_41_3}, item ${row}`,
  severity: 'error',
  remedy,
});

const evidenceOf = <T>(a: Answer<T>) => ({ registry: { record: a.record, snapshot: a.snapshot } });

/** A rule on the legal-entity registry: the donor's entity is of a prohibited kind. */
function entityRule(info: RuleInfo, test: (e: EntityRecord) => boolean): Rule {
  return receiptRule(info, (r, ctx) => {
    const e = donorEntity(r, ctx);
    return e && test(e.record) ? evidenceOf(e) : undefined;
  });
}

/** A rule on the list of state bodies: the donor's INN is a state body of one of these kinds. */
function stateBodyRule(info: RuleInfo, kinds: readonly StateBodyKind[]): Rule {
  return receiptRule(info, (r, ctx) => {
    const b = r.donorInn ? ctx.answers.stateBodies.get(r.donorInn) : undefined;
    return b && kinds.includes(b.record.kind) ? evidenceOf(b) : undefined;
  });
}

/** A rule on the civil registry: the donor's citizenship. */
function citizenshipRule(info: RuleInfo, test: (citizenship: string) => boolean): Rule {
  return receiptRule(info, (r, ctx) => {
    const p = donorPerson(r, ctx);
    return p && test(p.record.citizenship.toUpperCase()) ? evidenceOf(p) : undefined;
  });
}

const FOREIGN_FORMS: readonly LegalForm[] = ['foreign_entity', 'foreign_branch'];
const STATE_FORMS: readonly LegalForm[] = [
  'state_enterprise',
  'municipal_enterprise',
  'state_institution',
  'municipal_institution',
];

export const foreignStateOrEntity = entityRule(prohibited('foreign_state_or_entity', 1), (e) =>
  FOREIGN_FORMS.includes(e.legalForm),
);

export const foreignCitizen = citizenshipRule(
  prohibited('foreign_citizen', 2),
  (c) => c !== 'KGZ' && c !== 'STATELESS',
);

export const internationalOrg = entityRule(prohibited('international_org', 3), (e) => e.legalForm === 'international');

export const foreignParticipation = entityRule(
  prohibited('foreign_participation', 4),
  // Foreign entities and international organisations are items 1 and 3; any foreign share makes item 4.
  (e) => e.foreignSharePct > 0 && !FOREIGN_FORMS.includes(e.legalForm) && e.legalForm !== 'international',
);

export const stateless = citizenshipRule(prohibited('stateless', 5), (c) => c === 'STATELESS');

export const stateBody = stateBodyRule(prohibited('state_body', 6), ['state_body', 'local_government']);

export const stateInstitution = entityRule(prohibited('state_institution', 7), (e) =>
  STATE_FORMS.includes(e.legalForm),
);

export const stateShareWithPreferences = entityRule(
  prohibited('state_share_with_preferences', 8),
  // Both together: a state share alone, or tax preferences alone, are allowed.
  (e) => e.stateSharePct > 0 && e.hasTaxPreferences && !STATE_FORMS.includes(e.legalForm),
);

export const militaryUnit = stateBodyRule(prohibited('military_unit', 9), ['military_unit']);

export const lawEnforcementOrCourt = stateBodyRule(prohibited('law_enforcement_or_court', 10), [
  'law_enforcement',
  'court',
]);

export const charity = entityRule(prohibited('charity', 11), (e) => e.legalForm === 'charity');

export const religious = entityRule(prohibited('religious', 12), (e) => e.legalForm === 'religious');

const ANONYMOUS_NAME = /аноним|anonym|белгисиз|неизвест|unknown|не указан/iu;
const IDENTIFIED_TYPES = new Set(['individual', 'legal_entity']);

export const anonymous = receiptRule(prohibited('anonymous', 13, 'transfer_to_budget'), (r) => {
  const identifiable = r.donorPin !== undefined || r.donorInn !== undefined;
  if (ANONYMOUS_NAME.test(r.donorName)) return { reason: 'donor_not_named' };
  if (!IDENTIFIED_TYPES.has(r.donorType)) return undefined;
  if (!identifiable) return { reason: 'no_identity_number' };
  // A donation through a channel that carries no sender (a terminal, a third party) cannot be
  // traced to the donor the report names.
  if (r.channel === 'other') return { reason: 'channel_cannot_identify' };
  return undefined;
});

/**
 * The arrears record that speaks for the donation day: the latest on or before it; failing that, the
 * earliest after it (a snapshot is usually taken after the donations), which the evidence says.
 */
export function arrearsOnDay(
  records: ReadonlyArray<Answer<ArrearRecord>>,
  day: string,
): Array<Answer<ArrearRecord> & { after: boolean }> {
  const out: Array<Answer<ArrearRecord> & { after: boolean }> = [];
  for (const kind of ['tax', 'social_fund'] as const) {
    const ofKind = records
      .filter((a) => a.record.kind === kind)
      .sort((a, b) => compareDays(a.record.asOf, b.record.asOf));
    const before = ofKind.filter((a) => a.record.asOf <= day).pop();
    const chosen = before ?? ofKind.find((a) => a.record.asOf > day);
    if (chosen) out.push({ ...chosen, after: before === undefined });
  }
  return out;
}

export const debtor = receiptRule(prohibited('debtor', 14, 'transfer_to_budget_or_social_fund'), (r, ctx) => {
  const id = r.donorInn ?? r.donorPin;
  const records = id ? ctx.answers.arrears.get(id) : undefined;
  if (!records) return undefined;
  const owing = arrearsOnDay(records, r.date).filter((a) => a.record.amount > 0);
  if (owing.length === 0) return undefined;
  return {
    arrears: owing.map((a) => ({ record: a.record, snapshot: a.snapshot, recordedAfterDonation: a.after })),
  };
});

export const prohibitedRules: readonly Rule[] = [
  foreignStateOrEntity,
  foreignCitizen,
  internationalOrg,
  foreignParticipation,
  stateless,
  stateBody,
  stateInstitution,
  stateShareWithPreferences,
  militaryUnit,
  lawEnforcementOrCourt,
  charity,
  religious,
  anonymous,
  debtor,
];
