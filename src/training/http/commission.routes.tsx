// The commission's screens of training, for administrators: completion per role, organisation and
// person with its CSV and reminders, and the security review of the accounts.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import {
  defineRoutes,
  route,
  seeOther,
  sendDownload,
  sendPrivateHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { actorOf, type Resource } from '../../accounts/index.ts';
import { countBy, type PersonCompletion } from '../core/completion.ts';
import type { Course } from '../core/course.ts';
import { coursesOf } from '../course-content.ts';
import { completionCsv, courseCompletion, postureReview, remindUncertified } from '../overview.service.ts';
import { CompletionPage } from '../views/completion.page.tsx';
import { PosturePage } from '../views/posture.page.tsx';
import { completionPath } from '../views/paths.ts';
import { LocaleOnly, principalOf, TRAINING_AUTH, type TrainingAction } from './training-http.ts';

const ScreenQuery = z.object({
  reminded: z.coerce.number().int().min(0).optional().catch(undefined),
  mailed: z.coerce.number().int().min(0).optional().catch(undefined),
  course: z.string().max(64).optional().catch(undefined),
});
const MANAGE = 'users.manage';

/** The course the overview is about: the one asked for, or the first shipped. */
function courseFor(ctx: AppContext, id: string | undefined) {
  const courses = coursesOf(ctx);
  const found = (id ? courses.get(id) : undefined) ?? [...courses.values()][0];
  if (!found) throw new Error('no course is shipped');
  return found;
}

interface CompletionInput {
  reply: FastifyReply;
  locale: Locale;
  query: z.output<typeof ScreenQuery>;
  course: Course;
  people: PersonCompletion[];
}

/** The completion of one course, as a page or as its CSV: the same access, query and figures. */
function completionRoute(id: string, url: string, answer: (input: CompletionInput) => unknown) {
  return route<TrainingAction, Resource, typeof LocaleOnly, typeof ScreenQuery>({
    id,
    method: 'GET',
    url,
    access: { kind: 'permission', actions: [MANAGE] },
    params: LocaleOnly,
    query: ScreenQuery,
    handler: async ({ ctx, reply, locale, query }) => {
      const course = courseFor(ctx, query.course);
      return answer({ reply, locale, query, course, people: await courseCompletion(ctx, course) });
    },
  });
}

export const TRAINING_COMMISSION_ROUTES: readonly RouteDef<TrainingAction, Resource>[] = [
  completionRoute('training.completion', '/:locale/commission/training', ({ reply, locale, query, course, people }) => {
    const reminded = query.reminded === undefined ? undefined : { n: query.reminded, mailed: query.mailed ?? 0 };
    const page = CompletionPage({
      locale,
      course,
      people,
      byRole: countBy(people, (r) => r.role),
      byOrganisation: countBy(people, (r) => r.organisation),
      csrf: reply.generateCsrf(),
      reminded,
    });
    return sendPrivateHtml(reply, page);
  }),
  completionRoute('training.completion.csv', '/:locale/commission/training.csv', ({ reply, locale, course, people }) =>
    sendDownload(
      reply,
      { type: 'text/csv; charset=utf-8', filename: `training-${course.id}.csv`, body: completionCsv(locale, people) },
      'no-store',
    ),
  ),
  route({
    id: 'training.reminders',
    method: 'POST',
    url: '/:locale/commission/training/reminders',
    access: { kind: 'permission', actions: [MANAGE] },
    params: LocaleOnly,
    handler: async ({ ctx, req, reply, locale }) => {
      const l: Locale = locale;
      const course = courseFor(ctx, undefined);
      const r = await remindUncertified(ctx, course, actorOf(principalOf(req)), l);
      return seeOther(reply, `${completionPath(l)}?reminded=${r.reminded}&mailed=${r.mailed}`);
    },
  }),
  route({
    id: 'training.posture',
    method: 'GET',
    url: '/:locale/commission/security',
    access: { kind: 'permission', actions: [MANAGE] },
    params: LocaleOnly,
    handler: async ({ ctx, reply, locale }) =>
      sendPrivateHtml(reply, PosturePage({ locale, items: await postureReview(ctx) })),
  }),
];

export async function trainingCommissionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, TRAINING_COMMISSION_ROUTES, { auth: TRAINING_AUTH });
}
