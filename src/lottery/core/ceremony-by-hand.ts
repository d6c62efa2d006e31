// The shell commands that the draw page prints under "How to check it by hand", filled in with
// the draw's own values, and what each must print. Kept apart from the page so that a test can
// run them in bash and hold the instructions to the truth.
import type { DrawRecord } from './draw.ts';
import { sha256Hex } from './sampler.ts';

/** Quotes text for bash: single quotes, with each ' written as '\''. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

export interface ByHandCommand {
  command: string;
  /** What the command prints when the record is right. */
  prints: string;
}

export interface ByHandCommands {
  commitment: ByHandCommand;
  seedHash: ByHandCommand;
  /** The ticket of the party in first place, step by step. */
  firstTicket: ByHandCommand & { id: string };
}

/** `participantsFile` is the name the canonical list downloads under. */
export function byHandCommands(record: DrawRecord, participantsFile: string): ByHandCommands | undefined {
  const first = record.tickets[0];
  if (!first) return undefined;
  return {
    commitment: {
      command: `sha256sum ${shellQuote(participantsFile)}`,
      prints: `${record.participantsCommitment}  ${participantsFile}`,
    },
    seedHash: { command: `printf '%s' ${shellQuote(record.seed)} | sha256sum`, prints: `${sha256Hex(record.seed)}  -` },
    firstTicket: {
      id: first.id,
      command: [
        `H=$(printf '%s' ${shellQuote(record.seed)} | sha256sum | cut -c1-64)`,
        `T=$(printf '%s%s' "$H" ${shellQuote(first.id)} | sha256sum | cut -c1-64)`,
        `D=$(echo "ibase=16; \${T^^}" | BC_LINE_LENGTH=0 bc)`,
        `while [ \${#D} -lt 64 ]; do D="0$D"; done`,
        `echo "0.$(echo "$D" | rev)"`,
      ].join('\n'),
      prints: first.ticket,
    },
  };
}
