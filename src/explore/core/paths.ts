// Addresses of the donor and payee pages and downloads, without the locale.
import type { Role } from './aggregates.ts';

const enc = encodeURIComponent;

export const electionPath = (electionId: string) => `/elections/${enc(electionId)}`;
export const electionFinancePath = (electionId: string) => `${electionPath(electionId)}/finance`;
export const partyFinancePath = (electionId: string, reg: string) =>
  `${electionPath(electionId)}/parties/${enc(reg)}/finance`;
const plural = (role: Role) => (role === 'donor' ? 'donors' : 'payees');
export const topPath = (electionId: string, role: Role) => `${electionPath(electionId)}/${plural(role)}`;
export const counterpartPath = (electionId: string, role: Role, id: string) =>
  `${topPath(electionId, role)}/${enc(id)}`;
export const filingPath = (filingId: number) => `/reports/${filingId}`;

/** The query of a filtered list; empty for the unfiltered one. */
export function topQuery(f: { party?: string | undefined; multi?: boolean | undefined }): string {
  const q = new URLSearchParams();
  if (f.party) q.set('party', f.party);
  if (f.multi) q.set('multi', '1');
  return q.toString();
}
export const breakdownPath = (electionId: string) => `${electionPath(electionId)}/breakdown`;
export const comparePath = (electionId: string) => `${electionPath(electionId)}/compare`;
/** The query of a comparison: the parties, comma-separated, in the order asked. */
export const compareQuery = (parties: readonly string[]) =>
  parties.length > 0 ? `parties=${parties.map(enc).join(',')}` : '';
