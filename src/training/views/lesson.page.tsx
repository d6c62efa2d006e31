// One lesson: its text in the reader's language (with a note when the translation is unchecked) and
// its quiz, a form of single and multiple choice questions posted back to the same address.
import { CsrfField, ErrorSummary, Notice, Page, pick, renderPage, type FieldError } from '../../platform/web/index.ts';
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { isUnreviewed, lessonText, type Course, type Lesson, type Question } from '../core/course.ts';
import { renderLessonMarkdown } from '../core/markdown.ts';
import { t } from '../training.messages.ts';
import { lessonPath, myTrainingPath } from './paths.ts';

function QuestionField(p: { l: Locale; q: Question; index: number; chosen: readonly string[]; error?: string }) {
  const { l, q } = p;
  const type = q.kind === 'single' ? 'radio' : 'checkbox';
  const hintId = `f-${q.id}-hint`;
  return (
    <fieldset id={`f-${q.id}`} aria-describedby={q.kind === 'multiple' ? hintId : undefined}>
      <legend>
        {p.index + 1}. {pick(q.text, l)}
      </legend>
      {q.kind === 'multiple' ? (
        <p class="muted" id={hintId}>
          {t(l, 'training.quiz.multiple')}
        </p>
      ) : null}
      {p.error ? <p class="error">{p.error}</p> : null}
      {q.choices.map((c) => (
        <div key={c.id}>
          <label>
            <input type={type} name={q.id} value={c.id} checked={p.chosen.includes(c.id)} /> {pick(c.text, l)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export interface LessonPageProps {
  locale: Locale;
  course: Course;
  lesson: Lesson;
  csrf: string;
  errors?: FieldError[];
  chosen?: Record<string, readonly string[]>;
}

/** The page at a lesson's address, under the person's training: the lesson and its result alike. */
export function LessonFrame(p: {
  l: Locale;
  course: Course;
  lesson: Lesson;
  title: string;
  children: ComponentChildren;
}) {
  const { l, course, lesson, title } = p;
  return (
    <Page
      locale={l}
      title={title}
      path={lessonPath(l, course.id, lesson.number).slice(l.length + 1)}
      crumbs={[{ href: myTrainingPath(l), label: t(l, 'training.title') }, { label: title }]}
    >
      {p.children}
    </Page>
  );
}

/** The lesson's title and text, shared by the lesson and its result. */
export function LessonHeading(p: { l: Locale; course: Course; lesson: Lesson }) {
  const { l, course, lesson } = p;
  return (
    <>
      <h1>{t(l, 'training.lesson.heading', { n: lesson.number, title: pick(lesson.title, l) })}</h1>
      <p class="muted">
        {pick(course.title, l)} · {t(l, 'training.lesson.minutes', { n: lesson.minutes })}
      </p>
    </>
  );
}

export function LessonPage(p: LessonPageProps) {
  const { locale: l, course, lesson } = p;
  const title = t(l, 'training.lesson.heading', { n: lesson.number, title: pick(lesson.title, l) });
  const errors = p.errors ?? [];
  const html = renderLessonMarkdown(lessonText(lesson, l, course.languages));
  return renderPage(
    <LessonFrame l={l} course={course} lesson={lesson} title={title}>
      <ErrorSummary locale={l} errors={errors} />
      <LessonHeading l={l} course={course} lesson={lesson} />
      {isUnreviewed(course, lesson.number, l) ? <Notice kind="note" text={t(l, 'training.lesson.unreviewed')} /> : null}
      <div class="lesson" dangerouslySetInnerHTML={{ __html: html }} />
      <h2>{t(l, 'training.quiz.title')}</h2>
      <form method="post" action={lessonPath(l, course.id, lesson.number)} novalidate>
        <CsrfField token={p.csrf} />
        {lesson.quiz.questions.map((q, i) => (
          <QuestionField
            key={q.id}
            l={l}
            q={q}
            index={i}
            chosen={p.chosen?.[q.id] ?? []}
            error={errors.find((e) => e.field === q.id)?.text}
          />
        ))}
        <button type="submit">{t(l, 'training.quiz.submit')}</button>
      </form>
    </LessonFrame>,
  );
}
