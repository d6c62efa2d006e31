// What a person must have before the sensitive screens open, per role: two-step sign-in and courses
// passed (of the course's current version, within a number of months). Pure: the standing of the person
// is read by the service and handed in.
export interface RoleRequirement {
  role: string;
  totp: boolean;
  courses: ReadonlyArray<{ id: string; withinMonths: number | undefined }>;
}

export interface Standing {
  role: string;
  totpEnabled: boolean;
  /** Per course id: the issue date (YYYY-MM-DD) of the newest certificate of the course's current version. */
  passedOn: Readonly<Record<string, string | undefined>>;
}

export type Missing =
  | { kind: 'totp' }
  | { kind: 'course'; courseId: string; withinMonths: number | undefined; lapsedOn: string | undefined };

/** The day `months` calendar months before `today` (both YYYY-MM-DD), the end of a shorter month kept. */
export function monthsBefore(today: string, months: number): string {
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The requirements of the person's role that are not met on `today`; empty: the screens open. */
export function missingRequirements(
  requirements: readonly RoleRequirement[],
  standing: Standing,
  today: string,
): Missing[] {
  const mine = requirements.filter((r) => r.role === standing.role);
  const missing: Missing[] = [];
  if (mine.some((r) => r.totp) && !standing.totpEnabled) missing.push({ kind: 'totp' });
  const seen = new Set<string>();
  for (const c of mine.flatMap((r) => r.courses)) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const on = standing.passedOn[c.id];
    if (on !== undefined && (c.withinMonths === undefined || on > monthsBefore(today, c.withinMonths))) continue;
    missing.push({ kind: 'course', courseId: c.id, withinMonths: c.withinMonths, lapsedOn: on });
  }
  return missing;
}
