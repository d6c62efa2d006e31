// The columns of the line sheets shared by the XLSX template and the CSV / XLSX importer: which field each
// column fills, what kind of value it takes, whether it is required, and its header in ky, ru and en. One
// list, so that a file made from the template always imports.
import type { Locale, Localized } from '../../domain/election.ts';
import type { LineSection } from './filing.ts';
import { enumLabels, fieldLabels, sectionLabels } from './filing-labels.ts';

export type EnumColumnKey = 'donorType' | 'channel' | 'category' | 'kind' | 'reason';

export type ColumnSpec =
  | { key: string; kind: 'text' | 'date' | 'amount'; required: boolean; width: number }
  | { key: EnumColumnKey; kind: 'enum'; required: boolean; width: number };

/*
 * lineId is optional in a sheet: a blank one is filled in from the row number ("R-5"). Filers who amend
 * reports should fill it in themselves, so that the diff between versions can follow each line.
 */
export const filingColumns: Record<LineSection, readonly ColumnSpec[]> = {
  receipts: [
    { key: 'lineId', kind: 'text', required: false, width: 14 },
    { key: 'date', kind: 'date', required: true, width: 12 },
    { key: 'donorType', kind: 'enum', required: true, width: 26 },
    { key: 'donorName', kind: 'text', required: true, width: 36 },
    { key: 'donorPin', kind: 'text', required: false, width: 18 },
    { key: 'donorInn', kind: 'text', required: false, width: 18 },
    { key: 'donorAddress', kind: 'text', required: false, width: 36 },
    { key: 'amount', kind: 'amount', required: true, width: 16 },
    { key: 'channel', kind: 'enum', required: true, width: 20 },
    { key: 'bankReference', kind: 'text', required: false, width: 22 },
  ],
  expenditures: [
    { key: 'lineId', kind: 'text', required: false, width: 14 },
    { key: 'date', kind: 'date', required: true, width: 12 },
    { key: 'category', kind: 'enum', required: true, width: 40 },
    { key: 'payeeName', kind: 'text', required: true, width: 36 },
    { key: 'payeeInn', kind: 'text', required: false, width: 18 },
    { key: 'amount', kind: 'amount', required: true, width: 16 },
    { key: 'documentNumber', kind: 'text', required: true, width: 20 },
    { key: 'description', kind: 'text', required: true, width: 48 },
  ],
  refunds: [
    { key: 'lineId', kind: 'text', required: false, width: 14 },
    { key: 'date', kind: 'date', required: true, width: 12 },
    { key: 'receiptLineId', kind: 'text', required: true, width: 18 },
    { key: 'kind', kind: 'enum', required: true, width: 30 },
    { key: 'reason', kind: 'enum', required: true, width: 36 },
    { key: 'amount', kind: 'amount', required: true, width: 16 },
  ],
};

/** Sheet names are the same in every locale, so that software can find them; headers are localised. */
export const sheetNames: Record<LineSection, string> = {
  receipts: 'Receipts',
  expenditures: 'Expenditures',
  refunds: 'Refunds',
};

/** Prefix of the line ids filled in for blank cells. */
export const lineIdPrefix: Record<LineSection, string> = { receipts: 'R', expenditures: 'E', refunds: 'F' };

const amountHeader: Localized = { ky: 'Сумма (сом)', ru: 'Сумма (сом)', en: 'Amount (som)' };

/** The header of a column in a locale. In sheets amounts are in som, unlike the JSON format's tyiyn. */
export function columnHeader(key: string, locale: Locale): string {
  if (key === 'amount') return amountHeader[locale];
  return fieldLabels[key]?.[locale] ?? key;
}

/** The enum values of a column and their labels. */
export function enumColumnLabels(key: EnumColumnKey): Record<string, Localized> {
  return enumLabels[key];
}

export const normaliseHeading = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/\*+\s*$/, '') // the template marks required columns with "*"
    .replace(/[’‘`]/g, "'")
    .trim()
    .toLocaleLowerCase('ru')
    .replace(/\s+/g, ' ');

/** Every accepted heading of a section's columns: the English key and the header in each locale. */
export function headingIndex(section: LineSection): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const col of filingColumns[section]) {
    const names = [col.key, columnHeader(col.key, 'en'), columnHeader(col.key, 'ru'), columnHeader(col.key, 'ky')];
    // The plain field label too ("Amount" as well as "Amount (som)").
    const label = fieldLabels[col.key];
    if (label) names.push(label.en, label.ru, label.ky);
    for (const n of names) index.set(normaliseHeading(n), col);
  }
  return index;
}

/** Every accepted name of a sheet: its English name and the section's label in each locale. */
export function sheetNameIndex(): Map<string, LineSection> {
  const index = new Map<string, LineSection>();
  for (const section of Object.keys(sheetNames) as LineSection[]) {
    for (const n of [sheetNames[section], section, ...Object.values(sectionLabels[section])]) {
      index.set(normaliseHeading(n), section);
    }
  }
  return index;
}
