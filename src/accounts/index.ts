// The accounts capability: sign-in, one's own account, user management and API tokens; and what
// every other capability uses to know who is asking and what they may do (authPlugin puts
// `request.principal` on each request, requirePermission guards a route, `can` is the policy).
// Other capabilities import from here only.
import type { Capability } from '../platform/capability.ts';
import { t } from './accounts.messages.ts';
import { accountMessages } from './accounts.messages.ts';
import { accountRoutes } from './http/account.routes.ts';

export const accounts: Capability = {
  name: 'accounts',
  messages: [accountMessages],
  routes: (app, ctx) => accountRoutes(app, ctx),
  staffLinks: (locale, may) => [
    { href: `/${locale}/account`, label: t(locale, 'accounts.title.account') },
    // The list is open to whoever may read users (analysts and auditors too); administrators manage them there.
    ...(may('users.read') ? [{ href: `/${locale}/account/users`, label: t(locale, 'accounts.nav.users') }] : []),
  ],
};

export {
  authPlugin,
  requirePermission,
  requireSignedIn,
  localeOfRequest,
  SESSION_COOKIE,
  CSRF_FIELD,
  CSRF_HEADER,
  type ResourceOf,
} from './http/auth.plugin.ts';
export { accountRoutes } from './http/account.routes.ts';
export {
  ACTIONS,
  actorOf,
  can,
  grantableScopes,
  ownResource,
  scopeAllows,
  type Action,
  type Principal,
  type Resource,
} from './core/authorization.ts';
export {
  ROLES,
  SCOPES,
  bankSchema,
  defaultAccountSettings,
  accountSettingsFromConfig,
  parseWith,
  problemsFromZod,
  type AccountSettings,
  type ApiToken,
  type Role,
  type Scope,
  type User,
} from './core/account.ts';
export {
  accountFacts,
  liveTokenFacts,
  twoStepSignInOn,
  type AccountFacts,
  type TokenFacts,
} from './security-posture.ts';
export { canSendMail, sendMailInBackground, type Mail } from './mailer.ts';
/** The kit's CSRF form field, under the name the other capabilities use (prefer the kit's CsrfField). */
export { CsrfField as CsrfInput } from '../platform/web/index.ts';
