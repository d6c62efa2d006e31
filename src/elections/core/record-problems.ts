// A record that does not match its schema (an election, a party), as problems naming each field by
// its path in the record (`name.ky`), so that a form can show each one at its own field.
import type { z } from 'zod';
import { problem, type Problem } from '../../platform/result.ts';

export function recordProblems(e: z.ZodError): Problem[] {
  return e.issues.map((i) =>
    problem('input.invalid', `${i.path.join('.') || 'input'}: ${i.message}`, { field: i.path.join('.') }),
  );
}
