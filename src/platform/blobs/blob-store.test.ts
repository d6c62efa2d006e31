// Both blob stores pass the same suite: the local disk store in a temporary folder, and the S3 store
// against s3rver (a local S3-compatible server) started here on a random loopback port with its own
// temporary folder. Files round-trip byte for byte under their SHA-256, large ones go up in several
// parts, and a refused or failed upload leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { BlobTooLargeError, type BlobStore } from './blob-store.ts';
import { LocalBlobStore } from './local-blob-store.ts';
import { PART_SIZE, S3BlobStore } from './s3-blob-store.ts';

/** The little of s3rver's API this test uses (the package ships no types). */
interface S3rverServer {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (opts: Record<string, unknown>) => S3rverServer;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A readable that yields the buffer in chunks of the given size, as a network upload would. */
function chunked(b: Buffer, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
    })(),
  );
}

async function readAll(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

interface StoreUnderTest {
  store: BlobStore;
  /** Every object or file the store holds, temporary ones included. */
  leftovers(): Promise<string[]>;
}

function blobStoreSuite(name: string, open: () => Promise<StoreUnderTest>, close: () => Promise<void>) {
  describe(name, () => {
    let s: StoreUnderTest;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(close);

    it('round-trips a small file under its SHA-256', async () => {
      const bytes = Buffer.from('%PDF-1.4 a small scan\n');
      const stored = await s.store.put(bytes);
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
      expect(await s.store.has(stored.sha256)).toBe(true);
      expect(await s.store.getBuffer(stored.sha256)).toEqual(bytes);
      expect(await readAll((await s.store.get(stored.sha256))!)).toEqual(bytes);
    });

    it('round-trips an empty file', async () => {
      const stored = await s.store.put(Buffer.alloc(0));
      expect(stored).toEqual({ sha256: sha(Buffer.alloc(0)), size: 0 });
      expect(await s.store.getBuffer(stored.sha256)).toEqual(Buffer.alloc(0));
    });

    it('streams a file larger than two parts and reads back the same bytes', async () => {
      const bytes = randomBytes(2 * PART_SIZE + 123_457);
      const stored = await s.store.put(chunked(bytes, 100_003));
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
      const back = await s.store.getBuffer(stored.sha256);
      expect(back?.length).toBe(bytes.length);
      expect(back?.equals(bytes)).toBe(true);
    });

    it('stores the same content once, whatever the number of uploads', async () => {
      const bytes = Buffer.from('the same bytes twice');
      const a = await s.store.put(bytes);
      const before = (await s.leftovers()).length;
      const b = await s.store.put(chunked(bytes, 3));
      expect(b).toEqual(a);
      expect((await s.leftovers()).length).toBe(before);
    });

    it('refuses a file over the size limit and keeps nothing of it', async () => {
      const before = await s.leftovers();
      const bytes = randomBytes(PART_SIZE + 10);
      await expect(s.store.put(chunked(bytes), { maxBytes: PART_SIZE + 9 })).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await s.store.has(sha(bytes))).toBe(false);
      expect(await s.leftovers()).toEqual(before);
      // Just at the limit is fine.
      const ok = randomBytes(1000);
      expect((await s.store.put(ok, { maxBytes: 1000 })).size).toBe(1000);
    });

    it('keeps nothing when the source fails half-way', async () => {
      const before = await s.leftovers();
      const first = randomBytes(PART_SIZE + 1);
      const failing = Readable.from(
        (async function* () {
          yield first;
          throw new Error('connection reset');
        })(),
      );
      await expect(s.store.put(failing)).rejects.toThrow('connection reset');
      expect(await s.leftovers()).toEqual(before);
    });

    it('answers "not here" for unknown and malformed keys', async () => {
      expect(await s.store.has('0'.repeat(64))).toBe(false);
      expect(await s.store.get('0'.repeat(64))).toBeUndefined();
      expect(await s.store.getBuffer('0'.repeat(64))).toBeUndefined();
      expect(await s.store.has('../../etc/passwd')).toBe(false);
      expect(await s.store.get('../../etc/passwd')).toBeUndefined();
    });
  });
}

// ---- local disk ----
let localDir = '';
blobStoreSuite(
  'LocalBlobStore',
  async () => {
    localDir = mkdtempSync(join(tmpdir(), 'talapker-blobs-'));
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    return { store: new LocalBlobStore(localDir), leftovers: async () => walk(localDir).sort() };
  },
  async () => rmSync(localDir, { recursive: true, force: true }),
);

// ---- S3-compatible, against s3rver ----
let s3Dir = '';
let s3rver: S3rverServer | undefined;
blobStoreSuite(
  'S3BlobStore (s3rver)',
  async () => {
    s3Dir = mkdtempSync(join(tmpdir(), 'talapker-s3rver-'));
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory: s3Dir,
      silent: true,
      configureBuckets: [{ name: 'talapker', configs: [] }],
    });
    const { port } = await s3rver.run();
    const endpoint = `http://127.0.0.1:${port}`;
    // s3rver's fixed development credentials; it checks signatures like S3 does.
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    const store = new S3BlobStore({ endpoint, bucket: 'talapker', region: 'us-east-1', credentials });
    const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
    return {
      store,
      async leftovers() {
        const out = await client.send(new ListObjectsV2Command({ Bucket: 'talapker' }));
        return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
      },
    };
  },
  async () => {
    await s3rver?.close();
    rmSync(s3Dir, { recursive: true, force: true });
  },
);
