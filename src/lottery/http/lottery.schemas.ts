// How the lottery routes read their input. A draw id is a positive whole number (anything else is
// no draw: 404); a console form's field left out reads as '', one sent twice as its first value, so
// that the ceremony's own rules say what is wrong with it.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';

export const drawIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number);

/** A form body or query as fields; anything else reads as no fields. */
const fields = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {}), z.object(shape));
const firstText = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch(''));

export const localeParams = z.object({ locale: localeSchema });
export const electionParams = z.object({ locale: localeSchema, id: z.string() });
export const drawParams = z.object({ drawId: drawIdSchema });
export const localeDrawParams = z.object({ locale: localeSchema, drawId: drawIdSchema });

export const consoleForm = fields({ draw: firstText, observer: firstText, digits: firstText, reason: firstText });
export type ConsoleFormFields = z.output<typeof consoleForm>;

/** `?pace=ms` sets the hall screen's reveal speed for rehearsals; bounded so that a link cannot freeze the screen. */
export const presentQuery = fields({ pace: z.unknown().optional().transform((v) => Math.min(10_000, Math.max(100, Number(v) || 2500))) });
export const proofQuery = fields({ size: z.enum(['A4', 'A3']).default('A4') });
