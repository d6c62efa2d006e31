// What a person sees instead of a sensitive screen while their role's requirements are not met: each
// missing requirement as a link to where it is met, and the way back once done.
import { Page, pick, renderPage } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { Missing } from '../core/requirements.ts';
import type { Course } from '../core/course.ts';
import { t } from '../training.messages.ts';
import { myTrainingPath } from './paths.ts';

function MissingItem(p: { l: Locale; m: Missing; courses: ReadonlyMap<string, Course> }) {
  const { l, m } = p;
  if (m.kind === 'totp') return <a href={`/${l}/account/totp`}>{t(l, 'training.gate.totp')}</a>;
  const course = p.courses.get(m.courseId);
  const title = course ? pick(course.title, l) : m.courseId;
  return (
    <a href={myTrainingPath(l)}>
      {m.withinMonths === undefined
        ? t(l, 'training.gate.course', { title })
        : t(l, 'training.gate.courseWithin', { title, months: m.withinMonths })}
    </a>
  );
}

export function GatePage(p: {
  locale: Locale;
  missing: Missing[];
  courses: ReadonlyMap<string, Course>;
  retry: string;
}) {
  const l = p.locale;
  const title = t(l, 'training.gate.title');
  return renderPage(
    <Page locale={l} title={title} path="/training" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t(l, 'training.gate.intro')}</p>
      <ul>
        {p.missing.map((m) => (
          <li key={m.kind === 'totp' ? 'totp' : m.courseId}>
            <MissingItem l={l} m={m} courses={p.courses} />
          </li>
        ))}
      </ul>
      <p>
        {t(l, 'training.gate.after')} <a href={p.retry}>{t(l, 'training.gate.retry')}</a>
      </p>
    </Page>,
  );
}
