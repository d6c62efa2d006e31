// The bank files on the open-data page: each party's account figures as the bank reported them. The
// transactions missing from the reports are left out here: they exist only once the commission has
// published them, and the party's page links to them then.
import type { DataFiles } from '../../platform/capability.ts';
import { t } from '../bank-statement.messages.ts';

export const bankDataFiles: DataFiles = {
  party(electionId, reg, l) {
    const base = `/api/v1/elections/${encodeURIComponent(electionId)}/parties/${encodeURIComponent(reg)}`;
    return [
      {
        title: t(l, 'bank.section.title'),
        files: [
          { href: `${base}/bank.csv`, format: 'CSV' },
          { href: `${base}/bank`, format: 'JSON' },
        ],
      },
    ];
  },
};
