// A list rule in words: the measured value with its unit against what the law requires, and the
// candidates concerned by list position and name, shortened when many ("positions 3, 7, 12 and 4
// more"). The same words serve the rules table (public party pages, the commission's page) and a
// refused import.
import type { Locale } from '../../domain/election.ts';
import type { ConcernedCandidate, ListRuleResult } from '../../domain/list-rules.ts';
import { formatNumber, formatPercent, intlTag } from '../../platform/i18n/i18n.ts';
import { candidateName } from '../../platform/web/format.tsx';
import { t } from '../candidate.messages.ts';

/** Up to this many candidates are all named; beyond it, the first `SHOWN_WHEN_MANY` and a count. */
export const NAMED_IN_FULL = 5;
export const SHOWN_WHEN_MANY = 3;

/** "positions 3 (Name), 7 (Name) and 12 (Name)", or "positions 3 (…), 7 (…), 12 (…) and 4 more"; '' for nobody. */
export function concernedCandidates(l: Locale, candidates: readonly ConcernedCandidate[]): string {
  if (candidates.length === 0) return '';
  const item = (c: ConcernedCandidate) =>
    c.names ? `${c.listPosition} (${candidateName(c.names, l)})` : String(c.listPosition);
  const many = candidates.length > NAMED_IN_FULL;
  const shown = many ? candidates.slice(0, SHOWN_WHEN_MANY) : candidates;
  const list = many
    ? shown.map(item).join(', ')
    : new Intl.ListFormat(intlTag(l), { type: 'conjunction' }).format(shown.map(item));
  return t(l, 'rule.who', { n: candidates.length, list, more: candidates.length - shown.length });
}

const percent = (l: Locale, p: number): string => formatPercent(l, p / 100);

/** What every share rule states: the share, the count of the total it is of, and the law's share. */
const shareOf = (l: Locale, r: { actual: number; required: number; details: { count: number; total: number } }) => ({
  share: percent(l, r.actual),
  count: formatNumber(l, r.details.count),
  total: formatNumber(l, r.details.total),
  required: percent(l, r.required),
});

/** The measurement of one rule in words, with its unit, against the law's figure. */
export function ruleMeasurement(l: Locale, r: ListRuleResult): string {
  switch (r.rule) {
    case 'list-size':
      return t(l, 'rule.detail.list-size', {
        total: r.details.total,
        over: r.details.total > r.details.max ? 'yes' : 'no',
        min: formatNumber(l, r.details.min),
        max: formatNumber(l, r.details.max),
        excluded: r.details.excluded,
      });
    case 'max-share-one-sex':
      return t(l, 'rule.detail.max-share-one-sex', {
        sex: r.details.women >= r.details.men ? 'female' : 'male',
        ...shareOf(l, r),
      });
    case 'max-run-one-sex':
      return t(l, 'rule.detail.max-run-one-sex', { run: r.actual, max: formatNumber(l, r.required) });
    case 'min-share-youth':
      return t(l, 'rule.detail.min-share-youth', {
        age: formatNumber(l, r.details.ageLimit),
        ...shareOf(l, r),
      });
    case 'min-share-minority':
      return t(l, 'rule.detail.min-share-minority', shareOf(l, r));
    case 'min-disabled':
      return t(l, 'rule.detail.min-disabled', { count: r.actual, required: formatNumber(l, r.required) });
    case 'disabled-within-first':
      return t(l, 'rule.detail.disabled-within-first', {
        at: r.details.firstDisabledAt,
        within: formatNumber(l, r.details.withinFirst),
      });
  }
}

/** "12.6% under 35 (19 of 150), the law requires at least 15%: positions 3, 7, 12 and 16 more". */
export function ruleDetail(l: Locale, r: ListRuleResult): string {
  const who = concernedCandidates(l, r.candidates);
  return who ? `${ruleMeasurement(l, r)}: ${who}` : ruleMeasurement(l, r);
}

/** A broken rule as a sentence naming the rule: "The list breaks the rule “Under 35”: 12.6% under 35 …". */
export function ruleBrokenMessage(l: Locale, r: ListRuleResult): string {
  return t(l, 'commission.problem.list_rule_detail', { rule: t(l, `rule.${r.rule}`), detail: ruleDetail(l, r) });
}
