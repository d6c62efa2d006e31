// Words of the annual party reports in Kyrgyz, Russian and English, and the translation of every problem
// a report can be refused or warned with (`annual.problem.<code>`).
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import type { Locale } from '../domain/election.ts';
import type { Problem } from '../platform/result.ts';
import catalogue from './annual-reports.messages.json' with { type: 'json' };

export const annualReportMessages = defineMessages(catalogue);

export const t = translator(annualReportMessages, portalMessages);

/** A problem in the reader's language; one without words of its own keeps its English message. */
export function problemText(l: Locale, p: Problem): string {
  const params = { field: p.field ?? '', detail: p.message, ...p.params };
  // A schema problem says why in words of its own (`reason`), rather than zod's English.
  const reason =
    typeof p.params?.reason === 'string'
      ? t.lookup(l, `annual.problem.${p.code}.${p.params.reason}`, params)
      : undefined;
  return (
    reason ?? t.lookup(l, `annual.problem.${p.code}`, params) ?? (p.field ? `${p.field}: ${p.message}` : p.message)
  );
}
