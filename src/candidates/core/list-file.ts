// Which reader an uploaded candidate list needs, judged from its bytes and its name before any row is
// read. Pure.
import { problem, type Result, ok, err } from '../../platform/result.ts';

/** Candidate lists are a few hundred rows: anything this large is the wrong file. */
export const MAX_LIST_BYTES = 5 * 1024 * 1024;

/** Control characters no text file has (tab, line feed, form feed and carriage return are allowed). */
const BINARY_BYTE = /[\x00-\x08\x0e-\x1f]/;

/**
 * Which reader a candidate-list upload needs, from its bytes and its name. A workbook is a ZIP
 * file; an old .xls, a PDF or anything with control bytes is not a list we can read, and a CSV that
 * is not UTF-8 (Excel's "CSV" in Windows-1251) would come out garbled, so it is refused with a hint.
 */
export function listFormatOf(bytes: Buffer, filename: string): Result<'csv' | 'xlsx'> {
  if (bytes.length === 0)
    return err([problem('commission.no_file', 'file: choose a CSV or XLSX file.', { field: 'file' })]);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return ok('xlsx');
  const notAList =
    /\.xls$/i.test(filename) ||
    bytes.subarray(0, 5).toString('latin1') === '%PDF-' ||
    BINARY_BYTE.test(bytes.toString('latin1'));
  if (notAList) return err([problem('commission.list_format', 'file: not a CSV or XLSX file.', { field: 'file' })]);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err([problem('commission.list_encoding', 'file: the CSV is not in UTF-8.', { field: 'file' })]);
  }
  return ok('csv');
}
