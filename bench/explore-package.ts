// The bulk data package of bench:explore: the election's ZIP built as its public address builds it (time and the process's peak resident memory above where it started, sampled
// every 20 ms), beside the baseline of the same run: the receipts and expenditures read by one bare
// query each, written as CSV (csv-stringify) through deflate into nothing.
import { createDeflateRaw } from 'node:zlib';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import type { AppContext } from '../src/platform/app-context.ts';
import { CAPABILITIES } from '../src/capabilities.ts';
import { getDataPackage } from '../src/downloads/data-package.service.ts';

export interface BuildFigures {
  seconds: number;
  /** Peak RSS while building, above the RSS just before, in MB. */
  peakMb: number;
  /** The process's peak RSS while building, in MB. */
  peakRssMb: number;
  bytes: number;
}

const mb = (n: number) => n / 1048576;

async function sampled(work: () => Promise<number>): Promise<BuildFigures> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t0 = performance.now();
  try {
    const bytes = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { seconds: (performance.now() - t0) / 1000, peakMb: mb(peak - before), peakRssMb: mb(peak), bytes };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The package built as its public address builds it (`getDataPackage` with every capability's tables)
 * and then read from the blob store to the end, without keeping it.
 */
export function packageBuild(ctx: AppContext, electionId: string): Promise<BuildFigures> {
  return sampled(async () => {
    const offered = CAPABILITIES.flatMap((c) => (c.dataFiles ? [c.dataFiles] : []));
    const pkg = await getDataPackage(ctx, offered, electionId, 'ru');
    if (!pkg) throw new Error('data package: no such election');
    let bytes = 0;
    for await (const chunk of pkg.body) bytes += (chunk as Buffer).length;
    return bytes;
  });
}

/** A table's rows of the election in id order, 5,000 a query (works alike on both databases). */
async function* byId(db: Kysely<Database>, table: 'receipts' | 'expenditures', electionId: string) {
  for (let last = 0; ;) {
    const rows = await db
      .selectFrom(table)
      .selectAll()
      .where('election_id', '=', electionId)
      .where('id', '>', last)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (rows.length === 0) return;
    yield* rows;
    last = Number(rows[rows.length - 1]!.id);
  }
}

/** The baseline: both tables by a bare query each, as CSV through deflate, bytes counted and dropped. */
export function bareCsvDeflate(db: Kysely<Database>, electionId: string): Promise<BuildFigures> {
  return sampled(async () => {
    let bytes = 0;
    for (const table of ['receipts', 'expenditures'] as const) {
      const rows = Readable.from(byId(db, table, electionId));
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done();
        },
      });
      await pipeline(rows, stringify({ header: true }), createDeflateRaw({ level: 6 }), sink);
    }
    return bytes;
  });
}
