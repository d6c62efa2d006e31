// Instants as the accounts store them (ISO text) and the arithmetic of expiries. Pure.
export const MINUTE = 60_000;

export const iso = (d: Date): string => d.toISOString();
export const plus = (d: Date, ms: number): Date => new Date(d.getTime() + ms);
