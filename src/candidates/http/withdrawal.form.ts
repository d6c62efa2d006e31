// The withdrawal form as data (a candidate of the list and the date), read into the input of
// withdrawCandidate. Pure: no database, no HTTP.
import { problem, type Problem, type Result, ok, err } from '../../platform/result.ts';
import { checkDate, type FormValues } from '../../elections/index.ts';

export const WITHDRAW_FIELDS = ['candidateId', 'withdrawDate'] as const;

/** The withdrawal form (fields candidateId, withdrawDate). */
export function withdrawalFromForm(v: FormValues): Result<{ candidateId: number; date: string }> {
  const problems: Problem[] = [];
  const idText = v.candidateId ?? '';
  if (!/^[1-9]\d{0,15}$/.test(idText))
    problems.push(problem('commission.bad_choice', 'candidateId: choose one.', { field: 'candidateId' }));
  checkDate(v, 'withdrawDate', problems);
  if (problems.length > 0) return err(problems);
  return ok({ candidateId: Number(idText), date: v.withdrawDate ?? '' });
}
