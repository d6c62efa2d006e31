// Imports one registry CSV file as a dated snapshot: streamed, mapped row by row, staged in batches that
// each commit with the snapshot's last line, so that running the same file again after an interruption
// continues where it stopped, then moved into the keyed table in number order once the file is read (see
// registry.repository.ts). Rejected rows do not stop the import: each is reported with its line and
// reason, and counted on the snapshot; duplicates of a number are found by the move, so they come last.
// Line numbers count records, the header being line 1 (the same as the file's lines unless a quoted field
// holds a line break).
import { createReadStream } from 'node:fs';
import type { FileImportProgress } from '../platform/command-io.ts';
import { open, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { RegistrySnapshotRow } from '../platform/db/tables/compliance.tables.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { bishkekDay } from '../domain/report-deadlines.ts';
import type { RegistryKind } from './core/registry.ts';
import { CsvRecords } from './csv-records.ts';
import { checkRegistryHeader, mapRegistryRow, type RowRejection } from './registry-rows.ts';
import {
  completeSnapshot,
  createSnapshot,
  findUnfinishedSnapshot,
  openRegistryWriter,
  openStaging,
  type RegistryWriter,
  type RowBatch,
} from './registry.repository.ts';

export interface RejectedRow extends RowRejection {
  line: number;
}

/** `written` counts this run's rows: a resumed run does not count what the earlier one wrote. */
export interface ImportProgress extends FileImportProgress {
  kind: RegistryKind;
}

export interface ImportRegistryInput {
  kind: RegistryKind;
  path: string;
  /** The day the registry's data is as of; the import day (Bishkek) when not given. */
  asOf?: string;
  actor: string;
  now?: () => Date;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  onRejected?: (r: RejectedRow) => void;
  /** Stops after this many lines, as an interruption would (for tests of resuming). */
  stopAfterLine?: number;
}

export interface ImportReport {
  snapshot: RegistrySnapshotRow;
  /** Whether this run continued an unfinished import of the same file. */
  resumedFromLine: number;
  written: number;
  rejected: number;
  /** The first rejected rows, in file order; `rejectedByCode` counts them all. */
  rejectedRows: RejectedRow[];
  rejectedByCode: Record<string, number>;
  elapsedMs: number;
  rowsPerSecond: number;
  complete: boolean;
}

const KEPT_REJECTIONS = 1000;

/** Size plus the hash of the first MiB: recognises the same file again without reading all of it. */
async function sourceKeyOf(kind: RegistryKind, path: string): Promise<{ key: string; size: number }> {
  const { size } = await stat(path);
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 1 << 20));
    await fh.read(head, 0, head.length, 0);
    return { key: `${kind}:${size}:${createHash('sha256').update(head).digest('hex')}`, size };
  } finally {
    await fh.close();
  }
}

async function startOrResume(
  db: Kysely<Database>,
  input: ImportRegistryInput,
  sourceKey: string,
  at: Date,
): Promise<RegistrySnapshotRow> {
  const unfinished = await findUnfinishedSnapshot(db, input.kind, sourceKey);
  const snapshot =
    unfinished ??
    (await createSnapshot(db, {
      kind: input.kind,
      asOf: input.asOf ?? bishkekDay(at),
      sourceFile: basename(input.path),
      sourceKey,
      actor: input.actor,
      at: at.toISOString(),
    }));
  return openStaging(db, snapshot);
}

class Collector {
  batch: RowBatch = { lines: [], cells: [] };
  rejectedSinceBatch = 0;
  written = 0;
  rejected = 0;
  readonly rows: RejectedRow[] = [];
  readonly byCode: Record<string, number> = {};
  constructor(private readonly onRejected?: (r: RejectedRow) => void) {}

  reject(r: RejectedRow): void {
    this.rejected++;
    this.byCode[r.code] = (this.byCode[r.code] ?? 0) + 1;
    if (this.rows.length < KEPT_REJECTIONS) this.rows.push(r);
    this.onRejected?.(r);
  }

  take(): { batch: RowBatch; rejected: number } {
    const out = { batch: this.batch, rejected: this.rejectedSinceBatch };
    this.batch = { lines: [], cells: [] };
    this.rejectedSinceBatch = 0;
    return out;
  }
}

