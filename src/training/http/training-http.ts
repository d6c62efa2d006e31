// What the training routes share: who may use them (any signed-in person for their own courses; the
// accounts' permissions for the commission's screens), and the signed-in person as a learner.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import { csrfCheck, type RouteAuth } from '../../platform/web/index.ts';
import {
  requirePermission,
  requireSignedIn,
  type Action,
  type Principal,
  type Resource,
} from '../../accounts/index.ts';
import type { Learner } from '../training.service.ts';

/** The params of a page with no other path parameter than its language. */
export const LocaleOnly = z.object({ locale: localeSchema });

/** Taking one's own courses: anyone signed in with a browser session. */
export const TAKE = 'training.take';
export type TrainingAction = Action | typeof TAKE;

export const TRAINING_AUTH: RouteAuth<TrainingAction, Resource> = {
  // Called through, not captured: the accounts module may still be loading when this one is.
  requirePermission: (action, resource) => (action === TAKE ? requireSignedIn() : requirePermission(action, resource)),
  signedIn: (req) => req.principal !== null,
  csrf: csrfCheck({ exempt: (req) => req.bearer }),
};

export function learnerOf(p: Principal): Learner {
  return { userId: p.userId, login: p.login, displayName: p.displayName, role: p.role };
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('a training route was reached without a principal: its guard is missing');
  return req.principal;
}
