// Labels of the commission's screens for parties (registration in an election, participation and
// its status) in Kyrgyz, Russian and English, and the problems those forms can be refused with.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import { electionMessages } from '../elections/index.ts';
import catalogue from './party.messages.json' with { type: 'json' };

export const partyMessages = defineMessages(catalogue);

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages, partyMessages);
