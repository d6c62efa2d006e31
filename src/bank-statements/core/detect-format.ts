// Which kind of bank file this is, judged from its content (never its name): banks name files
// "statement.txt" whatever is inside.

import { type TextEncodingName, decodeBytes, detectEncoding } from './text-decoding.ts';

export type DetectedFormat =
  | 'camt053'
  | 'mt940'
  | '1c'
  | 'csv'
  | 'xlsx'
  /** Recognised so that the parsers can refuse them by name. */
  | 'mt942'
  | 'camt052'
  | 'camt054'
  | 'unknown';

const HEAD_BYTES = 64 * 1024;

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const head = markerText(bytes.subarray(0, HEAD_BYTES)).replace(/^[\uFEFF\s\x01]+/, '');
  if (head.startsWith('<')) {
    if (/BkToCstmrStmt|camt\.053\./.test(head)) return 'camt053';
    if (/BkToCstmrAcctRpt|camt\.052\./.test(head)) return 'camt052';
    if (/BkToCstmrDbtCdtNtfctn|camt\.054\./.test(head)) return 'camt054';
    return 'unknown';
  }
  if (head.startsWith('1CClientBankExchange')) return '1c';
  if (/\{2:[IO]942/.test(head) || /^:(34F|13D):/m.test(head)) return 'mt942';
  if (/\{2:[IO]940/.test(head) || (/^:20:/m.test(head) && /^:(25|60[FM]|61|62[FM]):/m.test(head))) return 'mt940';
  if (looksLikeCsv(head)) return 'csv';
  return 'unknown';
}

/**
 * Every marker looked for is ASCII, so any single-byte reading of the bytes finds it: latin1 is
 * exact and cheap. Only UTF-16 needs real decoding.
 */
function markerText(head: Uint8Array): string {
  const { encoding } = detectEncodingCheap(head);
  return encoding === 'utf-16le' || encoding === 'utf-16be'
    ? decodeBytes(head, encoding).text
    : Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
}

function detectEncodingCheap(head: Uint8Array): { encoding: TextEncodingName | 'latin1' } {
  const utf16 =
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    (head.length >= 4 && (head[1] === 0 || head[0] === 0));
  return utf16 ? detectEncoding(head) : { encoding: 'latin1' };
}

/** Several lines that split into the same number (≥ 2) of fields on one delimiter. */
function looksLikeCsv(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0)
    .slice(0, 20);
  if (lines.length < 2) return false;
  // The last line of the head may be cut short; judge on the others.
  const whole = lines.length > 2 ? lines.slice(0, -1) : lines;
  return [';', ',', '\t', '|'].some((d) => {
    const counts = whole.map((l) => l.split(d).length - 1);
    const first = counts[0] ?? 0;
    return first >= 1 && counts.filter((c) => c === first).length >= Math.ceil(counts.length * 0.8);
  });
}
