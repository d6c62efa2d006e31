// Electoral fund accounts: the commission registers the account each party's bank opened for its
// electoral fund in an election (a current election the party stands in; one account number per
// election), with an activity record. Bank statements are taken only for registered accounts.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import type { Election } from '../domain/election.ts';
import { findElection, listElections } from '../elections/index.ts';
import { findParticipation } from '../parties/index.ts';
import { isCurrentElection, parseFundAccountInput } from './core/fund-account.ts';
import { FUND_CURRENCY } from './core/intake-checks.ts';
import { findAccountsByNumber, insertAccount, listAccounts, type FundAccount } from './account.repository.ts';

export async function registerAccount(ctx: AppContext, input: unknown, actor: string): Promise<Result<FundAccount>> {
  const parsed = parseFundAccountInput(input);
  if (!parsed.ok) return parsed;
  const a = parsed.value;
  if (a.currency !== FUND_CURRENCY) {
    // By law an electoral fund is kept in som; an account in another currency would never add up with the reports.
    return err([
      problem(
        'account.currency_not_kgs',
        `The account is in ${a.currency}; an electoral fund is kept only in ${FUND_CURRENCY} by law.`,
        { field: 'currency', params: { currency: a.currency, expected: FUND_CURRENCY } },
      ),
    ]);
  }
  const election = await findElection(ctx.db, a.electionId);
  if (!election)
    return err([
      problem('account.election_not_found', `There is no election "${a.electionId}".`, { field: 'electionId' }),
    ]);
  if (!isCurrentElection(election)) {
    return err([
      problem(
        'account.election_closed',
        `The election "${a.electionId}" is closed; no electoral fund account can be registered for it.`,
        { field: 'electionId' },
      ),
    ]);
  }
  if (!(await findParticipation(ctx.db, a.electionId, a.partyRegistrationNumber))) {
    return err([
      problem('account.party_not_in_election', `Party ${a.partyRegistrationNumber} does not stand in this election.`, {
        field: 'partyRegistrationNumber',
        params: { party: a.partyRegistrationNumber },
      }),
    ]);
  }
  const clash = (await findAccountsByNumber(ctx.db, a.accountNumber)).find((x) => x.electionId === a.electionId);
  if (clash) {
    return err([
      problem(
        'account.already_registered',
        `Account ${a.accountNumber} is already registered for this election (party ${clash.partyRegistrationNumber}, bank ${clash.bank}).`,
        {
          field: 'accountNumber',
          params: { account: a.accountNumber, party: clash.partyRegistrationNumber, bank: clash.bank },
        },
      ),
    ]);
  }
  const now = ctx.now().toISOString();
  const account = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertAccount(trx, { ...a, registeredBy: actor, registeredAt: now });
    await recordActivity(
      trx,
      {
        actor,
        action: 'fund_account.register',
        entityType: 'electoral_fund_account',
        entityId: String(row.id),
        after: row,
      },
      ctx.now(),
    );
    return row;
  });
  return ok(account);
}

/** The commission's register: every account, and the elections the form offers. */
export async function accountRegister(ctx: AppContext): Promise<{ accounts: FundAccount[]; elections: Election[] }> {
  return { accounts: await listAccounts(ctx.db), elections: await listElections(ctx.db) };
}
