// Content-addressed storage of files (scans, logos, programme PDFs, bank statements): the key is
// the SHA-256 of the bytes, so the same file stored twice is one blob and a key proves content.
import type { Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface BlobStore {
  /** Streams the bytes in, hashing on the way; never holds the whole file in memory. */
  put(content: Readable | Buffer, opts?: { maxBytes?: number }): Promise<StoredBlob>;
  get(sha256: string): Promise<Readable | undefined>;
  getBuffer(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file is larger than the limit of ${maxBytes} bytes`);
  }
}

export const isSha256 = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);
