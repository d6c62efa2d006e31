// Whether the donor a report names is who the registries say: the number exists, the name is the
// registry's name for it, a person was of age and alive on the donation day, an entity existed that day.
import { checkInn, checkPin } from '../../../domain/identity-numbers.ts';
import { entityNameMatches, personFullName, personNameMatches } from '../name-match.ts';
import type { RegistryKind } from '../registry.ts';
import { ART_41_3, ruleFacts, type Rule, type RuleContext } from '../rule.ts';
import { donorEntity, donorPerson, receiptRule } from './line-rule.ts';

const consulted = (ctx: RuleContext, kind: RegistryKind): boolean => ctx.answers.consulted.some((s) => s.kind === kind);

const snapshotsOf = (ctx: RuleContext, kinds: readonly RegistryKind[]) =>
  ctx.answers.consulted.filter((s) => kinds.includes(s.kind));

// A donor who cannot have given the money (dead, or an entity that did not exist that day) leaves whoever
// did unknown: the money goes to the budget, as an anonymous donation would.
const UNKNOWN_GIVER = { remedy: 'transfer_to_budget', article: ART_41_3 } as const;

export const donorNotFound: Rule = receiptRule(ruleFacts('donor.not_found', 'warning'), (r, ctx) => {
  // A PIN the civil registry answered for is found whether or not it is well-formed (a malformed one
  // would only lead on to the INN, which this receipt lacks): the usual case, without checking the PIN.
  if (r.donorPin !== undefined && r.donorInn === undefined && ctx.answers.persons.has(r.donorPin)) return undefined;
  // Only a well-formed number can be looked up; a malformed one is the filing validation's to refuse.
  if (r.donorPin !== undefined && checkPin(r.donorPin, ctx.input.today).status !== 'invalid') {
    if (!consulted(ctx, 'persons') || ctx.answers.persons.has(r.donorPin)) return undefined;
    return { numberKind: 'pin', searched: snapshotsOf(ctx, ['persons']) };
  }
  if (r.donorInn !== undefined && checkInn(r.donorInn).status === 'valid') {
    if (!consulted(ctx, 'entities') && !consulted(ctx, 'state-bodies')) return undefined;
    if (ctx.answers.entities.has(r.donorInn) || ctx.answers.stateBodies.has(r.donorInn)) return undefined;
    return { numberKind: 'inn', searched: snapshotsOf(ctx, ['entities', 'state-bodies']) };
  }
  return undefined;
});

export const donorNameMismatch: Rule = receiptRule(ruleFacts('donor.name_mismatch', 'warning'), (r, ctx) => {
  const person = donorPerson(r, ctx);
  if (person) {
    if (personNameMatches(r.donorName, person.record)) return undefined;
    return { reported: r.donorName, registryName: personFullName(person.record), snapshot: person.snapshot };
  }
  const entity = r.donorInn
    ? (ctx.answers.entities.get(r.donorInn) ?? ctx.answers.stateBodies.get(r.donorInn))
    : undefined;
  if (!entity || entityNameMatches(r.donorName, entity.record)) return undefined;
  return { reported: r.donorName, registryName: entity.record.name, snapshot: entity.snapshot };
});

/** The day a person born on `birthDate` turns `years`; 29 February falls on 1 March in other years. */
export function anniversary(birthDate: string, years: number): string {
  const year = String(Number(birthDate.slice(0, 4)) + years).padStart(4, '0');
  return `${year}${birthDate.slice(4)}`;
}

export const donorMinor: Rule = receiptRule(
  ruleFacts('donor.minor', 'error', { remedy: 'return_in_full' }),
  (r, ctx) => {
    const p = donorPerson(r, ctx);
    if (!p) return undefined;
    // Of age on the 18th birthday itself; string order is date order for ISO days ("…-02-29" < "…-03-01").
    const ofAge = anniversary(p.record.birthDate, 18);
    return r.date < ofAge ? { birthDate: p.record.birthDate, ofAgeOn: ofAge, snapshot: p.snapshot } : undefined;
  },
);

export const donorDeceased: Rule = receiptRule(ruleFacts('donor.deceased', 'error', UNKNOWN_GIVER), (r, ctx) => {
  const p = donorPerson(r, ctx);
  const died = p?.record.deathDate;
  return p && died && died < r.date ? { deathDate: died, snapshot: p.snapshot } : undefined;
});

export const donorEntityNotActive: Rule = receiptRule(
  ruleFacts('donor.entity_not_active', 'error', UNKNOWN_GIVER),
  (r, ctx) => {
    const e = donorEntity(r, ctx);
    if (!e) return undefined;
    const { registeredOn, liquidatedOn } = e.record;
    if (r.date < registeredOn) return { reason: 'not_yet_registered', registeredOn, snapshot: e.snapshot };
    if (liquidatedOn && r.date > liquidatedOn) return { reason: 'liquidated', liquidatedOn, snapshot: e.snapshot };
    return undefined;
  },
);

export const donorRules: readonly Rule[] = [
  donorNotFound,
  donorNameMismatch,
  donorMinor,
  donorDeceased,
  donorEntityNotActive,
];
