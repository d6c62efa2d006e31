// Progressive sign-in delays. A few wrong passwords in a row cost nothing; after that every further
// attempt under the same login (or from the same address) must wait twice as long as the one
// before, up to a cap. Nobody can lock an account by typing wrong passwords for it: the owner waits
// at most the cap, and the right password after the wait still signs in. Pure.

export interface DelayRule {
  /** Failures in a row that carry no delay. */
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

/** Seconds the next attempt must wait after `failures` failures in a row (0: none). */
export function delayAfter(failures: number, rule: DelayRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = Math.min(failures - rule.freeFailures, 30);
  return Math.min(rule.firstDelaySeconds * 2 ** doublings, rule.maxDelaySeconds);
}

/** Whether this failure is the one that starts the delays, when the owner is told. */
export const crossesThreshold = (failures: number, rule: DelayRule): boolean => failures === rule.freeFailures;

/** Whole seconds from `now` until `retryAfter`, at least 1; 0 when it has passed or there is none. */
export function secondsToWait(retryAfter: string | null | undefined, now: Date): number {
  if (!retryAfter) return 0;
  const ms = new Date(retryAfter).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
