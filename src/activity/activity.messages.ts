// Labels of the commission's activity log of an election in Kyrgyz, Russian and English: the columns,
// each kind of action and each kind of record an entry can be about.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import { electionMessages } from '../elections/index.ts';
import catalogue from './activity.messages.json' with { type: 'json' };

export const activityMessages = defineMessages(catalogue);

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages, activityMessages);
