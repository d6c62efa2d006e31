// Loading the voter list and the stations: the commission's CSV files (streamed line by line, each row
// checked, rejected rows reported by line and reason) and the demo's synthetic list. A list is written
// under a new snapshot while the lookup keeps answering from the current one, and becomes current in
// one transaction at the end; a load that fails leaves the current list as it was.
import { createReadStream } from 'node:fs';
import type { FileImportProgress } from '../platform/command-io.ts';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { AppContext } from '../platform/app-context.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { readHeader } from './core/csv-columns.ts';
import { splitCsvLine } from './core/csv-line.ts';
import { parseStationRow, STATION_COLUMNS, type Station } from './core/station-rows.ts';
import { memoFold, parseVoterRow, VOTER_COLUMNS, VOTER_OPTIONAL_COLUMNS, type VoterEntry } from './core/voter-rows.ts';
import { stationNumbers, upsertStations } from './stations.repository.ts';
import {
  createVoterSnapshot,
  dropSnapshotRows,
  markSnapshotFailed,
  switchToSnapshot,
  writeVoterBatch,
} from './voter-list.repository.ts';

export interface RejectedRow {
  line: number;
  code: string;
  message: string;
}

export type LoadProgress = FileImportProgress;

export interface LoadReport {
  snapshotId: number;
  written: number;
  rejected: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

const BATCH = 10_000;

/** A file's lines numbered from 1, without the byte-order mark and the blank ones, split into cells (null when a quote does not close). */
async function* csvLines(lines: AsyncIterable<string>): AsyncGenerator<{ line: number; cells: string[] | null }> {
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\ufeff/, '') : raw;
    if (text.trim() !== '') yield { line, cells: splitCsvLine(text) };
  }
}

/** Writes a list in batches under a new snapshot, one batch in flight while the next is made. */
export class VoterListWriter {
  private batch: VoterEntry[] = [];
  private pending: Promise<void> = Promise.resolve();
  written = 0;
  duplicates: string[] = [];
  private constructor(
    private readonly ctx: AppContext,
    readonly snapshotId: number,
  ) {}

  static async start(ctx: AppContext, s: { asOf: string; source: string; actor: string }): Promise<VoterListWriter> {
    const id = await createVoterSnapshot(ctx.db, { ...s, at: ctx.now().toISOString() });
    return new VoterListWriter(ctx, id);
  }

  async add(v: VoterEntry): Promise<void> {
    this.batch.push(v);
    if (this.batch.length >= BATCH) await this.flush();
  }

  private async flush(): Promise<void> {
    await this.pending;
    const batch = this.batch;
    this.batch = [];
    this.pending = writeVoterBatch(this.ctx.db, this.snapshotId, batch).then((dups) => {
      this.written += batch.length - dups.length;
      this.duplicates.push(...dups);
    });
  }

  /** Makes the snapshot current and removes the one it replaced. */
  async finish(rejected: number, actor: string): Promise<void> {
    await this.flush();
    await this.pending;
    const at = this.ctx.now();
    const replaced = await switchToSnapshot(
      this.ctx.db,
      this.snapshotId,
      rejected + this.duplicates.length,
      at.toISOString(),
    );
    await recordActivity(
      this.ctx.db,
      {
        actor,
        action: 'voter_list.switched',
        entityType: 'voter_list',
        entityId: String(this.snapshotId),
        before: replaced === undefined ? null : { snapshot: replaced },
        after: { snapshot: this.snapshotId, rows: this.written, rejected: rejected + this.duplicates.length },
      },
      at,
    );
    if (replaced !== undefined) await dropSnapshotRows(this.ctx.db, replaced);
  }

  /** Gives up: the snapshot is marked failed and its rows removed; the current list stays. */
  async abandon(): Promise<void> {
    await this.pending.catch(() => undefined);
    await markSnapshotFailed(this.ctx.db, this.snapshotId);
    await dropSnapshotRows(this.ctx.db, this.snapshotId);
  }
}

export interface ImportVotersInput {
  path: string;
  asOf: string;
  actor: string;
  onProgress?: (p: LoadProgress) => void;
  onRejected?: (r: RejectedRow) => void;
}

