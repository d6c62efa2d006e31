// Blob store on the local disk: files under <dir>/ab/cd/<sha256>, written to a temporary file first
// and renamed into place, so a crash never leaves a half-written blob under its final name.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, readFile } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobTooLargeError, isSha256, type BlobStore, type StoredBlob } from './blob-store.ts';

export class LocalBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Readable | Buffer, opts: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const max = opts.maxBytes ?? Infinity;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > max) return cb(new BlobTooLargeError(max));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    try {
      await pipeline(source, meter, createWriteStream(tmp));
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    const sha256 = hash.digest('hex');
    const final = this.pathOf(sha256);
    await mkdir(join(final, '..'), { recursive: true });
    await rename(tmp, final);
    return { sha256, size };
  }

  async has(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async get(sha256: string): Promise<Readable | undefined> {
    return (await this.has(sha256)) ? createReadStream(this.pathOf(sha256)) : undefined;
  }

  async getBuffer(sha256: string): Promise<Buffer | undefined> {
    return (await this.has(sha256)) ? readFile(this.pathOf(sha256)) : undefined;
  }
}
