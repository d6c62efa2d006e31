// Findings as machines receive them (`--json`, the API, downloads): one flat shape, money in integer
// tyiyn. Two audiences: the public shape never carries an individual's identity number or home address
// (domain notes §3, law on personal data), neither as a field nor inside the evidence, where every
// identifier is passed through `publicIdentifier` (an organisation's INN stays, a PIN goes) and all other
// text through `maskPins`; the commission's shape keeps them, for the analyst who checks the registry.
import { maskPins, publicIdentifier } from '../../domain/pin-masking.ts';
import type { Tyiyn } from '../../domain/money.ts';
import type { AnalysedFinding, DonorKind, Finding, FindingStatus, Remedy, Severity } from './finding.ts';

export interface PublicFinding {
  id: string;
  rule: string;
  severity: Severity;
  status: FindingStatus;
  party: string;
  election: string;
  lineIds: string[];
  donor: { type: DonorKind; name: string } | null;
  amount: Tyiyn | null;
  excess: Tyiyn | null;
  remedy: Remedy | null;
  evidence: Record<string, unknown>;
}

/** The commission's shape: the same, with the donor's identity number and the evidence as recorded. */
export interface CommissionFinding extends Omit<PublicFinding, 'donor'> {
  donor: { type: DonorKind; name: string; identifier: string | null } | null;
}

/** Fields that only ever hold personal data: dropped from public evidence whatever their value. */
const PERSONAL_FIELDS = new Set(['pin', 'donorPin', 'donorAddress', 'address', 'birthDate']);
/** Fields that hold an identity number of either kind: an INN stays, a PIN does not. */
const IDENTIFIER_FIELDS = new Set(['inn', 'donorInn', 'payeeInn', 'identifier', 'counterpartyId']);

/** The evidence with personal data removed, at any depth. */
export function publicEvidence(value: unknown): unknown {
  if (typeof value === 'string') return maskPins(value);
  if (Array.isArray(value)) return value.map(publicEvidence);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (PERSONAL_FIELDS.has(key)) continue;
    if (IDENTIFIER_FIELDS.has(key) && typeof v === 'string') {
      const shown = publicIdentifier(v);
      if (shown !== null) out[key] = shown;
      continue;
    }
    out[key] = publicEvidence(v);
  }
  return out;
}

const statusOf = (f: AnalysedFinding | Finding): FindingStatus =>
  'status' in f ? f.status : f.remedied ? 'remedied' : 'open';

export function commissionFinding(f: AnalysedFinding | Finding): CommissionFinding {
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    status: statusOf(f),
    party: f.party,
    election: f.election,
    lineIds: f.lineIds,
    donor: f.donor ? { type: f.donor.type, name: f.donor.name, identifier: f.donor.identifier ?? null } : null,
    amount: f.amount ?? null,
    excess: f.excess ?? null,
    remedy: f.remedy ?? null,
    evidence: f.evidence,
  };
}

export function publicFinding(f: AnalysedFinding | Finding): PublicFinding {
  const c = commissionFinding(f);
  return {
    ...c,
    // Line ids are the filer's own text: a PIN typed into one must not leak through it.
    lineIds: c.lineIds.map((l) => maskPins(l)),
    donor: c.donor ? { type: c.donor.type, name: maskPins(c.donor.name) } : null,
    evidence: publicEvidence(c.evidence) as Record<string, unknown>,
  };
}
