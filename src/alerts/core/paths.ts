// Addresses of the alerts' feeds, without the locale.
const enc = encodeURIComponent;

export const partyFeedPath = (electionId: string, reg: string) =>
  `/elections/${enc(electionId)}/parties/${enc(reg)}/feed.atom`;
export const donorFeedPath = (electionId: string, who: string) =>
  `/elections/${enc(electionId)}/donors/${enc(who)}/feed.atom`;

/** The public report page of a filing, absolute when the installation's public address is known. */
export const reportUrl = (
  publicUrl: string | undefined,
  l: string,
  electionId: string,
  party: string,
  filingId: number,
) => `${publicUrl ?? ''}/${l}/elections/${enc(electionId)}/parties/${enc(party)}/finance#filing-${filingId}`;
