// What the law of this platform asks of a password: long enough to resist guessing, short enough
// to hash in bounded time. Pure: the hashing itself (argon2id) is password.ts.
import { z } from 'zod';
import type { Problem } from '../../platform/result.ts';
import { problemsFromZod } from './account.ts';

/** Long passphrases are welcome; the upper bound only keeps hashing time bounded. */
export const passwordSchema = z.string().min(12).max(256);

/** Password problems are located on the field the form shows, not on the schema's root. */
export function checkPassword(password: unknown, field = 'password'): Problem[] {
  const r = passwordSchema.safeParse(password);
  if (r.success) return [];
  return problemsFromZod(r.error).map((p) => ({ ...p, field, code: p.code.replace(/^input\./, `${field}.`) }));
}
