// The public check of a certificate's code. Anyone may ask; the answer names the holder, the course, its
// version and the date, or says plainly that no certificate has the code.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema } from '../../domain/election.ts';
import {
  defineRoutes,
  notFound,
  PUBLIC_CACHE,
  route,
  sendPrivateHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { courseMedia } from '../course-content.ts';
import { normaliseCertificateCode } from '../core/certificate-code.ts';
import { verifyCertificate } from '../training.service.ts';
import { VerifyPage, type VerifyAnswer } from '../views/verify.page.tsx';

const VerifyQuery = z.object({ code: z.string().max(100).optional().catch(undefined) });

export const TRAINING_PUBLIC_ROUTES: readonly RouteDef[] = [
  route({
    id: 'training.verify',
    method: 'GET',
    url: '/:locale/training/certificates/verify',
    access: { kind: 'public' },
    params: z.object({ locale: localeSchema }),
    query: VerifyQuery,
    handler: async ({ ctx, reply, locale, query }) => {
      const typed = (query.code ?? '').trim();
      let answer: VerifyAnswer = { kind: 'none' };
      if (typed !== '') {
        const code = normaliseCertificateCode(typed);
        const found = code ? await verifyCertificate(ctx, code) : undefined;
        answer = !code ? { kind: 'malformed', typed } : found ? { kind: 'valid', found } : { kind: 'unknown', code };
      }
      // Not cached: a certificate issued a moment ago must verify at once.
      const status = answer.kind === 'unknown' || answer.kind === 'malformed' ? 404 : 200;
      return sendPrivateHtml(reply, VerifyPage({ locale, typed, answer }), status);
    },
  }),
  route({
    id: 'training.media',
    method: 'GET',
    url: '/training/media/:course/:file',
    access: { kind: 'public' },
    params: z.object({ course: z.string().max(64), file: z.string().max(80) }),
    handler: ({ ctx, reply, params }) => {
      const media = courseMedia(ctx, params.course, params.file);
      if (!media) return notFound(reply, 'en');
      return reply.header('content-type', media.type).header('cache-control', PUBLIC_CACHE).send(media.bytes);
    },
  }),
];

export async function trainingPublicRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, TRAINING_PUBLIC_ROUTES);
}
