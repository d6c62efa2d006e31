// Words of the political advertising pages in Kyrgyz, Russian and English.
import type { Locale } from '../domain/election.ts';
import { defineMessages, translator, type MessageParams } from '../platform/i18n/messages.ts';
import type { Problem } from '../platform/result.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './ads.messages.json' with { type: 'json' };

export const adsMessages = defineMessages(catalogue);

export type AdsMessageKey = keyof typeof adsMessages;
export const t = translator(portalMessages, adsMessages);

/**
 * A problem of an upload or a decision in the reader's language, from `ads.problem.<code>` with the
 * problem's params, its row in front; the English of the Problem for a code the catalogue lacks.
 */
export function describeProblem(l: Locale, p: Problem): string {
  // Any refused form field (only a changed page sends one) reads the same.
  const key = p.code.startsWith('form.') ? 'ads.problem.form' : `ads.problem.${p.code}`;
  const params: MessageParams = {};
  // Values read from the file are shown as they are: a number is not re-formatted with separators.
  for (const [k, v] of Object.entries(p.params ?? {})) params[k] = k === 'limitMb' ? v : String(v);
  let text: string;
  try {
    text = t.lookup(l, key, params) ?? p.message;
  } catch {
    // Params that do not fit the message still leave the problem said, in English.
    text = p.message;
  }
  return p.row === undefined ? text : t(l, 'ads.problem.row', { row: String(p.row), text });
}
