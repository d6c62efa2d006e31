// The result of a quiz: the score, whether the lesson is passed, and every question with the answers
// chosen and the explanation of each answer; then the next lesson, another try, or the certificate.
import { Notice, pick, renderPage } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { Course, Lesson } from '../core/course.ts';
import type { QuizOutcome } from '../training.service.ts';
import { t } from '../training.messages.ts';
import { LessonFrame, LessonHeading } from './lesson.page.tsx';
import { certificatePdfPath, lessonPath, myTrainingPath } from './paths.ts';

function NextSteps(p: { l: Locale; course: Course; lesson: Lesson; outcome: QuizOutcome }) {
  const { l, course, lesson, outcome } = p;
  const resume = outcome.standing.progress.resumeAt;
  return (
    <ul class="actions">
      {!outcome.score.passed ? (
        <li>
          <a class="button" href={lessonPath(l, course.id, lesson.number)}>
            {t(l, 'training.result.again')}
          </a>
        </li>
      ) : resume !== undefined ? (
        <li>
          <a class="button" href={lessonPath(l, course.id, resume)}>
            {t(l, 'training.result.next')}
          </a>
        </li>
      ) : null}
      {outcome.standing.certificate ? (
        <li>
          <a href={certificatePdfPath(l, outcome.standing.certificate.code)}>{t(l, 'training.action.certificate')}</a>
        </li>
      ) : null}
      <li>
        <a href={myTrainingPath(l)}>{t(l, 'training.result.back')}</a>
      </li>
    </ul>
  );
}

export function ResultPage(p: { locale: Locale; course: Course; lesson: Lesson; outcome: QuizOutcome }) {
  const { locale: l, course, lesson, outcome } = p;
  const title = `${t(l, 'training.result.title')}: ${pick(lesson.title, l)}`;
  const score = outcome.score;
  return renderPage(
    <LessonFrame l={l} course={course} lesson={lesson} title={title}>
      <LessonHeading l={l} course={course} lesson={lesson} />
      <h2>{t(l, 'training.result.title')}</h2>
      <Notice kind={score.passed ? 'done' : 'warn'}>
        <p>{t(l, 'training.result.score', { correct: score.correct, total: score.total })}</p>
        <p>{t(l, score.passed ? 'training.result.passed' : 'training.result.failed')}</p>
        {outcome.certified && outcome.standing.certificate ? (
          <p>
            {t(l, 'training.result.certified')} <code>{outcome.standing.certificate.code}</code>
          </p>
        ) : null}
      </Notice>
      {lesson.quiz.questions.map((q, i) => {
        const r = score.questions.find((x) => x.id === q.id);
        return (
          <section key={q.id} aria-labelledby={`q-${q.id}`}>
            <h3 id={`q-${q.id}`}>
              {i + 1}. {pick(q.text, l)} — {t(l, r?.right ? 'training.result.right' : 'training.result.wrong')}
            </h3>
            <ul>
              {q.choices.map((c) => (
                <li key={c.id}>
                  <strong>{pick(c.text, l)}</strong>
                  {r?.chosen.includes(c.id) ? ` (${t(l, 'training.result.chosen')})` : ''}
                  {c.correct ? ` — ${t(l, 'training.result.correctAnswer')}` : ''}
                  <br />
                  {pick(c.explanation, l)}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <NextSteps l={l} course={course} lesson={lesson} outcome={outcome} />
    </LessonFrame>,
  );
}
