// Running the checks over one party's campaign: gather what the platform holds (every filed version of
// the party's reports, the latest reconciliation with its bank, the election and its rules), ask the
// registries about the donors, run the pure analysis, and store the findings with the run that found
// them, in one transaction.
import type { AppContext } from '../platform/app-context.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import { tyiyn } from '../domain/money.ts';
import { findRulesProfileById, getElection } from '../elections/index.ts';
import { loadCampaignFilings } from '../filings/index.ts';
import { latestDifferences, type ReconciliationDifference } from '../bank-statements/index.ts';
import { analyseCampaign, registryQuery } from './core/analyse.ts';
import { campaignLines, type BankDifference, type CampaignInput } from './core/campaign.ts';
import { RULES } from './core/rules/index.ts';
import { profileForFiler } from './core/filer-profile.ts';
import { isFundNumber } from '../races/index.ts';
import type { AnalysedFinding } from './core/finding.ts';
import type { RegistryAnswers, RegistryPort } from './core/registry.ts';
import { lookupForCampaign, registryAnswerCache } from './registry-answer-cache.ts';
import { failRun, finishRun, startRun, storeFindings, type RunCounts } from './finding-store.repository.ts';

export interface AnalysisTrigger {
  /** What started the run: `filing`, `statement`, `registry`, `command`… */
  trigger: string;
  triggerRef: string;
  actor: string;
}

export interface CampaignAnalysis extends RunCounts {
  runId: number;
  findings: AnalysedFinding[];
}

function bankDifferenceOf(d: ReconciliationDifference): BankDifference {
  return {
    kind: d.kind,
    ...(d.bank
      ? {
          transaction: {
            id: String(d.bank.transactionId),
            bookingDate: d.bank.bookingDate,
            amount: tyiyn(d.bank.amount),
            ...(d.bank.counterpartyName ? { counterpartyName: d.bank.counterpartyName } : {}),
            ...(d.bank.remittance ? { remittance: d.bank.remittance } : {}),
          },
        }
      : {}),
    ...(d.reportLineId ? { lineId: d.reportLineId } : {}),
    ...(d.amountDifference !== undefined ? { amountDifference: tyiyn(d.amountDifference) } : {}),
    ...(d.daysApart !== undefined ? { daysApart: d.daysApart } : {}),
    ...(d.slip ? { cause: d.slip } : {}),
  };
}

/** Everything the rules read about one campaign, from the database. */
export async function campaignInput(
  ctx: AppContext,
  electionId: string,
  party: string,
): Promise<{ input: CampaignInput; profileId: string } | undefined> {
  const election = await getElection(ctx, electionId);
  if (!election) return undefined;
  const filed = await loadCampaignFilings(ctx, electionId, party);
  const differences = await latestDifferences(ctx, electionId, party);
  return {
    profileId: election.rulesProfileId,
    input: {
      election: electionId,
      party,
      electionDay: election.electionDay,
      campaignStart: election.campaignStart,
      electionStatus: election.status,
      today: bishkekDay(ctx.now()),
      reports: filed.map((v) => ({
        filing: v.filing,
        inKindAndLoans: v.inKindAndLoans,
        version: v.version,
        ...(v.firstFiledOn ? { firstFiledOn: v.firstFiledOn } : {}),
      })),
      bankDifferences: differences.map(bankDifferenceOf),
    },
  };
}

const snapshotIdsOf = (answers: RegistryAnswers): string[] => [...new Set(answers.consulted.map((s) => s.id))].sort();

/** Analyses one campaign and stores the outcome; a failure is recorded on the run and thrown again. */
export async function analyseParty(
  ctx: AppContext,
  registry: RegistryPort,
  electionId: string,
  party: string,
  why: AnalysisTrigger,
): Promise<CampaignAnalysis | undefined> {
  const gathered = await campaignInput(ctx, electionId, party);
  if (!gathered) return undefined;
  const profile = await findRulesProfileById(ctx.db, gathered.profileId);
  if (!profile) throw new Error(`rules profile ${gathered.profileId} of election ${electionId} is missing`);
  const at = ctx.now().toISOString();
  const runId = await startRun(ctx.db, { electionId, party, ...why, at });
  try {
    const lines = campaignLines(gathered.input.reports);
    const cache = registryAnswerCache(ctx.memo);
    const answers = await lookupForCampaign(
      cache,
      `${electionId}:${party}`,
      registry,
      registryQuery(gathered.input, lines),
    );
    // A candidate's fund is held to the candidate's caps; without any in the profile, to none.
    const filerProfile = profileForFiler(profile, isFundNumber(party) ? 'candidate' : 'party');
    const rules = filerProfile ? RULES : RULES.filter((r) => !r.id.startsWith('cap.'));
    const findings = analyseCampaign(gathered.input, answers, filerProfile ?? profile, rules, lines);
    const counts = await ctx.db
      .transaction()
      .execute((tx) =>
        storeFindings(tx, { electionId, party }, runId, findings, snapshotIdsOf(answers), ctx.now().toISOString()),
      );
    await finishRun(ctx.db, runId, ctx.now().toISOString(), counts);
    return { runId, findings, ...counts };
  } catch (e) {
    await failRun(ctx.db, runId, ctx.now().toISOString(), e instanceof Error ? e.message : String(e));
    throw e;
  }
}
