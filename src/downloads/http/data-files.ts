// The files this capability offers on the open-data page: the election as Popolo, each party's list.
import type { DataFiles } from '../../platform/capability.ts';
import { t } from '../downloads.messages.ts';

const api = (electionId: string) => `/api/v1/elections/${encodeURIComponent(electionId)}`;

export const candidateDataFiles: DataFiles = {
  election: (electionId, l) => [
    {
      title: t(l, 'downloads.popolo'),
      description: t(l, 'downloads.popolo.about'),
      files: [{ href: `${api(electionId)}/popolo.json`, format: 'JSON' }],
    },
  ],
  party: (electionId, reg, l) => [
    {
      title: t(l, 'downloads.list'),
      files: (['csv', 'xlsx', 'json'] as const).map((ext) => ({
        href: `${api(electionId)}/parties/${encodeURIComponent(reg)}/candidates.${ext}`,
        format: ext.toUpperCase(),
      })),
    },
  ],
};
