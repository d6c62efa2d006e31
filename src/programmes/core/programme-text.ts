// The law's shape of a programme's text, from the commission's form (one field per language): at least one
// language, each a whole document at most. Read into the text attachProgramme
// takes. Pure: no database, no HTTP.
import { problem, type Problem, type Result, ok, err } from '../../platform/result.ts';
import type { Localized } from '../../domain/election.ts';
import { checkText, type FormValues } from '../../elections/index.ts';

export const PROGRAMME_TEXT_FIELDS = ['textKy', 'textRu', 'textEn'] as const;

/** A programme's text may be a whole document. */
export const MAX_PROGRAMME_TEXT = 200_000;

/** The programme's texts (fields textKy, textRu, textEn): at least one language. */
export function programmeTextFromForm(v: FormValues): Result<Localized> {
  const problems: Problem[] = [];
  for (const f of PROGRAMME_TEXT_FIELDS) checkText(v, f, problems, { max: MAX_PROGRAMME_TEXT });
  if (PROGRAMME_TEXT_FIELDS.every((f) => (v[f] ?? '') === ''))
    problems.push(
      problem('commission.no_text', 'textKy: the programme needs its text in at least one language.', {
        field: 'textKy',
      }),
    );
  if (problems.length > 0) return err(problems);
  return ok({ ky: v.textKy ?? '', ru: v.textRu ?? '', en: v.textEn ?? '' });
}
