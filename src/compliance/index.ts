// Compliance: the preliminary check of every donation against the state registries, as a capability.
// The rules and the shapes of a finding are pure (core/); this side holds the commission's review of the
// findings (confirm, dismiss, reopen, ask the party), the treasurer's answers, the commission's decision
// to publish, the public register and party section, and the findings part of the API.
import type { Capability } from '../platform/capability.ts';
import { defineRoutes } from '../platform/web/index.ts';
import { COMMISSION_AUTH } from '../elections/index.ts';
import { complianceMessages, ruleTitleMessages, t } from './compliance.messages.ts';
import { commissionRoutes } from './http/commission.routes.tsx';
import { treasurerRoutes } from './http/treasurer.routes.ts';
import { findingsPartySection, publicRoutes } from './http/public.routes.tsx';
import { COMPLIANCE_API_TAG, complianceApi } from './http/api.routes.ts';
import { enqueueAnalysis, startAnalysisWorker } from './analysis-jobs.ts';
import { complianceDemo } from './compliance-demo.ts';
import { publicationLogged } from './publication.log.ts';

/** Every site route of the findings, for the server and the authorisation tests. */
export const complianceRoutes = () => [...commissionRoutes(), ...treasurerRoutes(), ...publicRoutes()];

export const compliance: Capability = {
  name: 'compliance',
  messages: [complianceMessages, ruleTitleMessages],
  async routes(app, ctx) {
    await defineRoutes(app, ctx, complianceRoutes(), { auth: COMMISSION_AUTH });
  },
  api: { tag: COMPLIANCE_API_TAG, register: complianceApi },
  sections: { party: findingsPartySection, order: 40 },
  work: startAnalysisWorker,
  demo: complianceDemo,
  logged: publicationLogged,
  subscribe(events, ctx) {
    // A new report and a new reconciliation both change what the checks see; the job queue makes the
    // two (a report causes a reconciliation) one analysis when it has not started yet.
    const analyse = (
      e: { electionId: string; partyRegistrationNumber: string; actor: string },
      trigger: string,
      triggerRef: number,
    ) =>
      enqueueAnalysis(ctx, {
        electionId: e.electionId,
        party: e.partyRegistrationNumber,
        trigger,
        triggerRef: String(triggerRef),
        actor: e.actor,
      });
    events.on('filing.filed', 'compliance', async (f) => {
      await analyse(f, 'filing', f.filingId);
    });
    events.on('fund.reconciled', 'compliance', async (r) => {
      await analyse(r, 'statement', r.runId);
    });
    // A candidate's fund is checked the same way, against the caps the law sets for candidates.
    events.on('candidate-fund.filed', 'compliance', async (f) => {
      await analyse({ ...f, partyRegistrationNumber: f.fundNumber }, 'filing', f.filingId);
    });
  },
  staffLinks: (locale, may) => [
    ...(may('findings.read')
      ? [{ href: `/${locale}/commission/findings`, label: t(locale, 'compliance.title.findings') }]
      : []),
    // Treasurers answer the commission's requests; commission staff review from the findings screen.
    ...(may('findings.answer') && !may('findings.read')
      ? [{ href: `/${locale}/treasurer/findings`, label: t(locale, 'compliance.title.treasurer') }]
      : []),
  ],
};

export { reviewFinding, loadFinding, loadOpenRequests } from './review.service.ts';
export { decidePublication, loadPublishedFindings } from './publication.service.ts';
export { findingsPartySection, complianceApi, COMPLIANCE_API_TAG };

export { analyseCampaign, findingId, recordedRemedies, registryQuery } from './core/analyse.ts';
export {
  BANK_DIFFERENCE_KINDS,
  campaignLines,
  lineRef,
  type BankDifference,
  type BankDifferenceKind,
  type CampaignInput,
  type CampaignLines,
  type CampaignReport,
} from './core/campaign.ts';
export * from './core/finding.ts';
export * from './core/registry.ts';
export {
  checkRegistryHeader,
  csvRows,
  parseRegistryCsv,
  parseRegistryRow,
  REGISTRY_FILES,
  REGISTRY_HEADERS,
  type CsvRow,
  type RegistryParse,
  type RegistryRecords,
} from './core/registry-csv.ts';
export { memoryRegistry, type MemoryRegistry, type RegistrySnapshots, type Snapshot } from './core/memory-registry.ts';
export {
  commissionFinding,
  publicEvidence,
  publicFinding,
  type CommissionFinding,
  type PublicFinding,
} from './core/public-finding.ts';
export { RULES, RULE_CATALOGUE, ruleInfo } from './core/rules/index.ts';
export type { Rule, RuleContext, RuleHit, RuleInfo } from './core/rule.ts';
export { entityNameMatches, personNameMatches } from './core/name-match.ts';
export { analyzeCommand } from './offline-analyze.command.ts';
export { analyseParty, type AnalysisTrigger, type CampaignAnalysis } from './analysis.service.ts';
export {
  ANALYSIS_QUEUE,
  drainAnalyses,
  enqueueAnalysis,
  enqueueOpenCampaigns,
  startAnalysisWorker,
  type AnalysisJob,
} from './analysis-jobs.ts';
export { SqlRegistry } from './sql-registry.ts';
