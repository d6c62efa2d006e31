// Labels of the commission's screens for elections (its home, the election form, an election's
// parties) in Kyrgyz, Russian and English, and what every commission screen shares: the frame, the
// error summary, the generic form problems and the field labels several forms use. Words the public
// pages already have (kinds, statuses, rule names) are taken from the portal's catalogue.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './election.messages.json' with { type: 'json' };

export const electionMessages = defineMessages(catalogue);

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages);
