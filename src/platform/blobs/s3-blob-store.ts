// Blob store on an S3-compatible bucket (AWS SDK v3), for many instances sharing one store.
// Uploads stream to a temporary object while hashing, then are copied under the content hash.
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable, Transform } from 'node:stream';
import { BlobTooLargeError, isSha256, type BlobStore, type StoredBlob } from './blob-store.ts';

export interface S3Options {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export class S3BlobStore implements BlobStore {
  private readonly s3: S3Client;
  private readonly bucket: string;

  constructor(opts: S3Options) {
    this.bucket = opts.bucket;
    this.s3 = new S3Client({
      region: opts.region,
      ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
    });
  }

  private key(sha256: string): string {
    return `blobs/${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(content: Readable | Buffer, opts: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const hash = createHash('sha256');
    let size = 0;
    const max = opts.maxBytes ?? Infinity;
    // The content hash is only known at the end, so the bytes are collected (bounded by maxBytes)
    // and sent once; large scans should use multipart upload instead.
    const chunks: Buffer[] = [];
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const meter = new Transform({
      transform(chunk: Buffer, _e, cb) {
        size += chunk.length;
        if (size > max) return cb(new BlobTooLargeError(max));
        hash.update(chunk);
        chunks.push(chunk);
        cb();
      },
    });
    await new Promise<void>((resolve, reject) => {
      source.on('error', reject);
      meter.on('error', reject);
      meter.on('finish', () => resolve());
      source.pipe(meter);
      meter.resume();
    });
    const sha256 = hash.digest('hex');
    if (!(await this.has(sha256))) {
      const tmpKey = `tmp/${randomUUID()}`;
      const { PutObjectCommand } = await import('@aws-sdk/client-s3');
      await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: tmpKey, Body: Buffer.concat(chunks), ContentLength: size }));
      await this.s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: this.key(sha256), CopySource: `${this.bucket}/${tmpKey}` }));
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tmpKey }));
    }
    return { sha256, size };
  }

  async has(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
      return true;
    } catch {
      return false;
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    if (!isSha256(sha256)) return undefined;
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
      const body = out.Body as Readable | undefined;
      if (!body) return undefined;
      return body.pipe(new PassThrough());
    } catch {
      return undefined;
    }
  }

  async getBuffer(sha256: string): Promise<Buffer | undefined> {
    const s = await this.get(sha256);
    if (!s) return undefined;
    const parts: Buffer[] = [];
    for await (const c of s) parts.push(c as Buffer);
    return Buffer.concat(parts);
  }
}
