// Which elections the background fetch asks Meta about: those whose campaign is under way, and for a day
// after it ends, so that the campaign's last day is fetched once it is over. An annulled election is left
// alone; a report can still be fetched or uploaded by hand for any election.
import { addDays } from '../../../domain/report-deadlines.ts';

export interface Campaign {
  id: string;
  status: string;
  campaignStart: string;
  campaignEnd: string;
}

export function campaignsToFetch<E extends Campaign>(elections: readonly E[], today: string): E[] {
  return elections.filter(
    (e) => e.status !== 'annulled' && e.campaignStart <= today && today <= addDays(e.campaignEnd, 1),
  );
}
