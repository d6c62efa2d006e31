// Zod schemas of the donor and payee addresses. Query strings are read leniently, as on the finance
// listings: a filter that does not parse is dropped rather than answered with an error page.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import { isIdentifier } from '../core/identity.ts';

export const ElectionParams = z.object({ locale: localeSchema, id: z.string() });
/** An identifier, or the INN of a legal entity. */
export const CounterpartParams = ElectionParams.extend({
  who: z.string().refine((v) => isIdentifier(v) || /^\d{14}$/.test(v)),
});

const first = (raw: unknown) => (Array.isArray(raw) ? raw[0] : raw);

export const TopQuery = z.object({
  party: z.preprocess(first, z.string().catch('')).transform((v) => v.trim().slice(0, 40)),
  multi: z.preprocess(first, z.string().catch('')).transform((v) => v === '1' || v === 'on' || v === 'true'),
});

export const BreakdownQuery = z.object({
  party: z.preprocess(first, z.string().catch('')).transform((v) => v.trim().slice(0, 40)),
});

/** `parties=A,B` or `parties=A&parties=B` (as the form sends it); read with `partiesOf`. */
export const CompareQuery = z.object({
  parties: z.array(z.string().max(400)).max(8).catch([]),
});

/** The parties named by a comparison's query, in the order given. */
export const partiesOf = (raw: readonly string[]): string[] =>
  raw
    .flatMap((v) => v.split(','))
    .map((x) => x.trim().slice(0, 40))
    .filter((x) => x !== '')
    .slice(0, 8);
