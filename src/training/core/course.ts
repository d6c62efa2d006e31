// A course as content: its metadata (course.json), its lessons in Markdown per language and one quiz
// per lesson (quiz-N.json). The schemas read the files once when they are loaded; a course that does
// not parse refuses to load rather than showing staff half a lesson.
import { z } from 'zod';
import { localeSchema, localizedSchema, type Locale, type Localized } from '../../domain/election.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

const choiceSchema = z.object({
  id: slug,
  text: localizedSchema,
  correct: z.boolean(),
  /** Why this answer is right or wrong, shown after the quiz whatever was chosen. */
  explanation: localizedSchema,
});

export const questionSchema = z
  .object({
    id: slug,
    kind: z.enum(['single', 'multiple']),
    text: localizedSchema,
    choices: z.array(choiceSchema).min(2).max(8),
  })
  .superRefine((q, c) => {
    const right = q.choices.filter((x) => x.correct).length;
    if (q.kind === 'single' ? right !== 1 : right < 1)
      c.addIssue({
        code: 'custom',
        message: `question ${q.id}: a ${q.kind} choice question has ${right} right answers`,
      });
    if (new Set(q.choices.map((x) => x.id)).size !== q.choices.length)
      c.addIssue({ code: 'custom', message: `question ${q.id}: two choices share an id` });
  });

export const quizSchema = z.object({ questions: z.array(questionSchema).min(1).max(20) });

const lessonMetaSchema = z.object({
  number: z.number().int().min(1),
  /** Raised whenever the lesson or its quiz changes in substance: whoever passed an older version takes it again. */
  version: z.number().int().min(1),
  title: localizedSchema,
  minutes: z.number().int().min(1).max(120),
});

export const courseMetaSchema = z
  .object({
    id: slug,
    /** Raised with any lesson's version; certificates name it. */
    version: z.number().int().min(1),
    title: localizedSchema,
    summary: localizedSchema,
    languages: z.array(localeSchema).min(1),
    /** The share of questions of a lesson's quiz that must be right, 0 to 1. */
    passMark: z.number().min(0).max(1),
    /** Sentences translated by nobody who has checked them, per language: the reader is told. */
    unreviewedTranslations: z.array(
      z.object({ locale: localeSchema, lessons: z.array(z.number().int().min(1)), note: z.string() }),
    ),
    lessons: z.array(lessonMetaSchema).min(1),
  })
  .superRefine((c, ctx) => {
    c.lessons.forEach((l, i) => {
      if (l.number !== i + 1) ctx.addIssue({ code: 'custom', message: `lesson ${i + 1} is numbered ${l.number}` });
    });
  });

export type Question = z.infer<typeof questionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type CourseMeta = z.infer<typeof courseMetaSchema>;

export interface Lesson {
  number: number;
  version: number;
  title: Localized;
  minutes: number;
  /** The lesson's Markdown per language it is written in. */
  markdown: Partial<Record<Locale, string>>;
  quiz: Quiz;
}

export interface Course {
  id: string;
  version: number;
  title: Localized;
  summary: Localized;
  languages: Locale[];
  passMark: number;
  unreviewedTranslations: CourseMeta['unreviewedTranslations'];
  lessons: Lesson[];
}

/** Whether a lesson's text in `locale` is a translation nobody has checked yet. */
export function isUnreviewed(course: Course, lesson: number, locale: Locale): boolean {
  return course.unreviewedTranslations.some((u) => u.locale === locale && u.lessons.includes(lesson));
}

/** The lesson's Markdown in the reader's language, or the first language it has. */
export function lessonText(lesson: Lesson, locale: Locale, languages: readonly Locale[]): string {
  const found = lesson.markdown[locale];
  if (found !== undefined) return found;
  for (const l of languages) {
    const other = lesson.markdown[l];
    if (other !== undefined) return other;
  }
  return '';
}
