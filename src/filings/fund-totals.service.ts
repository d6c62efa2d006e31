// The money of the single-mandate candidates' funds in one district, for the district's page: each
// candidate beside the others, from the latest version of each of their fund's reports.
import type { AppContext } from '../platform/app-context.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import { candidateFullName, listCandidateFunds, type CandidateFund } from '../races/index.ts';
import { totalsByCandidateFund } from './filing-search.repository.ts';

export interface CandidateFundMoney {
  fund: CandidateFund;
  name: string;
  /** Reports counted (the latest version of each); 0 when the fund has filed none. */
  reports: number;
  receipts: Tyiyn;
  expenditures: Tyiyn;
  refunds: Tyiyn;
}

/** Every candidate of the district with their fund's totals, those who raised most first, then by name. */
export async function districtFundMoney(
  ctx: AppContext,
  electionId: string,
  districtCode: string,
): Promise<CandidateFundMoney[]> {
  const funds = await listCandidateFunds(ctx.db, { electionId, districtCode });
  const totals = await totalsByCandidateFund(
    ctx.db,
    electionId,
    funds.map((f) => f.fundNumber),
  );
  const byFund = new Map(totals.map((x) => [x.partyRegistrationNumber, x]));
  return funds
    .map((fund) => {
      const x = byFund.get(fund.fundNumber);
      return {
        fund,
        name: candidateFullName(fund),
        reports: x?.reports ?? 0,
        receipts: tyiyn(x?.receipts ?? 0),
        expenditures: tyiyn(x?.expenditures ?? 0),
        refunds: tyiyn(x?.refunds ?? 0),
      };
    })
    .sort((a, b) => b.receipts - a.receipts || a.name.localeCompare(b.name, 'ru'));
}
