// Blob store on an S3-compatible bucket (AWS SDK v3), for many instances sharing one store.
//
// The content hash is only known once the last byte has been read, so an upload streams to a
// temporary object first and is copied under its hash at the end. Large files go up as a
// multipart upload in parts of PART_SIZE, hashed and counted on the way: at most one part is held
// in memory, whatever the size of the file. A file that fits in one part is sent with one
// PutObject instead, because a multipart upload costs three requests more. On any failure, and
// when the size limit is crossed, the multipart upload is aborted and the temporary object
// removed, so a refused or broken upload leaves nothing behind under either name.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { BlobTooLargeError, isSha256, type BlobStore, type StoredBlob } from './blob-store.ts';

export interface S3Options {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bytes per uploaded part; S3 requires at least 5 MiB for every part but the last. */
  partSize?: number;
}

export const PART_SIZE = 5 * 1024 * 1024;

export class S3BlobStore implements BlobStore {
  private readonly s3: S3Client;
  private readonly bucket: string;
  private readonly partSize: number;

  constructor(opts: S3Options) {
    this.bucket = opts.bucket;
    this.partSize = Math.max(opts.partSize ?? PART_SIZE, PART_SIZE);
    this.s3 = new S3Client({
      region: opts.region,
      ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
      // Checksums only where S3 demands them: several S3-compatible servers refuse the SDK's
      // default CRC headers, and the content hash is checked by us anyway.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(sha256: string): string {
    return `blobs/${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(content: Readable | Buffer, opts: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const max = opts.maxBytes ?? Infinity;
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const tmpKey = `tmp/${randomUUID()}`;
    const hash = createHash('sha256');
    let size = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let uploadId: string | undefined;
    const parts: CompletedPart[] = [];
    let tmpWritten = false;

    const sendPart = async (body: Buffer): Promise<void> => {
      if (uploadId === undefined) {
        const started = await this.s3.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: tmpKey }));
        if (!started.UploadId) throw new Error('S3 did not start a multipart upload');
        uploadId = started.UploadId;
      }
      const partNumber = parts.length + 1;
      const out = await this.s3.send(
        new UploadPartCommand({
          Bucket: this.bucket,
          Key: tmpKey,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: body,
          ContentLength: body.length,
        }),
      );
      parts.push({ PartNumber: partNumber, ETag: out.ETag });
    };

    try {
      // Async iteration pulls one chunk at a time, so a slow bucket slows the reader down
      // instead of letting chunks pile up in memory.
      for await (const raw of source) {
        const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
        size += chunk.length;
        if (size > max) throw new BlobTooLargeError(max);
        hash.update(chunk);
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= this.partSize) {
          // Joined once and cut into parts, so that one huge chunk is not copied once per part.
          const all = pending.length === 1 ? chunk : Buffer.concat(pending);
          let offset = 0;
          while (all.length - offset >= this.partSize) {
            await sendPart(all.subarray(offset, offset + this.partSize));
            offset += this.partSize;
          }
          const rest = all.subarray(offset);
          // A copy, so that the joined buffer can be freed.
          pending = rest.length > 0 ? [Buffer.from(rest)] : [];
          pendingBytes = rest.length;
        }
      }
      const tail = Buffer.concat(pending);
      pending = [];
      if (uploadId === undefined) {
        await this.s3.send(
          new PutObjectCommand({ Bucket: this.bucket, Key: tmpKey, Body: tail, ContentLength: tail.length }),
        );
      } else {
        if (tail.length > 0) await sendPart(tail);
        await this.s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: this.bucket,
            Key: tmpKey,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
        uploadId = undefined;
      }
      tmpWritten = true;
      const sha256 = hash.digest('hex');
      if (!(await this.has(sha256))) {
        await this.s3.send(
          new CopyObjectCommand({ Bucket: this.bucket, Key: this.key(sha256), CopySource: `${this.bucket}/${tmpKey}` }),
        );
      }
      await this.removeTmp(tmpKey);
      tmpWritten = false;
      return { sha256, size };
    } catch (e) {
      // Stop reading: the rest of a refused upload is not wanted.
      if (!Buffer.isBuffer(content)) content.destroy();
      if (uploadId !== undefined) await this.abort(tmpKey, uploadId);
      if (tmpWritten) await this.removeTmp(tmpKey);
      throw e;
    }
  }

  /** Best effort: the original error matters more, and a lifecycle rule on tmp/ sweeps what is left. */
  private async abort(key: string, uploadId: string): Promise<void> {
    try {
      await this.s3.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }));
    } catch {
      // Some S3-compatible servers (s3rver among them) do not implement abort.
    }
  }

  private async removeTmp(key: string): Promise<void> {
    try {
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch {
      // As above: a left-over temporary object is harmless and swept by the bucket's lifecycle.
    }
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
