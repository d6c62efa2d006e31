// The preliminary automated check of an annual report: the compliance capability's donation rules that
// hold outside campaigns too — the prohibited sources of Art. 41(3) (foreign, anonymous, state bodies,
// charities, religious organisations, debtors…) and whether the donor is who the registries say (exists,
// of age, alive, an active entity). Not the caps, timing, channel, report and bank rules: they measure an
// electoral fund against an election's calendar and its own bank account, which a party's year does not
// have.
//
// The rules read a campaign; `asCampaign` presents the year's donations as one report of kind `annual`
// under the key `annual-<year>`, so a finding's id (rule, key, party, line) is stable across amendments
// of the same year, as it is for a campaign's reports.
import { builtInRulesProfiles, type RulesProfile } from '../../domain/rules-profile.ts';
import { ZERO } from '../../domain/money.ts';
import {
  analyseCampaign,
  campaignLines,
  publicFinding,
  registryQuery,
  RULES,
  type AnalysedFinding,
  type CampaignInput,
  type PublicFinding,
  type RegistryAnswers,
  type Rule,
} from '../../compliance/index.ts';
import { FILING_FORMAT, type Filing, type Receipt } from '../../filings/index.ts';
import type { AnnualReport } from './annual-report.ts';
import { ANNUAL_REPORT_RULES, type AnnualReportRules } from './annual-rules.ts';

/** The rules that apply to a party's money outside campaigns, by the families of their ids. */
export const ANNUAL_RULES: readonly Rule[] = RULES.filter(
  (r) => r.id.startsWith('prohibited.') || r.id.startsWith('donor.'),
);

/** The key the year's findings are filed under, where a campaign's carry its election id. */
export const annualKey = (year: number): string => `annual-${year}`;

function receiptOf(d: AnnualReport['receipts']['donations'][number]): Receipt {
  return {
    lineId: d.lineId,
    date: d.date,
    donorType: d.donorType,
    donorName: d.donorName,
    ...(d.donorPin !== undefined ? { donorPin: d.donorPin } : {}),
    ...(d.donorInn !== undefined ? { donorInn: d.donorInn } : {}),
    amount: d.amount,
    channel: d.channel,
  };
}

/** The year's donations as one campaign report, the shape the rules read. */
export function asCampaign(report: AnnualReport, today: string): CampaignInput {
  const { year, partyRegistrationNumber: party } = report.header;
  const filing: Filing = {
    format: FILING_FORMAT,
    header: {
      partyRegistrationNumber: party,
      electionId: annualKey(year),
      reportKind: 'annual',
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      // The party's accounts are not an electoral fund's; no rule used here reads them.
      account: { bank: '-', number: '-' },
      openingBalance: report.cash.opening,
      closingBalance: report.cash.closing,
      totals: { receipts: report.totals.receipts, expenditures: report.totals.expenditures, refunds: ZERO },
      signer: report.header.signer,
    },
    receipts: report.receipts.donations.map(receiptOf),
    expenditures: [],
    refunds: [],
    attachments: [],
  };
  return {
    election: annualKey(year),
    party,
    electionDay: `${year}-12-31`,
    electionStatus: 'closed',
    today,
    reports: [{ filing, version: 1 }],
  };
}

/**
 * The profile the rules are run with. Of a profile they read only the days allowed to return or pass on
 * a bad donation; those are the annual rules', the rest (caps, calendar) is a campaign's and unused here.
 */
export function annualRulesProfile(rules: AnnualReportRules = ANNUAL_REPORT_RULES): RulesProfile {
  const base = builtInRulesProfiles[builtInRulesProfiles.length - 1];
  if (!base) throw new Error('no built-in rules profile');
  const { budgetTransferDeadlineDays: _campaignOnly, ...finance } = base.finance;
  return { ...base, finance: { ...finance, refundDeadlineDays: rules.refundDeadlineDays } };
}

/** The identity numbers the registries must answer for. */
export const registryQueryOf = (report: AnnualReport, today: string) => registryQuery(asCampaign(report, today));

/** Every finding of the annual rules on one version of a report. */
export function checkAnnualReport(report: AnnualReport, answers: RegistryAnswers, today: string): AnalysedFinding[] {
  const input = asCampaign(report, today);
  return analyseCampaign(input, answers, annualRulesProfile(), ANNUAL_RULES, campaignLines(input.reports));
}

/** A finding as the public sees it: no PIN or address, in a field or in the evidence. */
export const publicAnnualFinding = (f: AnalysedFinding): PublicFinding => publicFinding(f);
