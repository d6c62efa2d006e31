// The authorisation policy: who may do what to which resource. Pure: no database, no HTTP. Every
// route asks `can(principal, action, resource)` on the server; pages only hide what this refuses.
//
// Roles: commission administrators may do everything (publishing findings is theirs alone); analysts
// read everything that is not public and review findings; auditors read everything and change nothing; a party treasurer acts only
// for their own party and a bank officer only for their own bank. An API token narrows its owner
// further to its scopes, and actions that no scope opens (managing users, elections…) are for
// people in a browser only.
import { SCOPES, type Role, type Scope } from './account.ts';

export const ACTIONS = [
  'filing.draft.read',
  'filing.draft.write',
  'filing.submit',
  'filing.read',
  'statement.upload',
  'statement.read',
  'election.manage',
  'party.manage',
  'candidates.manage',
  'users.read',
  'users.manage',
  'findings.read',
  'findings.review',
  'findings.answer',
  'findings.publish',
  'audit.read',
  'tokens.manage',
  // Requests to change the voting address carry PINs and names: commission administrators only.
  'voter-requests.decide',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action is done to. Party- and bank-bound roles are checked against these fields. */
export interface Resource {
  partyRegistrationNumber?: string | null;
  bank?: string | null;
}

/** The signed-in person (or the machine holding their API token) a request acts for. */
export interface Principal {
  userId: number;
  login: string;
  displayName: string;
  role: Role;
  partyRegistrationNumber: string | null;
  bank: string | null;
  /** `null` for a browser session (bounded by the role only); the token's scopes otherwise. */
  scopes: readonly Scope[] | null;
  via: 'session' | 'token';
  tokenId?: number;
  /** Commission staff who must enrol TOTP first may do nothing else until they have. */
  mustEnrolTotp?: boolean;
}

/** How a principal is named in the activity log. */
export function actorOf(p: Principal): string {
  return p.via === 'token' ? `user:${p.login}/token:${p.tokenId ?? '?'}` : `user:${p.login}`;
}

const READS_EVERYTHING: readonly Action[] = [
  'filing.draft.read',
  'filing.read',
  'statement.read',
  'users.read',
  'findings.read',
  'audit.read',
];
const TREASURER_ACTIONS: readonly Action[] = [
  'filing.draft.read',
  'filing.draft.write',
  'filing.submit',
  'filing.read',
  'statement.read',
  // Answering the commission's requests for explanation about their own party's findings.
  'findings.answer',
];
const BANK_OFFICER_ACTIONS: readonly Action[] = ['statement.upload', 'statement.read'];

/**
 * What each scope opens. The first action is the one the scope is for: a scope is granted only to
 * roles that may do that action. Write scopes include reading back what was written. Actions no
 * scope opens (users, elections, parties, candidates, reviewing findings, tokens) are never done
 * by token.
 */
const SCOPE_OPENS: Record<Scope, readonly Action[]> = {
  'filings:read': ['filing.draft.read', 'filing.read'],
  'filings:write': ['filing.draft.write', 'filing.draft.read', 'filing.read'],
  'filings:submit': ['filing.submit'],
  'statements:read': ['statement.read'],
  'statements:write': ['statement.upload', 'statement.read'],
  'findings:read': ['findings.read'],
  'audit:read': ['audit.read'],
};

const sameKey = (own: string | null, theirs: string | null | undefined): boolean =>
  own !== null && theirs != null && own === theirs;

/** What the role allows, before any token narrows it. */
function roleAllows(p: Principal, action: Action, resource: Resource): boolean {
  switch (p.role) {
    case 'commission_admin':
      return true;
    case 'commission_analyst':
      return READS_EVERYTHING.includes(action) || action === 'findings.review' || action === 'tokens.manage';
    case 'auditor':
      return READS_EVERYTHING.includes(action) || action === 'tokens.manage';
    case 'party_treasurer':
      if (action === 'tokens.manage') return true;
      // Fails closed: a resource that names no party (a list of all drafts, say) is not theirs.
      return TREASURER_ACTIONS.includes(action) && sameKey(p.partyRegistrationNumber, resource.partyRegistrationNumber);
    case 'bank_officer':
      if (action === 'tokens.manage') return true;
      return BANK_OFFICER_ACTIONS.includes(action) && sameKey(p.bank, resource.bank);
    default: {
      const unknown: never = p.role;
      void unknown;
      return false;
    }
  }
}

export function scopeAllows(scopes: readonly Scope[] | null, action: Action): boolean {
  if (scopes === null) return true;
  return scopes.some((s) => SCOPE_OPENS[s].includes(action));
}

export function can(principal: Principal | null | undefined, action: Action, resource: Resource = {}): boolean {
  if (!principal) return false;
  if (principal.mustEnrolTotp) return false;
  return scopeAllows(principal.scopes, action) && roleAllows(principal, action, resource);
}

/**
 * Scopes worth granting to a role: those that open at least one action the role can ever do.
 * Token creation refuses others, so a token never looks broader than it can act.
 */
export function grantableScopes(role: Role): Scope[] {
  const probe: Principal = {
    userId: 0,
    login: '',
    displayName: '',
    role,
    partyRegistrationNumber: 'own',
    bank: 'own',
    scopes: null,
    via: 'session',
  };
  const own: Resource = { partyRegistrationNumber: 'own', bank: 'own' };
  return SCOPES.filter((s) => {
    const purpose = SCOPE_OPENS[s][0];
    return purpose !== undefined && roleAllows(probe, purpose, own);
  });
}

/** The resource that is "their own" for a bound role: what list pages scope their queries to. */
export function ownResource(p: Principal): Resource {
  return { partyRegistrationNumber: p.partyRegistrationNumber, bank: p.bank };
}
