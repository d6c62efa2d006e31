// The finance sections other pages carry: money by party on the election page, a party's totals and a
// link to its reports on the party's page, the candidates' funds on a district's page (latest versions only).
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { loadElectionFinance, loadPartyFinance } from '../public-report.service.ts';
import { FinanceElectionSection, FinancePartySection } from '../views/finance-sections.tsx';
import { districtFundMoney } from '../fund-totals.service.ts';
import { DistrictFundsSection } from '../views/district-funds.section.tsx';

/** For the election page: money received and spent by party, latest versions only. */
export async function filingElectionSection(
  ctx: AppContext,
  electionId: string,
  locale: Locale,
): Promise<ComponentChildren> {
  const rows = await loadElectionFinance(ctx, electionId);
  return <FinanceElectionSection locale={locale} electionId={electionId} rows={rows} />;
}

/** For a party's page: the party's totals and a link to its reports. */
export async function filingPartySection(
  ctx: AppContext,
  electionId: string,
  reg: string,
  locale: Locale,
): Promise<ComponentChildren> {
  const totals = await loadPartyFinance(ctx, electionId, reg);
  return (
    <FinancePartySection
      locale={locale}
      electionId={electionId}
      reg={reg}
      totals={totals}
      reports={totals?.reports ?? 0}
    />
  );
}

/** For a district's page: the money of each single-mandate candidate's fund, side by side; none without candidates. */
export async function filingDistrictSection(
  ctx: AppContext,
  electionId: string,
  districtCode: string,
  locale: Locale,
): Promise<ComponentChildren> {
  const rows = await districtFundMoney(ctx, electionId, districtCode);
  if (rows.length === 0) return null;
  return <DistrictFundsSection locale={locale} electionId={electionId} rows={rows} />;
}
