// The courses shipped with the platform, read from `courses/<course-id>/`: course.json, then per lesson
// `lesson-N.<locale>.md` and `quiz-N.json`. Read once per application (kept in ctx.memo) and checked
// whole: a course with a missing file or a quiz that does not parse is refused with the reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../platform/app-context.ts';
import { LOCALES, type Locale } from '../domain/election.ts';
import { courseMetaSchema, quizSchema, type Course, type Lesson } from './core/course.ts';

const COURSES_DIR = fileURLToPath(new URL('./courses/', import.meta.url));

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** One course from its folder; throws with the file and the reason when something is wrong. */
export function readCourse(dir: string): Course {
  const parsed = courseMetaSchema.safeParse(readJson(join(dir, 'course.json')));
  if (!parsed.success) throw new Error(`${dir}/course.json: ${parsed.error.message}`);
  const meta = parsed.data;
  const lessons: Lesson[] = meta.lessons.map((l) => {
    const markdown: Partial<Record<Locale, string>> = {};
    for (const locale of LOCALES) {
      const file = join(dir, `lesson-${l.number}.${locale}.md`);
      if (existsSync(file)) markdown[locale] = readFileSync(file, 'utf8');
      else if (meta.languages.includes(locale)) throw new Error(`${file} is missing`);
    }
    const quiz = quizSchema.safeParse(readJson(join(dir, `quiz-${l.number}.json`)));
    if (!quiz.success) throw new Error(`${dir}/quiz-${l.number}.json: ${quiz.error.message}`);
    return { ...l, markdown, quiz: quiz.data };
  });
  return { ...meta, lessons };
}

/** Every course in a folder of courses, by id. */
export function readCourses(root: string = COURSES_DIR): Map<string, Course> {
  const courses = new Map<string, Course>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const course = readCourse(join(root, entry.name));
    if (course.id !== entry.name) throw new Error(`${entry.name}/course.json names itself ${course.id}`);
    courses.set(course.id, course);
  }
  return courses;
}

/** The shipped courses, read once per application. */
export function coursesOf(ctx: AppContext): Map<string, Course> {
  const known = ctx.memo.get<Map<string, Course>>('training', 'courses');
  if (known) return known;
  const courses = readCourses();
  ctx.memo.set('training', 'courses', courses);
  return courses;
}

export function courseOf(ctx: AppContext, id: string): Course | undefined {
  return coursesOf(ctx).get(id);
}

const MEDIA_TYPES: Readonly<Record<string, string>> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg' };

/** An image of a course's lessons (`courses/<id>/media/<file>`), with its type; undefined when there is none. */
export function courseMedia(
  ctx: AppContext,
  courseId: string,
  file: string,
): { type: string; bytes: Buffer } | undefined {
  const m = /^[a-z0-9][a-z0-9-]{0,62}\.(svg|png|jpg)$/.exec(file);
  const type = m?.[1] ? MEDIA_TYPES[m[1]] : undefined;
  if (!type || !coursesOf(ctx).has(courseId)) return undefined;
  const path = join(COURSES_DIR, courseId, 'media', file);
  return existsSync(path) ? { type, bytes: readFileSync(path) } : undefined;
}
