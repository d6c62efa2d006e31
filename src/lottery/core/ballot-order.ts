// What the draw is made of, taken from the election's records: each registered party as a
// participant (its registration number is the id that is hashed), the fixed lines the rules
// profile places on the ballot, and the "Against all" line the ballot proof prints. Pure.
import type { Party } from '../../domain/election.ts';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import type { DrawRecord, FixedLinePlacement, Participant } from './draw.ts';

/** "Kyrgyz / Russian", or one of them when they are the same text: how a name stands in a draw record. */
export function bilingual(x: { ky: string; ru: string }): string {
  const [ky, ru] = [x.ky.trim(), x.ru.trim()];
  return !ky || ky === ru ? ru : !ru ? ky : `${ky} / ${ru}`;
}

/** A party as a participant of the draw: the registration number is the id that is hashed. */
export const participantOf = (p: Party): Participant => ({
  id: p.registrationNumber,
  // A record needs a name; a party registered without one still appears, under its number.
  name: bilingual(p.name) || p.registrationNumber,
});

export function fixedLinePlacements(profile: RulesProfile): FixedLinePlacement[] {
  return profile.ballot.fixedLines.map((f) => ({ label: bilingual(f.label), position: f.position }));
}

/**
 * The "Against all" line of a drawn ballot, as the proof prints it: the proof layout knows this one
 * fixed line, found by its key in the rules profile and by its label in the record. Undefined when
 * the profile or the draw has none.
 */
export function againstAllLine(
  profile: RulesProfile,
  record: DrawRecord,
): { ballotNumber: number; labelKy: string; labelRu: string } | undefined {
  const againstAll = profile.ballot.fixedLines.find((f) => f.key === 'against-all');
  if (!againstAll) return undefined;
  const ballotNumber = record.fixedLines.find((f) => f.label === bilingual(againstAll.label))?.ballotNumber;
  return ballotNumber === undefined
    ? undefined
    : { ballotNumber, labelKy: againstAll.label.ky, labelRu: againstAll.label.ru };
}
