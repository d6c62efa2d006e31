// Downloads: whole candidate lists (CSV, XLSX, JSON) and whole elections (Popolo JSON) as files, for
// spreadsheets and for tools that load everything at once. API only: the pages link to these files.
//
// It stands apart from elections, parties and candidates because a file spans them (a Popolo file is
// the election, its parties and every list), and so that its operations keep their own tag, after the
// search, in the API document.
import type { Capability } from '../platform/capability.ts';
import { downloadApi, DOWNLOADS_API_TAG } from './http/downloads.api.ts';

export const downloads: Capability = {
  name: 'downloads',
  api: { tag: DOWNLOADS_API_TAG, register: downloadApi },
};
