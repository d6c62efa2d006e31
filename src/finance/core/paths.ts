// Addresses of the public finance pages, without the locale prefix.
const enc = encodeURIComponent;

export const electionPath = (electionId: string) => `/elections/${enc(electionId)}`;
export const electionFinancePath = (electionId: string) => `${electionPath(electionId)}/finance`;
export const partyPath = (electionId: string, reg: string) => `${electionPath(electionId)}/parties/${enc(reg)}`;
export const partyFinancePath = (electionId: string, reg: string) => `${partyPath(electionId, reg)}/finance`;
export const receiptsPath = (electionId: string) => `${electionPath(electionId)}/receipts`;
export const expendituresPath = (electionId: string) => `${electionPath(electionId)}/expenditures`;
export const electionFeedPath = (electionId: string) => `${electionPath(electionId)}/feeds/filings.atom`;
export const feedPath = '/feeds/filings.atom';
/** A party filter of the itemised listings. */
export const partyQuery = (reg: string) => `party=${enc(reg)}`;
export const inKindPath = (electionId: string) => `${electionPath(electionId)}/in-kind`;
export const loansPath = (electionId: string) => `${electionPath(electionId)}/loans`;
