// The results of the filing validation as two lists, errors then warnings, each problem in the page's
// language and a link to where on the page it is (the treasurer's draft, the commission's review).
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { describeProblem } from '../filing.messages.ts';
import { fieldLabel } from '../core/filing-labels.ts';

export interface ProblemListsProps {
  locale: Locale;
  problems: readonly Problem[];
  errorsIntro: (n: number) => string;
  warningsIntro: (n: number) => string;
  /** The id of the element on the page that the problem is about. */
  targetOf: (p: Problem) => string;
  /** Adds the field's label after the text, for readers who see the document rather than its form. */
  withField?: boolean;
}

export function ProblemLists(p: ProblemListsProps) {
  const errors = p.problems.filter((x) => x.severity === 'error');
  const warnings = p.problems.filter((x) => x.severity !== 'error');
  return (
    <>
      {errors.length > 0 ? (
        <ProblemList {...p} class="check-bad" intro={p.errorsIntro(errors.length)} of={errors} />
      ) : null}
      {warnings.length > 0 ? (
        <ProblemList {...p} class="check-warn" intro={p.warningsIntro(warnings.length)} of={warnings} />
      ) : null}
    </>
  );
}

function ProblemList(p: ProblemListsProps & { class: string; intro: string; of: Problem[] }) {
  const l = p.locale;
  return (
    <div class={p.class}>
      <p>{p.intro}</p>
      <ul>
        {p.of.map((x, i) => (
          <li key={i}>
            <a href={`#${p.targetOf(x)}`}>{describeProblem(x, l)}</a>
            {p.withField && x.field ? <span class="muted"> ({fieldLabel(x.field, l)})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
