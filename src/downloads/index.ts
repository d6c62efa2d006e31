// Downloads: whole candidate lists (CSV, XLSX, JSON) and whole elections (Popolo JSON) as files, for
// spreadsheets and for tools that load everything at once, and each election's open-data page, which
// lists the files every capability offers (their `dataFiles`).
//
// It stands apart from elections, parties and candidates because a file spans them (a Popolo file is
// the election, its parties and every list), and so that its operations keep their own tag, after the
// search, in the API document.
import type { Capability } from '../platform/capability.ts';
import { defineRoutes } from '../platform/web/index.ts';
import { downloadApi, DOWNLOADS_API_TAG } from './http/downloads.api.ts';
import { dataElectionSection, dataPageRoutes } from './http/public.routes.tsx';
import { downloadsDataFiles } from './http/data-files.ts';
import { downloadsMessages } from './downloads.messages.ts';

export const downloads: Capability = {
  name: 'downloads',
  messages: [downloadsMessages],
  async routes(app, ctx, sections) {
    await defineRoutes(app, ctx, dataPageRoutes(sections.data));
  },
  api: { tag: DOWNLOADS_API_TAG, register: downloadApi },
  // Last on the election page: a pointer for those who want the data behind all the sections above it.
  sections: { election: dataElectionSection, order: 90 },
  dataFiles: downloadsDataFiles,
};
