// Where the lottery's pages, records and downloads live: the one place that spells their URLs.
import type { Locale } from '../../domain/election.ts';

export const electionLotteryPath = (l: Locale, electionId: string): string =>
  `/${l}/elections/${encodeURIComponent(electionId)}/lottery`;
export const drawPath = (l: Locale, drawId: number): string => `/${l}/lottery/draws/${drawId}`;
export const presentPath = (l: Locale, drawId: number): string => `/${l}/lottery/draws/${drawId}/present`;
export const drawJsonPath = (drawId: number): string => `/lottery/draws/${drawId}.json`;
export const participantsJsonPath = (drawId: number): string => `/lottery/draws/${drawId}/participants.json`;
export const proofPath = (drawId: number, size: 'A4' | 'A3'): string =>
  `/lottery/draws/${drawId}/ballot-proof.pdf?size=${size}`;
export const liveJsonPath = (drawId: number): string => `/lottery/draws/${drawId}/live.json`;
export const participantsFileName = (d: { electionId: string; attempt: number }): string =>
  `${d.electionId}-draw-${d.attempt}-participants.json`;
