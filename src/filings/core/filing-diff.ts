// What changed between two versions of a report (an amendment and the one it replaces): header fields, and
// per section the lines added, removed and changed, matched by lineId, with each changed field before → after.
// Amendments are new records (architecture §4.3); this diff is how their history is shown.
import type { Attachment, Expenditure, Filing, FilingLine, Receipt, Refund } from './filing.ts';

export type FieldValue = string | number | undefined;

export interface FieldChange {
  /** Path of the field within its line or within the header, e.g. `amount` or `totals.receipts`. */
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export interface LineChange<T> {
  lineId: string;
  before: T;
  after: T;
  changes: FieldChange[];
}

export interface SectionDiff<T> {
  added: T[];
  removed: T[];
  changed: LineChange<T>[];
  unchangedCount: number;
}

export interface FilingDiff {
  header: FieldChange[];
  receipts: SectionDiff<Receipt>;
  expenditures: SectionDiff<Expenditure>;
  refunds: SectionDiff<Refund>;
  /** Attachments are identified by their content, so a file is either added or removed, never changed. */
  attachments: { added: Attachment[]; removed: Attachment[]; unchangedCount: number };
}

/** The diff from `a` (earlier) to `b` (later). */
export function diffFilings(a: Filing, b: Filing): FilingDiff {
  const attachmentsBefore = new Set(a.attachments.map((x) => x.sha256));
  const attachmentsAfter = new Set(b.attachments.map((x) => x.sha256));
  return {
    header: diffFields(flatten(a.header), flatten(b.header)),
    receipts: diffSection(a.receipts, b.receipts),
    expenditures: diffSection(a.expenditures, b.expenditures),
    refunds: diffSection(a.refunds, b.refunds),
    attachments: {
      added: b.attachments.filter((x) => !attachmentsBefore.has(x.sha256)),
      removed: a.attachments.filter((x) => !attachmentsAfter.has(x.sha256)),
      unchangedCount: b.attachments.filter((x) => attachmentsBefore.has(x.sha256)).length,
    },
  };
}

/** True when nothing differs. */
export function isEmptyDiff(d: FilingDiff): boolean {
  const sectionEmpty = (s: SectionDiff<unknown>) =>
    s.added.length === 0 && s.removed.length === 0 && s.changed.length === 0;
  return (
    d.header.length === 0 &&
    sectionEmpty(d.receipts) &&
    sectionEmpty(d.expenditures) &&
    sectionEmpty(d.refunds) &&
    d.attachments.added.length === 0 &&
    d.attachments.removed.length === 0
  );
}

/**
 * Lines are matched by lineId. Should a version hold the same lineId twice (validation refuses that, but a
 * diff may be asked of a draft), the n-th occurrence in one is matched with the n-th in the other.
 */
function diffSection<T extends FilingLine>(before: readonly T[], after: readonly T[]): SectionDiff<T> {
  const pending = new Map<string, T[]>();
  for (const line of before) {
    const queue = pending.get(line.lineId) ?? [];
    queue.push(line);
    pending.set(line.lineId, queue);
  }
  const result: SectionDiff<T> = { added: [], removed: [], changed: [], unchangedCount: 0 };
  for (const line of after) {
    const old = pending.get(line.lineId)?.shift();
    if (old === undefined) {
      result.added.push(line);
      continue;
    }
    const changes = diffFields(flatten(old), flatten(line));
    if (changes.length === 0) result.unchangedCount++;
    else result.changed.push({ lineId: line.lineId, before: old, after: line, changes });
  }
  // What is left unmatched was removed; kept in the earlier version's order.
  const left = new Set([...pending.values()].flat());
  result.removed = before.filter((line) => left.has(line));
  return result;
}

/** Leaf fields of a plain record, keyed by dotted path. */
function flatten(value: object, prefix = '', out = new Map<string, FieldValue>()): Map<string, FieldValue> {
  for (const [k, v] of Object.entries(value)) {
    const path = prefix === '' ? k : `${prefix}.${k}`;
    if (v !== null && typeof v === 'object') flatten(v as object, path, out);
    else out.set(path, v as FieldValue);
  }
  return out;
}

/** Changed fields in the order of the later version, then fields that only the earlier one had. */
function diffFields(before: Map<string, FieldValue>, after: Map<string, FieldValue>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of after) {
    const old = before.get(field);
    if (old !== value) changes.push({ field, before: old, after: value });
  }
  for (const [field, value] of before) {
    // An optional field set to undefined is the same as one left out.
    if (!after.has(field) && value !== undefined) changes.push({ field, before: value, after: undefined });
  }
  return changes;
}
