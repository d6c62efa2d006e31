// Words of the finance report pages in Kyrgyz, Russian and English: public report pages, the treasurer's
// forms, the commission's review, and the problems of this capability's own services (those of the filing
// format itself are in filing-messages.ts). `describeProblem` renders any problem of either catalogue.
import type { Locale } from '../domain/election.ts';
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import type { Problem } from '../platform/result.ts';
import { filingMessages, problemMessage } from './core/validation.messages.ts';
import catalogue from './filing.messages.json' with { type: 'json' };

export const filingWebMessages = defineMessages(catalogue);

/** The translator of the finance report pages: their catalogue and the portal's (site-wide labels). */
export const t = translator(portalMessages, filingWebMessages);

/** Any problem of the finance reports in words of the locale: the format's own or this capability's. */
export function describeProblem(problem: Problem, locale: Locale): string {
  if (problem.code in filingMessages) return problemMessage(problem, locale);
  const params: Record<string, string | number> = { ...(problem.params ?? {}) };
  if (problem.code === 'review.transition') {
    params.fromLabel = t.lookup(locale, `filings.status.${String(params.from)}`) ?? String(params.from);
    params.toLabel = t.lookup(locale, `filings.status.${String(params.to)}`) ?? String(params.to);
  }
  try {
    return t.lookup(locale, `filings.problem.${problem.code}`, params) ?? problem.message;
  } catch {
    // A stored problem whose params no longer fit its message still shows its English text.
    return problem.message;
  }
}
