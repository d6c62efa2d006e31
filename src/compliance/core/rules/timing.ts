// When and how money came in: not before the electoral fund's account was opened, not after election
// day, and by bank transfer only where the profile says cash is not allowed (2021: all settlements go
// through the fund's account, domain notes §1).
import { ruleFacts, type Rule } from '../rule.ts';
import { receiptRule } from './line-rule.ts';

export const beforeFundOpened: Rule = receiptRule(ruleFacts('timing.before_fund_opened', 'warning'), (r, ctx) => {
  const opened = ctx.input.fundOpenedOn;
  return opened && r.date < opened ? { fundOpenedOn: opened } : undefined;
});

export const afterElectionDay: Rule = receiptRule(
  ruleFacts('timing.after_election_day', 'warning', { remedy: 'return_in_full' }),
  (r, ctx) => {
    // The party's own money may still come in to settle the campaign's bills; donations may not.
    if (r.donorType === 'party_own_funds' || r.donorType === 'candidate_own_funds') return undefined;
    return r.date > ctx.input.electionDay ? { electionDay: ctx.input.electionDay } : undefined;
  },
);

export const cashNotAllowed: Rule = receiptRule(ruleFacts('channel.cash_not_allowed', 'error'), (r, ctx) =>
  !ctx.profile.finance.cashAllowed && r.channel === 'cash' ? { channel: r.channel } : undefined,
);

export const timingRules: readonly Rule[] = [beforeFundOpened, afterElectionDay, cashNotAllowed];
