// Preliminary checks of every party's money against the state registries (issue: compliance), as a
// capability: the rules of the law as pure functions (core/rules/), the analysis of one campaign
// (core/analyse.ts), the public and commission shapes of a finding, the registry files and a registry
// port over snapshots, and the offline `talapker analyze` command. Other capabilities and the store of
// findings reach compliance through this file only.
import type { Capability } from '../platform/capability.ts';
import { complianceMessages, ruleTitleMessages } from './compliance.messages.ts';

export const compliance: Capability = {
  name: 'compliance',
  messages: [complianceMessages, ruleTitleMessages],
};

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
export { t as complianceT } from './compliance.messages.ts';
