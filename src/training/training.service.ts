// Taking a course: each person's progress and certificate, a quiz answered (the attempt stored, and a
// certificate issued in the same transaction when it completes the course), and what the person still
// lacks of their role's requirements. Versions and scoring are the pure core's.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { twoStepSignInOn } from '../accounts/index.ts';
import type { Course } from './core/course.ts';
import { courseProgress, scoreQuiz, type Answers, type CourseProgress, type QuizScore } from './core/scoring.ts';
import { missingRequirements, monthsBefore, type Missing, type RoleRequirement } from './core/requirements.ts';
import { certificateCode } from './core/certificate-code.ts';
import { coursesOf } from './course-content.ts';
import {
  certificatesOf,
  findCertificate,
  insertAttempt,
  insertCertificate,
  passesOf,
  type CertificateRow,
} from './training.repository.ts';

/** Who is taking a course: the signed-in person. */
export interface Learner {
  userId: number;
  login: string;
  displayName: string;
  role: string;
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export function requirementsOf(ctx: AppContext): RoleRequirement[] {
  return ctx.config.trainingRequirements ?? [];
}

/** How long a pass of the course counts for the role; undefined: for good. */
function monthsFor(ctx: AppContext, role: string, courseId: string): number | undefined {
  const months = requirementsOf(ctx)
    .filter((r) => r.role === role)
    .flatMap((r) => r.courses.filter((c) => c.id === courseId).map((c) => c.withinMonths))
    .filter((m): m is number => m !== undefined);
  return months.length > 0 ? Math.min(...months) : undefined;
}

export interface CourseStanding {
  course: Course;
  progress: CourseProgress;
  /** The certificate of the course's current version that still counts. */
  certificate: CertificateRow | undefined;
  /** The earlier pass has lapsed: the course is taken again from the start. */
  retake: boolean;
}

/** From the person's passes and certificates: the progress through the current versions. */
export function standingFrom(
  course: Course,
  passes: Parameters<typeof courseProgress>[1],
  certificates: readonly CertificateRow[],
  today: string,
  months: number | undefined,
): CourseStanding {
  const current = certificates.find((c) => c.courseVersion === course.version);
  const cutoff = months === undefined ? undefined : monthsBefore(today, months);
  const lapsed = current !== undefined && cutoff !== undefined && current.issuedOn <= cutoff;
  const progress = courseProgress(course, passes, lapsed ? cutoff : undefined);
  return { course, progress, certificate: lapsed ? undefined : current, retake: lapsed };
}

export async function courseStanding(ctx: AppContext, learner: Learner, course: Course): Promise<CourseStanding> {
  const [passes, certificates] = await Promise.all([
    passesOf(ctx.db, course.id, [learner.userId]),
    certificatesOf(ctx.db, course.id, [learner.userId]),
  ]);
  return standingFrom(
    course,
    passes.get(learner.userId) ?? [],
    certificates,
    isoDay(ctx.now()),
    monthsFor(ctx, learner.role, course.id),
  );
}

export async function myCourses(ctx: AppContext, learner: Learner): Promise<CourseStanding[]> {
  return Promise.all([...coursesOf(ctx).values()].map((c) => courseStanding(ctx, learner, c)));
}

export interface QuizOutcome {
  score: QuizScore;
  standing: CourseStanding;
  /** Issued by this attempt. */
  certified: boolean;
}

/** Stores the attempt; when it completes the course, issues the certificate in the same transaction. */
export async function answerQuiz(
  ctx: AppContext,
  learner: Learner,
  course: Course,
  lessonNumber: number,
  answers: Answers,
  locale: string,
): Promise<QuizOutcome> {
  const lesson = course.lessons[lessonNumber - 1];
  if (!lesson) throw new Error(`${course.id} has no lesson ${lessonNumber}`);
  const score = scoreQuiz(lesson.quiz, answers, course.passMark);
  const now = ctx.now();
  const certified = await ctx.db.transaction().execute(async (tx) => {
    await insertAttempt(tx, {
      userId: learner.userId,
      courseId: course.id,
      lesson: lesson.number,
      lessonVersion: lesson.version,
      locale,
      correct: score.correct,
      total: score.total,
      passed: score.passed,
      answers: Object.fromEntries(score.questions.map((q) => [q.id, q.chosen])),
      at: now.toISOString(),
    });
    if (!score.passed) return false;
    const passes = (await passesOf(tx, course.id, [learner.userId])).get(learner.userId) ?? [];
    const certificates = await certificatesOf(tx, course.id, [learner.userId]);
    const s = standingFrom(course, passes, certificates, isoDay(now), monthsFor(ctx, learner.role, course.id));
    if (!s.progress.passed || s.certificate) return false;
    const code = certificateCode(randomBytes(11));
    await insertCertificate(tx, {
      code,
      userId: learner.userId,
      courseId: course.id,
      courseVersion: course.version,
      holderName: learner.displayName,
      issuedOn: isoDay(now),
      issuedAt: now.toISOString(),
    });
    await recordActivity(
      tx,
      {
        actor: `user:${learner.login}`,
        action: 'training.certified',
        entityType: 'user',
        entityId: String(learner.userId),
        after: { course: course.id, version: course.version, code },
      },
      now,
    );
    return true;
  });
  return { score, standing: await courseStanding(ctx, learner, course), certified };
}

/** What the person lacks of their role's requirements today; empty when nothing is required of the role. */
export async function missingFor(ctx: AppContext, learner: Learner): Promise<Missing[]> {
  const requirements = requirementsOf(ctx).filter((r) => r.role === learner.role);
  if (requirements.length === 0) return [];
  const courses = coursesOf(ctx);
  const passedOn: Record<string, string | undefined> = {};
  for (const id of new Set(requirements.flatMap((r) => r.courses.map((c) => c.id)))) {
    const course = courses.get(id);
    const certificates = course ? await certificatesOf(ctx.db, id, [learner.userId]) : [];
    passedOn[id] = certificates.find((c) => c.courseVersion === course?.version)?.issuedOn;
  }
  const totpEnabled = await twoStepSignInOn(ctx.db, learner.userId);
  return missingRequirements(requirements, { role: learner.role, totpEnabled, passedOn }, isoDay(ctx.now()));
}

export interface Verification {
  certificate: CertificateRow;
  course: Course | undefined;
}

export async function verifyCertificate(ctx: AppContext, code: string): Promise<Verification | undefined> {
  const certificate = await findCertificate(ctx.db, code);
  if (!certificate) return undefined;
  return { certificate, course: coursesOf(ctx).get(certificate.courseId) };
}
