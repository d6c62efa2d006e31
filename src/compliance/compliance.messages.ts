// Labels of the findings of the preliminary check in Kyrgyz, Russian and English: the commission's
// review screens, the treasurer's requests, the public register and party section, and the problems of
// the review forms (keyed by problem code). Rule titles are the rules' own (core/rules/).
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import type { Message } from '../platform/i18n/messages.ts';
import { RULE_CATALOGUE } from './core/rules/index.ts';
import catalogue from './compliance.messages.json' with { type: 'json' };

/** `compliance.rule.<rule id>`: the title of every rule, from the rules themselves so the two cannot drift. */
export const ruleTitleMessages: Readonly<Record<string, Message>> = Object.fromEntries(
  RULE_CATALOGUE.map((r) => [`compliance.rule.${r.id}`, r.title]),
);

export const complianceMessages = defineMessages(catalogue);

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, complianceMessages);
