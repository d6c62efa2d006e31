// The files inside a ZIP archive, for the reports Meta hands out zipped. The archive is inspected
// first (platform/zip-inspection.ts: entry count, declared sizes, packing ratio, every entry
// inflated no further than its declared size), so unpacking it here cannot cost more than the
// limits allow.

import { inflateRawSync } from 'node:zlib';
import { inspectZip, type ZipLimits, type ZipRefusal } from '../../platform/zip-inspection.ts';

/** A report holds an advertisers file, a locations file and one file per region: a few hundred at most. */
export const AD_REPORT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxRatio: 100,
};

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  bytes: Uint8Array;
}

const EOCD = 0x06054b50;

export function readZipEntries(
  bytes: Uint8Array,
  limits: ZipLimits = AD_REPORT_ZIP_LIMITS,
): { entries: ZipEntry[] } | { refusal: ZipRefusal } {
  const refusal = inspectZip(bytes, limits);
  if (refusal) return { refusal };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65535; i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11 marks UTF-8 names; older tools wrote the local code page, which ASCII names survive.
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(rawName).replace(/\\/g, '/');
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (name.endsWith('/')) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    entries.push({ name, bytes: method === 0 ? data : new Uint8Array(inflateRawSync(data)) });
  }
  return { entries };
}
