// The public check of a certificate's code: genuine (with the holder, course, version and date), or,
// said plainly, unknown or not a code at all.
import { Notice, Page, day, pick, renderPage } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { Verification } from '../training.service.ts';
import { t } from '../training.messages.ts';
import { verifyPath } from './paths.ts';

export type VerifyAnswer =
  | { kind: 'none' }
  | { kind: 'malformed'; typed: string }
  | { kind: 'unknown'; code: string }
  | { kind: 'valid'; found: Verification };

function Answer({ l, a }: { l: Locale; a: VerifyAnswer }) {
  if (a.kind === 'none') return null;
  if (a.kind === 'malformed') return <Notice kind="warn" text={t(l, 'training.verify.malformed')} />;
  if (a.kind === 'unknown') return <Notice kind="warn" text={t(l, 'training.verify.unknown', { code: a.code })} />;
  const c = a.found.certificate;
  const course = a.found.course;
  return (
    <Notice kind="done">
      <p>
        <strong>{t(l, 'training.verify.valid')}</strong>
      </p>
      <dl>
        <dt>{t(l, 'training.verify.holder')}</dt>
        <dd>{c.holderName}</dd>
        <dt>{t(l, 'training.verify.course')}</dt>
        <dd>{course ? pick(course.title, l) : c.courseId}</dd>
        <dt>{t(l, 'training.verify.version')}</dt>
        <dd>{c.courseVersion}</dd>
        <dt>{t(l, 'training.verify.date')}</dt>
        <dd>{day(c.issuedOn, l)}</dd>
        <dt>{t(l, 'training.verify.code')}</dt>
        <dd>
          <code>{c.code}</code>
        </dd>
      </dl>
      {course && course.version !== c.courseVersion ? (
        <p>{t(l, 'training.verify.outdated', { version: course.version })}</p>
      ) : null}
    </Notice>
  );
}

export function VerifyPage(p: { locale: Locale; typed: string; answer: VerifyAnswer }) {
  const l = p.locale;
  const title = t(l, 'training.verify.title');
  return renderPage(
    <Page locale={l} title={title} path="/training/certificates/verify" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t(l, 'training.verify.intro')}</p>
      <form method="get" action={verifyPath(l)}>
        <div class="field">
          <label for="f-code">{t(l, 'training.verify.code')}</label>
          <input id="f-code" name="code" value={p.typed} autocomplete="off" spellcheck={false} />
        </div>
        <button type="submit">{t(l, 'training.verify.submit')}</button>
      </form>
      <div aria-live="polite">
        <Answer l={l} a={p.answer} />
      </div>
    </Page>,
  );
}
