// The finance sections other capabilities' pages embed: the election page and a party's page.
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { loadElectionFinanceView, loadPartyFinance } from '../finance.service.ts';
import { ElectionFinanceSection, PartyFinanceSection } from '../views/finance-sections.tsx';

export async function financeElectionSection(
  ctx: AppContext,
  electionId: string,
  locale: Locale,
): Promise<ComponentChildren> {
  const view = await loadElectionFinanceView(ctx, electionId);
  return view ? <ElectionFinanceSection view={view} locale={locale} /> : null;
}

export async function financePartySection(
  ctx: AppContext,
  electionId: string,
  reg: string,
  locale: Locale,
): Promise<ComponentChildren> {
  const found = await loadPartyFinance(ctx, electionId, reg);
  return found ? <PartyFinanceSection view={found.view} party={found.party} locale={locale} /> : null;
}
