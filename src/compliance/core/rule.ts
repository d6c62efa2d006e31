// What a rule is: a pure function of the campaign's lines, the registries' answers and the rules profile,
// with the facts a reader needs about it (stable id, title in three languages, the article of law, the
// severity and the remedy the law sets). A rule returns hits; `analyse.ts` turns hits into findings
// (ids, remedy deadlines, whether the remedy is already recorded).
import type { Tyiyn } from '../../domain/money.ts';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import type { CampaignInput, CampaignLines } from './campaign.ts';
import type { DonorKind, RemedyKind, Severity } from './finding.ts';
import type { RegistryAnswers } from './registry.ts';
import RULE_TITLES from './rules/rule-titles.json' with { type: 'json' };

export interface RuleInfo {
  id: string;
  title: { ky: string; ru: string; en: string };
  /** The provision the rule applies, as cited to the party. */
  article: string;
  severity: Severity;
  /** What the law says must happen to the money, when it says anything. */
  remedy?: RemedyKind;
}

export interface RuleContext {
  input: CampaignInput;
  lines: CampaignLines;
  answers: RegistryAnswers;
  profile: RulesProfile;
}

/** One thing a rule found. */
export interface RuleHit {
  /**
   * What the finding is about, stable across re-runs and amendments (a report line, a donor's first
   * line, a report kind): with the rule, the election and the party it makes the finding's id.
   * Never an individual's PIN: the id is public.
   */
  subject: string;
  lineIds: string[];
  donor?: { type: DonorKind; name: string; identifier?: string };
  amount?: Tyiyn;
  excess?: Tyiyn;
  /** The amount the remedy concerns (the whole donation, or the excess). */
  remedyAmount?: Tyiyn;
  /** The day the remedy's deadline is counted from. */
  remedyFrom?: string;
  /** The receipts (by `receiptKey`) whose refunds and transfers count towards the remedy. */
  remedyReceipts?: string[];
  evidence: Record<string, unknown>;
}

export interface Rule extends RuleInfo {
  check(ctx: RuleContext): RuleHit[];
}

export const ART_41_3 =
  'Art. 41(3), Constitutional Law on elections of the President and deputies of the Jogorku Kenesh';
export const ART_41 = 'Art. 41, Constitutional Law on elections of the President and deputies of the Jogorku Kenesh';
export const ART_41_12 =
  'Art. 41(12), Constitutional Law on elections of the President and deputies of the Jogorku Kenesh';
export const ART_42 = 'Art. 42, Constitutional Law on elections of the President and deputies of the Jogorku Kenesh';

/** A rule's facts under Art. 41, the article most rules apply; `extra` names the remedy or another article. */
/** A rule's title in the three languages, from the rules' word list (data, beside the rules). */
export function ruleTitle(id: string): RuleInfo['title'] {
  const title = (RULE_TITLES as Readonly<Record<string, RuleInfo['title']>>)[id];
  if (!title) throw new Error(`The rule "${id}" has no title in rule-titles.json.`);
  return title;
}

export const ruleFacts = (
  id: string,
  severity: Severity,
  extra: Partial<Pick<RuleInfo, 'remedy' | 'article'>> = {},
): RuleInfo => ({ id, title: ruleTitle(id), article: ART_41, severity, ...extra });
