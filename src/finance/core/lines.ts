// Itemised receipts and expenditures as the public sees them, and how a listing of them is asked
// for: filters, sorts, keyset pages. The public line types have no PIN, address or INN field, so no
// page, API or download built on them can carry one.
import type { Tyiyn } from '../../domain/money.ts';
import { searchKey } from '../../domain/transliteration.ts';
import type { KeysetCursor } from '../../platform/keyset.ts';
import {
  EXPENDITURE_GROUPS,
  expenditureCategoryGroups,
  expenditureCategorySchema,
  type DonorType,
  type ExpenditureCategory,
  type ReceiptChannel,
} from '../../filings/index.ts';

interface PublicLine {
  id: number;
  filingId: number;
  electionId: string;
  partyRegistrationNumber: string;
  lineId: string;
  date: string;
  amount: Tyiyn;
}

export interface PublicReceipt extends PublicLine {
  donorType: DonorType;
  donorName: string;
  channel: ReceiptChannel;
}

export interface PublicExpenditure extends PublicLine {
  category: ExpenditureCategory;
  payeeName: string;
  documentNumber: string;
  description: string;
}

export interface LineFilter {
  electionId: string;
  party?: string;
  dateFrom?: string;
  dateTo?: string;
  minAmount?: Tyiyn;
  maxAmount?: Tyiyn;
}

export interface ReceiptFilter extends LineFilter {
  donorType?: DonorType;
  channel?: ReceiptChannel;
  /** Text typed by a reader, in any script; matched as a prefix of the donor name's phonetic key. */
  donorName?: string;
}

export interface ExpenditureFilter extends LineFilter {
  categories?: readonly ExpenditureCategory[];
}

export const LINE_SORTS = ['date', 'amount'] as const;
export type LineSort = (typeof LINE_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface PageRequest {
  sort: LineSort;
  order: SortOrder;
  limit: number;
  after?: KeysetCursor;
}

export interface LinePage<T> {
  items: T[];
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

/**
 * The smallest string greater than every string that starts with `prefix`, in code-point order
 * (SQLite's BINARY collation and PostgreSQL's C collations). Undefined when there is none.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const cps = Array.from(prefix);
  for (let last = cps.pop(); last !== undefined; last = cps.pop()) {
    const cp = last.codePointAt(0) ?? 0;
    if (cp < 0x10ffff && cp !== 0xd7ff) return cps.join('') + String.fromCodePoint(cp + 1);
  }
  return undefined;
}

/** The phonetic key a donor-name search looks for, or undefined when the text has no letters or digits. */
export function donorSearchKey(text: string | undefined): string | undefined {
  const key = text === undefined ? '' : searchKey(text.slice(0, 200));
  return key === '' ? undefined : key;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A cursor fits a sort only if its value has the sort column's type; anything else would skip or repeat rows. */
export function cursorFitsSort(c: KeysetCursor, sort: LineSort): boolean {
  return sort === 'date'
    ? typeof c.v === 'string' && ISO_DAY.test(c.v)
    : typeof c.v === 'number' && Number.isSafeInteger(c.v);
}

/** The keyset cursor after the last line of a page, in the page's sort. */
export function cursorAfter(last: { id: number; date: string; amount: Tyiyn }, sort: LineSort): KeysetCursor {
  return { v: sort === 'date' ? last.date : last.amount, id: last.id };
}

const isGroup = (g: string): g is (typeof EXPENDITURE_GROUPS)[number] =>
  (EXPENDITURE_GROUPS as readonly string[]).includes(g);

/** A category, or a whole heading of the CEC's list given as `group:<heading>`; undefined for anything else. */
export function categoriesOf(value: string): readonly ExpenditureCategory[] | undefined {
  if (value.startsWith('group:')) {
    const g = value.slice('group:'.length);
    return isGroup(g) ? expenditureCategoryGroups[g] : undefined;
  }
  const c = expenditureCategorySchema.safeParse(value);
  return c.success ? [c.data] : undefined;
}

/**
 * The categories an API listing asks for with `category` and `group`: both given, the category if it
 * is under the heading, otherwise none (nothing matches); undefined when neither narrows the listing.
 */
export function categoriesAsked(
  category: ExpenditureCategory | undefined,
  group: (typeof EXPENDITURE_GROUPS)[number] | undefined,
): readonly ExpenditureCategory[] | undefined {
  const inGroup = group !== undefined ? expenditureCategoryGroups[group] : undefined;
  if (category === undefined) return inGroup;
  return inGroup === undefined || inGroup.includes(category) ? [category] : [];
}
