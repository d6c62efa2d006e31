// How the lottery routes read their input. A draw id is a positive whole number (anything else is
// no draw: 404); a console form's field left out reads as '', one sent twice as its first value, so
// that the ceremony's own rules say what is wrong with it.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';

export const drawIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number);

/** A query as fields; anything else reads as no fields. */
const fields = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {}), z.object(shape));
const text = z.string().default('');

export const localeParams = z.object({ locale: localeSchema });
export const electionParams = z.object({ locale: localeSchema, id: z.string() });
export const drawParams = z.object({ drawId: drawIdSchema });
export const localeDrawParams = z.object({ locale: localeSchema, drawId: drawIdSchema });

/** Read with the kit's parseForm: a field sent twice counts once, by its first value. */
export const consoleForm = z.object({
  draw: text,
  observer: text,
  digits: text,
  reason: text,
  roll: text,
  strikeReason: text,
});

/** A strike form's roll: its index among the draw's rolls, 0 for the first. */
export const rollIndexSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,5})$/)
  .transform(Number);
export type ConsoleFormFields = z.output<typeof consoleForm>;

/** `?pace=ms` sets the hall screen's reveal speed for rehearsals; bounded so that a link cannot freeze the screen. */
export const presentQuery = fields({
  pace: z
    .unknown()
    .optional()
    .transform((v) => Math.min(10_000, Math.max(100, Number(v) || 2500))),
});
export const proofQuery = fields({ size: z.enum(['A4', 'A3']).default('A4') });
