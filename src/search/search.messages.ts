// Words of the site's search page in Kyrgyz, Russian and English: the box, the kinds of things it finds
// and what each hit says. "Nothing found" and the pager's words are the portal's.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './search.messages.json' with { type: 'json' };

export const searchMessages = defineMessages(catalogue);

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, searchMessages);
