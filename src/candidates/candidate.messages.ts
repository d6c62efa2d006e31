// Labels of the commission's screens for candidate lists (the list of a party, its import, the
// withdrawal of a candidate) in Kyrgyz, Russian and English, and the translation of every problem an
// import can be refused with, each row-and-column problem of a list file included.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import { ARCHIVE_REFUSED_MESSAGE } from '../platform/zip-inspection.ts';
import { electionMessages } from '../elections/index.ts';
import catalogue from './candidate.messages.json' with { type: 'json' };

export const candidateMessages = defineMessages({
  ...catalogue,
  'commission.problem.import.archive_refused': ARCHIVE_REFUSED_MESSAGE,
});

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages, candidateMessages);
