// The state of an itemised listing page as its URL says it (filters as typed, so the form shows them
// back; sort; cursor), the one URL of each state, and the repository filter it stands for.
import { parseSom, type Tyiyn } from '../../domain/money.ts';
import type { DonorType, ReceiptChannel } from '../../filings/index.ts';
import { decodeCursor } from '../../platform/keyset.ts';
import {
  categoriesOf,
  cursorFitsSort,
  type ExpenditureFilter,
  type LineFilter,
  type LineSort,
  type PageRequest,
  type ReceiptFilter,
  type SortOrder,
} from './lines.ts';

/** Rows per page of the itemised listings. */
export const PAGE_SIZE = 50;

export interface ListState {
  party: string;
  from: string;
  to: string;
  /** Amounts in som as typed. */
  min: string;
  max: string;
  sort: LineSort;
  order: SortOrder;
  cursor: string;
}
export interface ReceiptListState extends ListState {
  q: string;
  type: DonorType | '';
  channel: ReceiptChannel | '';
}
export interface ExpenditureListState extends ListState {
  /** A category, or `group:<heading>` for a whole heading of the CEC's list. */
  category: string;
}

export const DEFAULT_SORT: Pick<ListState, 'sort' | 'order'> = { sort: 'date', order: 'desc' };

/** Parameters in one fixed order, so that one listing has one URL (and one CDN cache entry). */
const QUERY_ORDER = [
  'q',
  'party',
  'type',
  'channel',
  'category',
  'from',
  'to',
  'min',
  'max',
  'sort',
  'order',
  'cursor',
] as const;
type QueryKey = (typeof QUERY_ORDER)[number];
/** The state of either listing: the common part and the filters of one of them. */
export type AnyListState = ListState & Partial<Record<QueryKey, string>>;

/** The query string of a listing, without empty values and defaults, so links stay short and cacheable. */
export function listQuery(s: AnyListState, overrides: Partial<Record<QueryKey, string>> = {}): string {
  const q = new URLSearchParams();
  const merged: Partial<Record<QueryKey, string>> = { ...s, ...overrides };
  for (const k of QUERY_ORDER) {
    const v = merged[k];
    if (v === '' || v === undefined) continue;
    if (k === 'sort' && v === DEFAULT_SORT.sort) continue;
    if (k === 'order' && v === DEFAULT_SORT.order) continue;
    q.set(k, v);
  }
  return q.toString();
}

/** An amount typed in som, when it is one and not negative. */
export function amountOf(text: string): Tyiyn | undefined {
  const t = text === '' ? undefined : parseSom(text);
  return t !== undefined && t >= 0 ? t : undefined;
}

/** The state with its cursor only if it is one of ours for the sort: a cursor of another sort, or a mangled one, starts the listing again. */
export function withCursorOfSort<S extends ListState>(s: S): S {
  const decoded = s.cursor ? decodeCursor(s.cursor) : undefined;
  return decoded && cursorFitsSort(decoded, s.sort) ? s : { ...s, cursor: '' };
}

function lineFilterOf(electionId: string, s: ListState): LineFilter {
  const min = amountOf(s.min);
  const max = amountOf(s.max);
  return {
    electionId,
    ...(s.party ? { party: s.party } : {}),
    ...(s.from ? { dateFrom: s.from } : {}),
    ...(s.to ? { dateTo: s.to } : {}),
    ...(min !== undefined ? { minAmount: min } : {}),
    ...(max !== undefined ? { maxAmount: max } : {}),
  };
}

export function receiptFilterOf(electionId: string, s: ReceiptListState): ReceiptFilter {
  return {
    ...lineFilterOf(electionId, s),
    ...(s.type ? { donorType: s.type } : {}),
    ...(s.channel ? { channel: s.channel } : {}),
    ...(s.q ? { donorName: s.q } : {}),
  };
}

export function expenditureFilterOf(electionId: string, s: ExpenditureListState): ExpenditureFilter {
  const categories = categoriesOf(s.category);
  return { ...lineFilterOf(electionId, s), ...(categories ? { categories } : {}) };
}

export function pageRequestOf(s: ListState): PageRequest {
  const after = s.cursor ? decodeCursor(s.cursor) : undefined;
  return { sort: s.sort, order: s.order, limit: PAGE_SIZE, ...(after ? { after } : {}) };
}

/** A party in a listing's party filter and its rows, by the name readers know it by. */
export interface PartyOption {
  reg: string;
  name: string;
}
