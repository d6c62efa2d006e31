// The signed-in person's courses: progress per lesson (current versions), where to resume, and the
// certificate once the course is passed.
import { DataTable, Notice, Page, day, pick, renderPage, type Column } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { LessonProgress } from '../core/scoring.ts';
import type { CourseStanding } from '../training.service.ts';
import { t } from '../training.messages.ts';
import { certificatePdfPath, lessonPath } from './paths.ts';

function CourseSection({ l, s }: { l: Locale; s: CourseStanding }) {
  const c = s.course;
  const total = c.lessons.length;
  const columns: Column<LessonProgress>[] = [
    {
      key: 'lesson',
      label: t(l, 'training.col.lesson'),
      rowHeader: true,
      cell: (p) => (
        <a href={lessonPath(l, c.id, p.lesson)}>
          {t(l, 'training.lesson.heading', { n: p.lesson, title: pick(c.lessons[p.lesson - 1]?.title ?? c.title, l) })}
        </a>
      ),
    },
    { key: 'state', label: t(l, 'training.col.state'), cell: (p) => t(l, `training.state.${p.state}`) },
  ];
  return (
    <section aria-labelledby={`course-${c.id}`}>
      <h2 id={`course-${c.id}`}>{pick(c.title, l)}</h2>
      <p>{pick(c.summary, l)}</p>
      {s.retake ? <Notice kind="warn" text={t(l, 'training.course.retake')} /> : null}
      {s.certificate ? (
        <Notice kind="done">
          <p>{t(l, 'training.course.passed', { date: day(s.certificate.issuedOn, l), code: s.certificate.code })}</p>
          <p>
            <a href={certificatePdfPath(l, s.certificate.code)}>{t(l, 'training.action.certificate')}</a>
          </p>
        </Notice>
      ) : null}
      <p>{t(l, 'training.progress', { passed: s.progress.passedCount, total })}</p>
      {s.progress.resumeAt !== undefined ? (
        <p>
          <a class="button" href={lessonPath(l, c.id, s.progress.resumeAt)}>
            {t(l, s.progress.passedCount === 0 ? 'training.action.start' : 'training.action.resume')}
          </a>
        </p>
      ) : null}
      <DataTable locale={l} columns={columns} rows={s.progress.lessons} rowKey={(p) => p.lesson} />
    </section>
  );
}

export function MyTrainingPage(p: { locale: Locale; courses: CourseStanding[] }) {
  const l = p.locale;
  const title = t(l, 'training.title');
  return renderPage(
    <Page locale={l} title={title} path="/training" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t(l, 'training.intro')}</p>
      {p.courses.map((s) => (
        <CourseSection l={l} s={s} key={s.course.id} />
      ))}
    </Page>,
  );
}
