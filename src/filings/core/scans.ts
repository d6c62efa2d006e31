// What a scanned supporting document may be: PDF, JPEG or PNG (what scanners make, and none of them runs
// script when shown in a browser), the name it is shown under, and the problems of an upload.
import type { Problem } from '../../platform/result.ts';

export const SCAN_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ScanMediaType = (typeof SCAN_MEDIA_TYPES)[number];
export const isScanMediaType = (t: string): t is ScanMediaType => (SCAN_MEDIA_TYPES as readonly string[]).includes(t);

export interface StoredScan {
  sha256: string;
  fileName: string;
  mediaType: ScanMediaType;
  size: number;
  extractedText: string;
}

const EXTENSION: Record<ScanMediaType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * The name shown for a file: the last path segment of what the browser sent, without control characters,
 * at most 255 characters; a name made from the type when nothing is left.
 */
export function cleanFileName(raw: string | undefined, mediaType: ScanMediaType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? `scan.${EXTENSION[mediaType]}` : cleaned;
}

export function scanProblem(
  code: 'scan.type_refused' | 'scan.too_large' | 'scan.missing',
  params: Record<string, string | number> = {},
): Problem {
  const message =
    code === 'scan.type_refused'
      ? `The file is ${params.detected ?? 'of an unknown type'}; only PDF, JPEG and PNG scans are accepted.`
      : code === 'scan.too_large'
        ? `The file is larger than the limit of ${params.limitMb} MB.`
        : 'Choose a file to upload.';
  return { code, message, severity: 'error', field: 'file', params };
}

/** "The file is larger than the limit", the limit given in bytes and said in MB. */
export function scanTooLarge(limitBytes: number): Problem {
  return scanProblem('scan.too_large', { limitMb: Math.round((limitBytes / (1024 * 1024)) * 10) / 10 });
}
