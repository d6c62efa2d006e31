// The results of the filing validation as two lists, errors then warnings, each problem in the page's
// language and a link to where on the page it is (the treasurer's draft, the commission's review).
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { describeProblem, t } from '../filing.messages.ts';
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

/** The messages of a checks section: `<keys>.title`, `.ok` (the all-clear), `.errors`, `.warnings`. */
type CheckKeys = 'filings.check' | 'filings.reviewCheck';

/**
 * A section of the page with the validation's results: its heading, the all-clear when nothing stops
 * the document (`okWhen`: no error, or no problem at all), then the lists.
 */
export function ChecksSection(
  p: Omit<ProblemListsProps, 'errorsIntro' | 'warningsIntro'> & {
    id: string;
    keys: CheckKeys;
    okWhen: 'no-errors' | 'no-problems';
  },
) {
  const { id, keys, okWhen, ...lists } = p;
  const l = p.locale;
  const ok = okWhen === 'no-problems' ? p.problems.length === 0 : !p.problems.some((x) => x.severity === 'error');
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(l, `${keys}.title`)}</h2>
      {ok ? <p class="check-ok">{t(l, `${keys}.ok`)}</p> : null}
      <ProblemLists
        {...lists}
        errorsIntro={(n) => t(l, `${keys}.errors`, { n })}
        warningsIntro={(n) => t(l, `${keys}.warnings`, { n })}
      />
    </section>
  );
}
