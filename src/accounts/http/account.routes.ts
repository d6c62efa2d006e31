// HTTP routes of sign-in, one's own account (password, TOTP, API tokens) and user management,
// under /{locale}/account/…. Pages are no-store: they carry per-session tokens and secrets.
// Needs authPlugin registered first (it provides the principal, cookies and CSRF checking) and
// a form-body parser (@fastify/formbody, registered by the server).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { signInRoutes } from './sign-in.routes.ts';
import { ownAccountRoutes } from './own-account.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { tokensRoutes } from './tokens.routes.ts';
import { passwordResetRoutes } from './password-reset.routes.ts';

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  if (!app.hasDecorator('accountSettings')) throw new Error('register authPlugin(ctx) before accountRoutes');
  signInRoutes(app, ctx);
  ownAccountRoutes(app, ctx);
  usersRoutes(app, ctx);
  tokensRoutes(app, ctx);
  passwordResetRoutes(app, ctx);
}
