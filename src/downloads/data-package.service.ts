// An election's data package (a ZIP of every public table as CSV with `datapackage.json`): built from
// the current data the first time someone asks for it, kept as a blob, and served from there until the
// data changes. Tables are written batch by batch into a streaming ZIP whose bytes go straight to the
// blob store, so memory stays flat whatever the size of the election.
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import type { AppContext } from '../platform/app-context.ts';
import type { DataFiles, PackageTable } from '../platform/capability.ts';
import type { Locale } from '../domain/election.ts';
import { getElection } from '../elections/index.ts';
import { pick } from '../platform/web/index.ts';
import { csvHeader, csvRows, packageDescriptor, type PackageHeader } from './core/data-package.ts';
import { currentDataVersion, findPackage, savePackage, type BuiltPackage } from './data-package.repository.ts';

export interface ServedPackage extends BuiltPackage {
  body: Readable;
  filename: string;
}

const encoder = new TextEncoder();

/** Writes one file of the ZIP, waiting for the blob store whenever it falls behind. */
async function writeEntry(zip: Zip, out: PassThrough, name: string, mtime: Date, parts: AsyncIterable<string>) {
  const file = new ZipDeflate(name, { level: 6 });
  file.mtime = mtime;
  zip.add(file);
  for await (const part of parts) {
    file.push(encoder.encode(part));
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  file.push(new Uint8Array(0), true);
}

async function* tableText(t: PackageTable): AsyncIterable<string> {
  yield csvHeader(t);
  for await (const batch of t.batches()) if (batch.length > 0) yield csvRows(batch);
}

async function* once1(text: string): AsyncIterable<string> {
  yield text;
}

/** Streams the package's ZIP into `out`: each table's CSV, then the descriptor. */
async function writePackage(out: PassThrough, head: PackageHeader, tables: readonly PackageTable[]): Promise<void> {
  const zip = new Zip((err, chunk, final) => {
    if (err) out.destroy(err);
    else {
      out.write(chunk);
      if (final) out.end();
    }
  });
  const mtime = new Date(head.created);
  for (const t of tables) await writeEntry(zip, out, `${t.name}.csv`, mtime, tableText(t));
  const descriptor = JSON.stringify(packageDescriptor(head, tables), null, 2) + '\n';
  await writeEntry(zip, out, 'datapackage.json', mtime, once1(descriptor));
  zip.end();
}

async function build(
  ctx: AppContext,
  offered: readonly DataFiles[],
  head: PackageHeader,
  locale: Locale,
): Promise<BuiltPackage> {
  const tables = (await Promise.all(offered.map((d) => d.tables?.(ctx, head.electionId, locale) ?? []))).flat();
  const out = new PassThrough();
  const stored = ctx.blobs.put(out);
  await writePackage(out, head, tables).catch((e: unknown) =>
    out.destroy(e instanceof Error ? e : new Error(String(e))),
  );
  const blob = await stored;
  const built = { sha256: blob.sha256, size: blob.size, createdAt: head.created, dataVersion: head.dataVersion };
  await savePackage(ctx.db, head.electionId, locale, built);
  return built;
}

/**
 * The election's package for the current data: the stored one, or a new one built now. Undefined for
 * no such election. Two requests in one process while it is being built share the build.
 */
export async function getDataPackage(
  ctx: AppContext,
  offered: readonly DataFiles[],
  electionId: string,
  locale: Locale,
): Promise<ServedPackage | undefined> {
  const election = await getElection(ctx, electionId);
  if (!election) return undefined;
  const dataVersion = await currentDataVersion(ctx.db);
  const key = `${election.id}|${locale}|${dataVersion}`;
  let pending = ctx.memo.get<Promise<BuiltPackage>>('data-package', key);
  if (!pending) {
    pending = findPackage(ctx.db, election.id, locale, dataVersion).then(async (found) =>
      found && (await ctx.blobs.has(found.sha256))
        ? found
        : await build(
            ctx,
            offered,
            {
              electionId: election.id,
              title: pick(election.name, locale),
              locale,
              created: ctx.now().toISOString(),
              dataVersion,
              ...(ctx.config.publicUrl
                ? { homepage: `${ctx.config.publicUrl}/${locale}/elections/${encodeURIComponent(election.id)}` }
                : {}),
            },
            locale,
          ),
    );
    ctx.memo.set('data-package', key, pending);
    // A failed build is not remembered: the next request tries again.
    pending.catch(() => ctx.memo.set('data-package', key, undefined));
  }
  const built = await pending;
  const body = await ctx.blobs.get(built.sha256);
  if (!body) return undefined;
  return { ...built, body, filename: `${election.id}_${locale}_data.zip` };
}
