// Labels of the public portal in Kyrgyz, Russian and English.
// Also the labels of the web kit's own components (`web.*`). Capabilities compose their typed `t` with
// this catalogue: `translator(portalMessages, theirMessages)`.
import { defineMessages, translator } from './messages.ts';
import catalogue from './portal.messages.json' with { type: 'json' };

export const portalMessages = defineMessages(catalogue);

/** The typed translator of the portal's own keys (and the web kit's). */
export const t = translator(portalMessages);
export type PortalKey = keyof typeof portalMessages;
