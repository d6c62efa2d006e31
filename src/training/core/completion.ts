// The commission's view of who has taken a course: per person, and counted per role and per
// organisation (the commission itself, a party for its treasurers, a bank for its officers).
export interface PersonCompletion {
  userId: number;
  login: string;
  displayName: string;
  role: string;
  /** `commission`, `party:<registration number>` or `bank:<name>`. */
  organisation: string;
  lessonsPassed: number;
  lessons: number;
  /** Issue day of the certificate of the course's current version, when there is one. */
  certifiedOn: string | undefined;
  /** The requirements of the person's role still missing (the gate's words). */
  missing: number;
}

export function organisationOf(p: { partyRegistrationNumber: string | null; bank: string | null }): string {
  if (p.partyRegistrationNumber) return `party:${p.partyRegistrationNumber}`;
  if (p.bank) return `bank:${p.bank}`;
  return 'commission';
}

export interface CompletionCount {
  key: string;
  people: number;
  certified: number;
  started: number;
}

/** Counts per key (role or organisation), in key order. */
export function countBy(rows: readonly PersonCompletion[], key: (r: PersonCompletion) => string): CompletionCount[] {
  const by = new Map<string, CompletionCount>();
  for (const r of rows) {
    const k = key(r);
    const c = by.get(k) ?? { key: k, people: 0, certified: 0, started: 0 };
    c.people++;
    if (r.certifiedOn !== undefined) c.certified++;
    else if (r.lessonsPassed > 0) c.started++;
    by.set(k, c);
  }
  return [...by.values()].sort((a, b) => a.key.localeCompare(b.key));
}
