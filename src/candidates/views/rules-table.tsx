// A candidate list measured against each list rule of the law: the measured value, what the rules
// profile requires and whether the list passes, with the summary ("all rules met") as caption.
import type { Locale } from '../../domain/election.ts';
import type { ListRuleResult } from '../../domain/list-rules.ts';
import { formatNumber, formatPercent } from '../../platform/i18n/i18n.ts';
import { t } from '../candidate.messages.ts';
import { RulesSummary } from '../../platform/web/format.tsx';
import { ruleDetail } from './rule-message.ts';

const SHARE_RULES = new Set(['max-share-one-sex', 'min-share-youth', 'min-share-minority']);

function ruleActual(r: ListRuleResult, l: Locale): string {
  if (SHARE_RULES.has(r.rule)) {
    const d = r.details as Record<string, number>;
    return `${formatNumber(l, d.count ?? 0)} / ${formatNumber(l, d.total ?? 0)} (${formatPercent(l, r.actual / 100)})`;
  }
  return formatNumber(l, r.actual);
}

function ruleRequired(r: ListRuleResult, l: Locale): string {
  switch (r.rule) {
    case 'max-share-one-sex':
      return `≤ ${formatPercent(l, r.required / 100)}`;
    case 'min-share-youth':
    case 'min-share-minority':
      return `≥ ${formatPercent(l, r.required / 100)}`;
    case 'list-size': {
      const d = r.details as Record<string, number>;
      return `${formatNumber(l, d.min ?? r.required)}–${formatNumber(l, d.max ?? r.required)}`;
    }
    case 'max-run-one-sex':
    case 'disabled-within-first':
      return `≤ ${formatNumber(l, r.required)}`;
    case 'min-disabled':
      return `≥ ${formatNumber(l, r.required)}`;
  }
}

export function RulesTable(p: {
  locale: Locale;
  results: ListRuleResult[];
  /** The caption's class (the public page greys it). */
  captionClass?: string;
  /** The heading of the pass/fail column; none on the public page, where the marks speak for themselves. */
  statusLabel?: string;
}) {
  const l = p.locale;
  return (
    <div class="table-wrap">
      <table>
        <caption class={p.captionClass} style="text-align:left">
          <RulesSummary results={p.results} locale={l} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(l, 'ballot.rules')}</th>
            <th scope="col" class="num">
              {t(l, 'rule.actual')}
            </th>
            <th scope="col" class="num">
              {t(l, 'rule.required')}
            </th>
            <th scope="col">{p.statusLabel}</th>
          </tr>
        </thead>
        <tbody>
          {p.results.map((r) => (
            <tr key={r.rule}>
              <th scope="row">
                {t(l, `rule.${r.rule}`)}
                {/* A broken rule says by how much, in its unit, and who it is about. */}
                {r.passed ? null : <div class="hint">{ruleDetail(l, r)}</div>}
              </th>
              <td class="num">{ruleActual(r, l)}</td>
              <td class="num">{ruleRequired(r, l)}</td>
              <td class={r.passed ? 'pass' : 'fail'}>
                {r.passed ? `✓ ${t(l, 'rules.pass')}` : `✗ ${t(l, 'rules.fail')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
