// Every rule of the analysis, in the order findings are listed: the law's table of prohibited sources
// first, then the donors, the caps, timing and channel, reports, the bank, and the notices.
import type { Rule, RuleInfo } from '../rule.ts';
import { bankRules } from './bank.ts';
import { capRules } from './cap.ts';
import { donorRules } from './donor.ts';
import { patternRules } from './pattern.ts';
import { prohibitedRules } from './prohibited.ts';
import { reportRules } from './report.ts';
import { timingRules } from './timing.ts';

export const RULES: readonly Rule[] = [
  ...prohibitedRules,
  ...donorRules,
  ...capRules,
  ...timingRules,
  ...reportRules,
  ...bankRules,
  ...patternRules,
];

/** The rules' facts without their code: for pages, the API and the statistics per rule. */
export const RULE_CATALOGUE: readonly RuleInfo[] = RULES.map(({ id, title, article, severity, remedy }) => ({
  id,
  title,
  article,
  severity,
  ...(remedy ? { remedy } : {}),
}));

export const ruleInfo = (id: string): RuleInfo | undefined => RULE_CATALOGUE.find((r) => r.id === id);
