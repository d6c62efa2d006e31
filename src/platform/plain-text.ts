// Text typed by people is one line of printable characters: a control character (a lone carriage return,
// a NUL, an escape) has no business in a name or a description, and in a CSV file or a log line it can
// split a record. The schemas at the edges refuse it, so what is stored is plain.
import { z } from 'zod';

/** C0 controls (tab and line breaks included), DEL and the C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** The code a refused text carries in its issue's params, for the callers that turn issues into problems. */
export const CONTROL_CHARACTER_CODE = 'text.control_character';

export function hasControlCharacter(s: string): boolean {
  return CONTROL_CHARACTER.test(s);
}

/** The schema, refusing any text with a control character in it. */
export function plainText<S extends z.ZodString>(schema: S): S {
  return schema.refine((s) => !hasControlCharacter(s), {
    message: 'The text contains a control character (a line break, tab or other invisible code).',
    params: { code: CONTROL_CHARACTER_CODE },
  });
}

/** Whether a zod issue is the refusal of `plainText`. */
export function isControlCharacterIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.code === CONTROL_CHARACTER_CODE;
}
