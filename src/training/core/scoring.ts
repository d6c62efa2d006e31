// Quiz scoring and progress through a versioned course. A lesson counts as passed when its current
// version's quiz was passed (and, when a pass only counts from a date on, on or after that date); a
// course is passed when every lesson is. Raising a lesson's version therefore asks everyone for that
// lesson again and for nothing else.
import type { Course, Quiz } from './course.ts';

/** The choice ids given per question id. */
export type Answers = Readonly<Record<string, readonly string[]>>;

export interface QuestionResult {
  id: string;
  right: boolean;
  chosen: string[];
}

export interface QuizScore {
  correct: number;
  total: number;
  passed: boolean;
  questions: QuestionResult[];
}

/**
 * A question is right when exactly its correct choices were chosen; choices that are not the
 * question's own are ignored. Passed when the share of right questions reaches the pass mark.
 */
export function scoreQuiz(quiz: Quiz, answers: Answers, passMark: number): QuizScore {
  const questions = quiz.questions.map((q) => {
    const own = new Set(q.choices.map((c) => c.id));
    const chosen = [...new Set((answers[q.id] ?? []).filter((c) => own.has(c)))];
    const right =
      q.choices.every((c) => c.correct === chosen.includes(c.id)) && (q.kind === 'multiple' || chosen.length === 1);
    return { id: q.id, right, chosen };
  });
  const correct = questions.filter((q) => q.right).length;
  const total = questions.length;
  // Compared in whole numbers, so that 0.8 of 5 questions is exactly 4.
  const passed = total > 0 && correct * 1000 >= Math.round(passMark * 1000) * total;
  return { correct, total, passed, questions };
}

/** A passed quiz of one lesson version, when it was passed. */
export interface LessonPass {
  lesson: number;
  version: number;
  /** ISO timestamp. */
  at: string;
}

export type LessonState = 'passed' | 'changed' | 'todo';

export interface LessonProgress {
  lesson: number;
  state: LessonState;
  /** When the current version was passed. */
  passedAt: string | undefined;
}

/**
 * Each lesson's state: passed (its current version), changed (an older version was passed: take it
 * again) or to do. Passes before `since` (ISO) do not count, for a course that must be taken again.
 */
export function lessonProgress(course: Course, passes: readonly LessonPass[], since?: string): LessonProgress[] {
  const counted = passes.filter((p) => since === undefined || p.at >= since);
  return course.lessons.map((l) => {
    const mine = counted.filter((p) => p.lesson === l.number);
    const current = mine.filter((p) => p.version === l.version).sort((a, b) => a.at.localeCompare(b.at))[0];
    if (current) return { lesson: l.number, state: 'passed', passedAt: current.at };
    return { lesson: l.number, state: mine.length > 0 ? 'changed' : 'todo', passedAt: undefined };
  });
}

export interface CourseProgress {
  lessons: LessonProgress[];
  passedCount: number;
  passed: boolean;
  /** When the last lesson of the current versions was passed; set only when the course is passed. */
  passedAt: string | undefined;
  /** The first lesson still to take: where "resume" leads. */
  resumeAt: number | undefined;
}

export function courseProgress(course: Course, passes: readonly LessonPass[], since?: string): CourseProgress {
  const lessons = lessonProgress(course, passes, since);
  const passedCount = lessons.filter((l) => l.state === 'passed').length;
  const passed = passedCount === lessons.length;
  const passedAt = passed ? lessons.map((l) => l.passedAt ?? '').reduce((a, b) => (a > b ? a : b), '') : undefined;
  return { lessons, passedCount, passed, passedAt, resumeAt: lessons.find((l) => l.state !== 'passed')?.lesson };
}
