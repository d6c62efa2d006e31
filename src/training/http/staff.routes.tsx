// The signed-in person's training: their courses, a lesson with its quiz, the quiz answered (the result
// with explanations), and their certificate as a PDF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import {
  defineRoutes,
  day,
  formErrors,
  notFound,
  parseForm,
  pick,
  route,
  sendPrivateHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { can, type Resource } from '../../accounts/index.ts';
import type { Course, Lesson, Quiz } from '../core/course.ts';
import { courseOf } from '../course-content.ts';
import { answerQuiz, myCourses } from '../training.service.ts';
import { findCertificate } from '../training.repository.ts';
import { renderCertificate } from '../certificate.pdf.ts';
import { t } from '../training.messages.ts';
import { MyTrainingPage } from '../views/courses.page.tsx';
import { LessonPage } from '../views/lesson.page.tsx';
import { ResultPage } from '../views/result.page.tsx';
import { verifyPath } from '../views/paths.ts';
import { LocaleOnly, learnerOf, principalOf, TAKE, TRAINING_AUTH, type TrainingAction } from './training-http.ts';

const LessonParams = z.object({
  locale: localeSchema,
  course: z.string().max(64),
  n: z.coerce.number().int().min(1).max(100),
});
const CertificateParams = z.object({ locale: localeSchema, code: z.string().max(40) });

/** The quiz's form: one field per question, a choice of its own for single, one or more for multiple. */
export function quizForm(quiz: Quiz) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of quiz.questions) {
    const ids = q.choices.map((c) => c.id) as [string, ...string[]];
    shape[q.id] = q.kind === 'single' ? z.enum(ids) : z.array(z.enum(ids)).min(1);
  }
  return z.object(shape);
}

function lessonOf(ctx: AppContext, courseId: string, n: number) {
  const course = courseOf(ctx, courseId);
  const lesson = course?.lessons[n - 1];
  return course && lesson ? { course, lesson } : undefined;
}

/** What was chosen, read loosely, to show a refused form again as it was filled in. */
function chosenOf(body: unknown, course: Course, n: number): Record<string, string[]> {
  const b = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const out: Record<string, string[]> = {};
  for (const q of course.lessons[n - 1]?.quiz.questions ?? []) {
    const v = b[q.id];
    out[q.id] = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  }
  return out;
}

interface LessonInput {
  ctx: AppContext;
  req: FastifyRequest;
  reply: FastifyReply;
  locale: Locale;
  params: z.output<typeof LessonParams>;
  found: { course: Course; lesson: Lesson };
}

/** A lesson's address: read, its page; posted to, its quiz answered. A lesson not shipped is absent either way. */
function lessonRoute(id: string, method: 'GET' | 'POST', answer: (input: LessonInput) => unknown) {
  return route<TrainingAction, Resource, typeof LessonParams>({
    id,
    method,
    url: '/:locale/training/courses/:course/lessons/:n',
    access: { kind: 'permission', actions: [TAKE] },
    params: LessonParams,
    handler: ({ ctx, req, reply, locale, params }) => {
      const found = lessonOf(ctx, params.course, params.n);
      return found ? answer({ ctx, req, reply, locale, params, found }) : notFound(reply, locale);
    },
  });
}

export const TRAINING_STAFF_ROUTES: readonly RouteDef<TrainingAction, Resource>[] = [
  route({
    id: 'training.mine',
    method: 'GET',
    url: '/:locale/training',
    access: { kind: 'permission', actions: [TAKE] },
    params: LocaleOnly,
    handler: async ({ ctx, req, reply, locale }) =>
      sendPrivateHtml(reply, MyTrainingPage({ locale, courses: await myCourses(ctx, learnerOf(principalOf(req))) })),
  }),
  lessonRoute('training.lesson', 'GET', ({ reply, locale, found }) =>
    sendPrivateHtml(reply, LessonPage({ locale, ...found, csrf: reply.generateCsrf() })),
  ),
  lessonRoute('training.quiz', 'POST', async ({ ctx, req, reply, locale, params, found }) => {
    const form = parseForm(quizForm(found.lesson.quiz), req.body);
    if (!form.ok) {
      const errors = formErrors(form.error, { describe: () => t(locale, 'training.quiz.unanswered') });
      const chosen = chosenOf(req.body, found.course, params.n);
      const page = LessonPage({ locale, ...found, csrf: reply.generateCsrf(), errors, chosen });
      return sendPrivateHtml(reply, page, 422);
    }
    const answers = Object.fromEntries(
      Object.entries(form.value).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : [String(v)]]),
    );
    const outcome = await answerQuiz(ctx, learnerOf(principalOf(req)), found.course, params.n, answers, locale);
    return sendPrivateHtml(reply, ResultPage({ locale, ...found, outcome }));
  }),
  route({
    id: 'training.certificate',
    method: 'GET',
    url: '/:locale/training/certificates/:code/pdf',
    access: { kind: 'permission', actions: [TAKE] },
    params: CertificateParams,
    handler: async ({ ctx, req, reply, locale, params }) => {
      const p = principalOf(req);
      const c = await findCertificate(ctx.db, params.code);
      // Someone else's certificate is as absent as one that does not exist; administrators see all.
      if (!c || (c.userId !== p.userId && !can(p, 'users.manage'))) return notFound(reply, locale);
      const course = courseOf(ctx, c.courseId);
      const l: Locale = locale;
      const origin = ctx.config.publicUrl ?? '';
      const pdf = await renderCertificate({
        lang: l,
        heading: t(l, 'training.certificate.title'),
        holderName: c.holderName,
        passedText: t(l, 'training.certificate.passed'),
        courseTitle: course ? pick(course.title, l) : c.courseId,
        facts: [
          { label: t(l, 'training.verify.version'), value: String(c.courseVersion) },
          { label: t(l, 'training.verify.date'), value: day(c.issuedOn, l) },
          { label: t(l, 'training.verify.code'), value: c.code },
        ],
        checkAt: t(l, 'training.certificate.check', { url: `${origin}${verifyPath(l, c.code)}` }),
        producedAt: new Date(c.issuedAt),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="certificate-${c.code}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  }),
];

export async function trainingStaffRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, TRAINING_STAFF_ROUTES, { auth: TRAINING_AUTH });
}
