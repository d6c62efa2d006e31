// Storing an uploaded file: its type is detected from the bytes (never from the name), the bytes
// go to the blob store, and a row records the type and size under the content hash.
import { fileTypeFromBuffer } from 'file-type';
import type { AppContext } from '../app-context.ts';
import { err, ok, problem, type Result } from '../result.ts';

export async function detectMediaType(head: Buffer): Promise<string | undefined> {
  const t = await fileTypeFromBuffer(head);
  if (t) return t.mime;
  const text = head.subarray(0, 512).toString('utf8').trimStart();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'image/svg+xml';
  return undefined;
}

export async function storeBlob(
  ctx: AppContext,
  bytes: Buffer,
  opts: { originalName: string; allowed: string[] },
): Promise<Result<{ sha256: string; mediaType: string; size: number }>> {
  const mediaType = await detectMediaType(bytes.subarray(0, 4100));
  if (!mediaType || !opts.allowed.includes(mediaType)) {
    return err([
      problem(
        'file.type_refused',
        `The file "${opts.originalName}" is ${mediaType ?? 'of an unknown type'}; allowed: ${opts.allowed.join(', ')}.`,
        { field: 'file' },
      ),
    ]);
  }
  const stored = await ctx.blobs.put(bytes, { maxBytes: ctx.config.uploadLimitBytes });
  await ctx.db
    .insertInto('blobs')
    .values({
      sha256: stored.sha256,
      media_type: mediaType,
      size: stored.size,
      original_name: opts.originalName,
      created_at: ctx.now().toISOString(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return ok({ sha256: stored.sha256, mediaType, size: stored.size });
}

export async function findBlobMeta(ctx: AppContext, sha256: string) {
  return ctx.db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}
