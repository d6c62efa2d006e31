// Table types of the lottery capability (see migration 0002-lottery). A draw is one attempt at the
// ballot-order lottery of an election; rows are never deleted, a redo is a new row.
import type { Generated } from 'kysely';

export interface LotteryDrawTable {
  id: Generated<number>;
  election_id: string;
  /** 1 for the first draw of an election, 2 for the first redo, … */
  attempt: number;
  /** 'frozen' | 'seeded' | 'drawn' | 'superseded' (see src/lottery/ceremony.ts). */
  state: string;
  /** Bumped on every update, so that two consoles entering rolls at once cannot lose one. */
  revision: number;
  /** The frozen list, as published: [{ id, name }] sorted by id. */
  participants_json: string;
  /** SHA-256 of the canonical participants JSON, published at freezing time. */
  commitment: string;
  frozen_at: string;
  frozen_by: string;
  /** The observers' rolls in the stated order: [{ observer, digits, enteredAt, enteredBy }]. */
  seed_parts_json: string;
  /** The full DrawRecord (talapker-draw-v1) once drawn. */
  record_json: string | null;
  drawn_at: string | null;
  drawn_by: string | null;
  /** The draw this one redoes, and the reason recorded for redoing it. */
  supersedes_draw_id: number | null;
  redo_reason: string | null;
  superseded_at: string | null;
  superseded_by: string | null;
  /** 1 when the draw only illustrates the ceremony and did not assign ballot numbers. */
  illustration: number;
  /** Why it is an illustration, { ky, ru, en } JSON; null for real draws. */
  note_json: string | null;
}

export interface LotteryTables {
  lottery_draws: LotteryDrawTable;
}
