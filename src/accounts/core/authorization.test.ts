import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  can,
  grantableScopes,
  scopeAllows,
  type Action,
  type Principal,
  type Resource,
} from './authorization.ts';
import { ROLES, SCOPES, type Role, type Scope } from './account.ts';

// The expected policy, written out by hand rather than derived from the implementation, so that a
// change to the policy has to change this table too.
const ALL: readonly Action[] = ACTIONS;
const READS: Action[] = [
  'filing.draft.read',
  'filing.read',
  'statement.read',
  'users.read',
  'findings.read',
  'audit.read',
];

type Where = 'own' | 'other' | 'none';
const expected: Record<Role, Record<Where, Action[]>> = {
  commission_admin: { own: [...ALL], other: [...ALL], none: [...ALL] },
  commission_analyst: {
    own: [...READS, 'findings.review', 'tokens.manage'],
    other: [...READS, 'findings.review', 'tokens.manage'],
    none: [...READS, 'findings.review', 'tokens.manage'],
  },
  auditor: { own: [...READS, 'tokens.manage'], other: [...READS, 'tokens.manage'], none: [...READS, 'tokens.manage'] },
  party_treasurer: {
    own: [
      'filing.draft.read',
      'filing.draft.write',
      'filing.submit',
      'filing.read',
      'statement.read',
      'findings.answer',
      'tokens.manage',
    ],
    other: ['tokens.manage'],
    none: ['tokens.manage'],
  },
  bank_officer: {
    own: ['statement.upload', 'statement.read', 'tokens.manage'],
    other: ['tokens.manage'],
    none: ['tokens.manage'],
  },
};

const resources: Record<Where, Resource> = {
  own: { partyRegistrationNumber: 'PARTY-A', bank: 'BANK-1' },
  other: { partyRegistrationNumber: 'PARTY-B', bank: 'BANK-2' },
  none: {},
};

function principal(role: Role, extra: Partial<Principal> = {}): Principal {
  return {
    userId: 1,
    login: 'x',
    displayName: 'X',
    role,
    partyRegistrationNumber: role === 'party_treasurer' ? 'PARTY-A' : null,
    bank: role === 'bank_officer' ? 'BANK-1' : null,
    scopes: null,
    via: 'session',
    ...extra,
  };
}

describe('can: every role × action × own/other/no resource', () => {
  for (const role of ROLES) {
    for (const where of ['own', 'other', 'none'] as const) {
      for (const action of ACTIONS) {
        const allowed = expected[role][where].includes(action);
        it(`${role} ${allowed ? 'may' : 'may not'} ${action} (${where})`, () => {
          expect(can(principal(role), action, resources[where])).toBe(allowed);
        });
      }
    }
  }
});

describe('can: bindings', () => {
  it('a treasurer reads statements of their own party at any bank, not of another party at their bank', () => {
    const p = principal('party_treasurer');
    expect(can(p, 'statement.read', { partyRegistrationNumber: 'PARTY-A', bank: 'BANK-9' })).toBe(true);
    expect(can(p, 'statement.read', { partyRegistrationNumber: 'PARTY-B', bank: 'BANK-1' })).toBe(false);
  });

  it('a bank officer uploads for their bank whatever the party', () => {
    const p = principal('bank_officer');
    expect(can(p, 'statement.upload', { bank: 'BANK-1', partyRegistrationNumber: 'PARTY-B' })).toBe(true);
    expect(can(p, 'statement.upload', { bank: 'BANK-2', partyRegistrationNumber: 'PARTY-A' })).toBe(false);
  });

  it('an unbound treasurer or bank officer (no party / bank recorded) gets nothing bound', () => {
    expect(
      can(principal('party_treasurer', { partyRegistrationNumber: null }), 'filing.draft.read', {
        partyRegistrationNumber: null,
      }),
    ).toBe(false);
    expect(can(principal('bank_officer', { bank: null }), 'statement.upload', { bank: null })).toBe(false);
  });

  it('nobody signed in may do nothing', () => {
    for (const action of ACTIONS) expect(can(null, action, resources.own)).toBe(false);
  });

  it('staff who must enrol TOTP first may do nothing else', () => {
    for (const action of ACTIONS)
      expect(can(principal('commission_admin', { mustEnrolTotp: true }), action, resources.own)).toBe(false);
  });
});

describe('token scopes narrow the role', () => {
  const token = (role: Role, scopes: Scope[]) => principal(role, { via: 'token', scopes, tokenId: 7 });

  it('filings:read lets a treasurer read but not write or submit their drafts', () => {
    const p = token('party_treasurer', ['filings:read']);
    expect(can(p, 'filing.draft.read', resources.own)).toBe(true);
    expect(can(p, 'filing.draft.write', resources.own)).toBe(false);
    expect(can(p, 'filing.submit', resources.own)).toBe(false);
  });

  it('filings:write includes reading back, still only for their party', () => {
    const p = token('party_treasurer', ['filings:write']);
    expect(can(p, 'filing.draft.write', resources.own)).toBe(true);
    expect(can(p, 'filing.draft.read', resources.own)).toBe(true);
    expect(can(p, 'filing.draft.write', resources.other)).toBe(false);
  });

  it('a scope never widens the role', () => {
    expect(can(token('auditor', ['filings:write']), 'filing.draft.write', resources.own)).toBe(false);
    expect(can(token('party_treasurer', ['statements:write']), 'statement.upload', resources.own)).toBe(false);
  });

  it('statements:write uploads for the bank; statements:read cannot', () => {
    expect(can(token('bank_officer', ['statements:write']), 'statement.upload', resources.own)).toBe(true);
    expect(can(token('bank_officer', ['statements:read']), 'statement.upload', resources.own)).toBe(false);
  });

  it('management is never done by token, even an administrator holding every scope', () => {
    const p = token('commission_admin', [...SCOPES]);
    for (const action of [
      'users.manage',
      'users.read',
      'election.manage',
      'party.manage',
      'candidates.manage',
      'findings.review',
      'findings.answer',
      'findings.publish',
      'tokens.manage',
    ] as Action[]) {
      expect(can(p, action, resources.own)).toBe(false);
    }
    expect(can(p, 'audit.read')).toBe(true);
  });

  it('a token with no scopes can do nothing', () => {
    for (const action of ACTIONS) expect(scopeAllows([], action)).toBe(false);
  });
});

describe('grantableScopes', () => {
  it('offers each role only scopes it can use', () => {
    expect(grantableScopes('commission_admin').sort()).toEqual([...SCOPES].sort());
    expect(grantableScopes('commission_analyst').sort()).toEqual([
      'audit:read',
      'filings:read',
      'findings:read',
      'statements:read',
    ]);
    expect(grantableScopes('auditor').sort()).toEqual([
      'audit:read',
      'filings:read',
      'findings:read',
      'statements:read',
    ]);
    expect(grantableScopes('party_treasurer').sort()).toEqual([
      'filings:read',
      'filings:submit',
      'filings:write',
      'statements:read',
    ]);
    expect(grantableScopes('bank_officer').sort()).toEqual(['statements:read', 'statements:write']);
  });
});
