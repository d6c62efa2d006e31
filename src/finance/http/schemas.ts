// Zod schemas of the finance site's addresses: route parameters, and the query strings of the pages
// and downloads. Query strings are read leniently (every field falls back on its own: a bad filter is
// dropped, not an error page), because they come from people editing URLs; the JSON API
// (api.schemas.ts) is the strict one.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import { donorTypeSchema, receiptChannelSchema } from '../../filings/index.ts';
import { COMPARISON_SORTS } from '../core/finance-view.ts';
import { categoriesOf, LINE_SORTS, SORT_ORDERS } from '../core/lines.ts';
import { amountOf, DEFAULT_SORT, type ExpenditureListState, type ReceiptListState } from '../core/list-state.ts';
import { DOWNLOAD_FORMATS, PAGE_TABLES } from '../core/download-tables.ts';

// ---- Route parameters ------------------------------------------------------------------------------

export const LocaleParams = z.object({ locale: localeSchema });
export const ElectionParams = z.object({ locale: localeSchema, id: z.string() });
export const PartyParams = ElectionParams.extend({ reg: z.string() });

/** `totals.csv` → the table and the format, when both are known. */
const pageTableFile = z.string().transform((file, ctx) => {
  const m = /^([a-z-]+)\.([a-z]+)$/.exec(file);
  const table = PAGE_TABLES.find((x) => x === m?.[1]);
  const format = DOWNLOAD_FORMATS.find((x) => x === m?.[2]);
  if (table && format) return { table, format };
  ctx.issues.push({ code: 'custom', message: 'No such table file.', input: file });
  return z.NEVER;
});

export const ElectionFileParams = ElectionParams.extend({ file: pageTableFile });
export const PartyFileParams = PartyParams.extend({ file: pageTableFile });

// ---- Query strings ----------------------------------------------------------------------------------

/** The first value of a query parameter as trimmed text of at most `max` characters; anything else is empty. */
const text = (max = 100) =>
  z
    .preprocess((raw) => (Array.isArray(raw) ? raw[0] : raw), z.string().catch(''))
    .transform((v) => v.trim().slice(0, max));

const isoDay = text().pipe(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .catch(''),
);
/** An amount in som as typed, kept only when it is one. */
const amount = text(20).pipe(
  z
    .string()
    .refine((v) => amountOf(v) !== undefined)
    .catch(''),
);

const listShape = {
  party: text(40),
  from: isoDay,
  to: isoDay,
  min: amount,
  max: amount,
  sort: text().pipe(z.enum(LINE_SORTS).catch(DEFAULT_SORT.sort)),
  order: text().pipe(z.enum(SORT_ORDERS).catch(DEFAULT_SORT.order)),
  cursor: text(500),
};

/** The query of the receipts listing; the cursor is checked against the sort by `withCursorOfSort`. */
export const ReceiptListQuery = z.object({
  ...listShape,
  q: text(200),
  type: text().pipe(z.union([donorTypeSchema, z.literal('')]).catch('')),
  channel: text().pipe(z.union([receiptChannelSchema, z.literal('')]).catch('')),
}) satisfies z.ZodType<ReceiptListState>;

export const ExpenditureListQuery = z.object({
  ...listShape,
  category: text(60).pipe(
    z
      .string()
      .refine((v) => categoriesOf(v) !== undefined)
      .catch(''),
  ),
}) satisfies z.ZodType<ExpenditureListState>;

export const ElectionFinanceQuery = z.object({ sort: text().pipe(z.enum(COMPARISON_SORTS).catch('ballot')) });