/** The file's records one by one; read a chunk at a time, so that the loop awaits once per chunk. */
async function* recordsOf(stream: AsyncIterable<string>): AsyncGenerator<string[], void, undefined> {
  const csv = new CsvRecords();
  let batch: string[][] = [];
  for await (const chunk of stream) {
    csv.push(chunk, batch);
    yield* batch;
    batch = [];
  }
  csv.end(batch);
  yield* batch;
}

/** Imports (or resumes importing) one registry file; refuses a file whose header is not the kind's. */
export async function importRegistry(db: Kysely<Database>, input: ImportRegistryInput): Promise<Result<ImportReport>> {
  const now = input.now ?? (() => new Date());
  const started = performance.now();
  const { key, size } = await sourceKeyOf(input.kind, input.path);
  const batchSize = input.batchSize ?? 10_000;
  const stream = createReadStream(input.path, { highWaterMark: 1 << 20, encoding: 'utf8' });
  const c = new Collector(input.onRejected);
  let snapshot: RegistrySnapshotRow | undefined;
  let writer: RegistryWriter | undefined;
  let line = 0;
  let pending: Promise<void> = Promise.resolve();
  let nextProgress = started + 1000;
  const flush = async (lastLine: number) => {
    await pending;
    const { batch, rejected } = c.take();
    if (!writer) return;
    // One write in flight while the next batch is parsed: the database works while the file is read.
    pending = writer.write(batch, { lastLine, rejected }).then(() => {
      c.written += batch.cells.length;
    });
  };
  try {
    for await (const record of recordsOf(stream)) {
      line++;
      if (line === 1) {
        const wrong = checkRegistryHeader(input.kind, record);
        if (wrong) return err([problem('registry.header', wrong, { row: 1 })]);
        snapshot = await startOrResume(db, input, key, now());
        writer = await openRegistryWriter(db, snapshot.id, input.kind);
        continue;
      }
      if (line <= (snapshot?.last_line ?? 0)) continue;
      const row = mapRegistryRow(input.kind, record);
      if (row.ok) {
        c.batch.lines.push(line);
        c.batch.cells.push(row.cells);
      } else {
        c.rejectedSinceBatch++;
        c.reject({ line, ...row.rejection });
      }
      if (c.batch.cells.length >= batchSize) await flush(line);
      if (line % 4096 === 0 && input.onProgress && performance.now() >= nextProgress) {
        nextProgress = performance.now() + 500;
        input.onProgress({
          kind: input.kind,
          line,
          written: c.written,
          rejected: c.rejected,
          bytesRead: stream.bytesRead,
          totalBytes: size,
          elapsedMs: performance.now() - started,
        });
      }
      if (input.stopAfterLine !== undefined && line >= input.stopAfterLine) break;
    }
    if (snapshot) await flush(Math.max(line, snapshot.last_line));
    await pending;
  } finally {
    stream.destroy();
    // After a failure the batch in flight settles (its error is the one already thrown) before the
    // writer's connection closes under it.
    await pending.catch(() => undefined);
    await writer?.close();
  }
  if (!snapshot) return err([problem('registry.empty', 'the file is empty: it has no header row', { row: 1 })]);
  const resumedFromLine = snapshot.last_line;
  const interrupted = input.stopAfterLine !== undefined && line >= input.stopAfterLine;
  let finished = snapshot;
  if (!interrupted) {
    const done = await completeSnapshot(db, snapshot, now().toISOString());
    finished = done.snapshot;
    for (const dup of done.duplicateLines) {
      // Lines an earlier run staged were counted as written by that run, not by this one.
      if (dup > resumedFromLine) c.written--;
      c.reject({
        line: dup,
        code: 'identity.duplicate',
        field: '',
        message: 'the number is already in this snapshot; the first row is kept',
      });
    }
  }
  if (!interrupted) {
    await recordActivity(
      db,
      {
        actor: input.actor,
        action: 'registry.snapshot_imported',
        entityType: 'registry_snapshot',
        entityId: String(finished.id),
        after: {
          kind: finished.kind,
          asOf: finished.as_of,
          sourceFile: finished.source_file,
          rows: finished.row_count,
          rejected: finished.rejected_count,
        },
      },
      now(),
    );
  }
  const elapsedMs = performance.now() - started;
  return ok({
    snapshot: finished,
    resumedFromLine,
    written: c.written,
    rejected: c.rejected,
    rejectedRows: c.rows,
    rejectedByCode: c.byCode,
    elapsedMs,
    rowsPerSecond: Math.round(((line - 1 - resumedFromLine) * 1000) / Math.max(elapsedMs, 1)),
    complete: !interrupted,
  });
}
