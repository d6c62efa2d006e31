// The files this capability offers on the open-data page: the whole election's data package, the
// election as Popolo, each party's list; and the package's tables of parties and candidates.
import type { DataFiles } from '../../platform/capability.ts';
import { t } from '../downloads.messages.ts';
import { candidatePackageTables } from '../core/candidate-exports.ts';
import { getWholeElection } from '../downloads.service.ts';
import { dataPackagePath } from '../views/data.page.tsx';

const api = (electionId: string) => `/api/v1/elections/${encodeURIComponent(electionId)}`;

export const downloadsDataFiles: DataFiles = {
  election: (electionId, l) => [
    {
      title: t(l, 'downloads.package'),
      description: t(l, 'downloads.package.about'),
      files: [{ href: dataPackagePath(l, electionId), format: 'ZIP' }],
    },
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
  async tables(ctx, electionId) {
    const whole = await getWholeElection(ctx, electionId);
    return whole ? candidatePackageTables(whole) : [];
  },
};
