// Electoral fund accounts as the commission registers them (bank, account number, party, election,
// opening date), the zod schema that parses the registration form or JSON once at the edge, and which
// elections still take statements.
import { z } from 'zod';
import { bankSchema, parseWith } from '../../accounts/index.ts';
import type { Election } from '../../domain/election.ts';
import type { Result } from '../../platform/result.ts';
import { isIsoDate } from './statement.ts';
import { normaliseAccountNumber } from './intake-checks.ts';

export const fundAccountInputSchema = z.object({
  electionId: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+$/),
  partyRegistrationNumber: z.string().trim().min(1).max(40),
  /** The bank's code, the same one bank officers' accounts carry (users.bank). */
  bank: bankSchema,
  accountNumber: z
    .string()
    .transform(normaliseAccountNumber)
    .pipe(z.string().regex(/^[A-Z0-9]{6,34}$/, 'an account number of 6 to 34 letters and digits')),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/)
    .default('KGS'),
  openedOn: z.string().trim().refine(isIsoDate, 'a date in YYYY-MM-DD form'),
});
export type FundAccountInput = z.infer<typeof fundAccountInputSchema>;

export function parseFundAccountInput(input: unknown): Result<FundAccountInput> {
  return parseWith(fundAccountInputSchema, input);
}

/**
 * Banks report on electoral fund accounts through the campaign and until the final report; an annulled
 * election (2020) still has funds to account for. Only a closed election takes no more statements.
 */
export function isCurrentElection(e: Pick<Election, 'status'>): boolean {
  return e.status !== 'closed';
}