/** Imports a voter list file as the new current list; refuses a file whose header is wrong. */
export async function importVoters(ctx: AppContext, input: ImportVotersInput): Promise<Result<LoadReport>> {
  const started = performance.now();
  const totalBytes = (await stat(input.path)).size;
  const known = await stationNumbers(ctx.db);
  // Made right before it is read: lines read before the first iteration would be lost.
  const stream = createReadStream(input.path, { highWaterMark: 1 << 20, encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let writer: VoterListWriter | undefined;
  let cols: ReturnType<typeof readHeader> | undefined;
  let line = 0;
  let rejected = 0;
  let nextProgress = started + 500;
  const fold = memoFold();
  const hasStation = (n: string) => known.has(n);
  const reject = (r: RejectedRow) => {
    rejected += 1;
    input.onRejected?.(r);
  };
  try {
    for await (const row of csvLines(lines)) {
      line = row.line;
      const cells = row.cells;
      if (!cols) {
        cols = readHeader(cells ?? [], VOTER_COLUMNS, VOTER_OPTIONAL_COLUMNS);
        if (!cols.ok) return err(cols.error);
        writer = await VoterListWriter.start(ctx, {
          asOf: input.asOf,
          source: basename(input.path),
          actor: input.actor,
        });
        continue;
      }
      if (!cells || !cols.ok || !writer) {
        reject({ line, code: 'row.quotes', message: 'A quoted cell does not close.' });
        continue;
      }
      const r = parseVoterRow(cells, cols.value, line, input.asOf, hasStation, fold);
      if (r.ok) await writer.add(r.value);
      else for (const p of r.error.slice(0, 1)) reject({ line, code: p.code, message: p.message });
      if (input.onProgress && performance.now() >= nextProgress) {
        nextProgress = performance.now() + 500;
        input.onProgress({
          line,
          written: writer.written,
          rejected,
          bytesRead: stream.bytesRead,
          totalBytes,
          elapsedMs: performance.now() - started,
        });
      }
    }
    if (!writer) return err([problem('file.empty', 'The file has no header row.', { row: 1 })]);
    await writer.finish(rejected, input.actor);
  } catch (e) {
    await writer?.abandon();
    throw e;
  }
  for (const pin of writer.duplicates)
    reject({
      line: 0,
      code: 'voter.duplicate',
      message: `A PIN ending …${pin.slice(-4)} is in the file twice; the first row was kept.`,
    });
  const elapsedMs = performance.now() - started;
  return ok({
    snapshotId: writer.snapshotId,
    written: writer.written,
    rejected,
    elapsedMs,
    rowsPerSecond: Math.round((writer.written * 1000) / Math.max(elapsedMs, 1)),
  });
}

/** Imports the stations file: good rows are added or replace the station of the same number. */
export async function importStations(
  ctx: AppContext,
  input: { path: string; actor: string; onRejected?: (r: RejectedRow) => void },
): Promise<Result<{ stations: number; rejected: number }>> {
  const lines = createInterface({ input: createReadStream(input.path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const stations: Station[] = [];
  const seen = new Set<string>();
  let cols: ReturnType<typeof readHeader> | undefined;
  let line = 0;
  let rejected = 0;
  /** One rejected row, with every problem it has. */
  const reject = (...problems: Problem[]) => {
    rejected += 1;
    for (const p of problems) input.onRejected?.({ line, code: p.code, message: p.message });
  };
  for await (const row of csvLines(lines)) {
    line = row.line;
    const cells = row.cells;
    if (!cols) {
      cols = readHeader(cells ?? [], STATION_COLUMNS);
      if (!cols.ok) return err(cols.error);
      continue;
    }
    if (!cells || !cols.ok) {
      reject(problem('row.quotes', 'A quoted cell does not close.'));
      continue;
    }
    const r = parseStationRow(cells, cols.value, line);
    if (!r.ok) reject(...r.error);
    else if (seen.has(r.value.number))
      reject(problem('station.duplicate', `Station ${r.value.number} is in the file twice.`));
    else {
      seen.add(r.value.number);
      stations.push(r.value);
    }
  }
  if (!cols) return err([problem('file.empty', 'The file has no header row.', { row: 1 })]);
  const at = ctx.now();
  await upsertStations(ctx.db, stations, at.toISOString());
  await recordActivity(
    ctx.db,
    {
      actor: input.actor,
      action: 'stations.imported',
      entityType: 'polling_stations',
      entityId: basename(input.path),
      after: { stations: stations.length, rejected },
    },
    at,
  );
  return ok({ stations: stations.length, rejected });
}
