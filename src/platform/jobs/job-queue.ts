// A job queue in an SQL table, so that the embedded SQLite default needs nothing more and PostgreSQL
// instances share one queue. It knows no capability: a job is a queue name and a JSON payload.
//
// - enqueue: with a dedupe key, one pending job per key: asking twice for the same work before it starts
//   is one job. A running job does not count, since what it read may already be out of date.
// - claim: PostgreSQL picks with `FOR UPDATE SKIP LOCKED`, so workers never wait on each other or take the
//   same job; SQLite takes the write lock first (`BEGIN IMMEDIATE`), so two processes on one file cannot.
//   A claim holds a lock until `locked_until`; a job whose worker died is claimed again after that.
// - fail: retried with exponential backoff until max_attempts, then left `failed` with its last error.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { JobRow } from '../db/tables/compliance.tables.ts';
import { dialectOf } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';

export interface Job<P = unknown> {
  id: number;
  queue: string;
  dedupeKey: string | null;
  payload: P;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
}

export interface EnqueueOptions {
  dedupeKey?: string;
  /** Not before this moment (default: now). */
  runAfter?: Date;
  maxAttempts?: number;
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000 };

/** Delay before the next attempt after `attempt` failed: base, 2×base, 4×base … up to max. */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}

function jobOf<P>(row: JobRow): Job<P> {
  return {
    id: Number(row.id),
    queue: row.queue,
    dedupeKey: row.dedupe_key,
    payload: JSON.parse(row.payload_json) as P,
    attempt: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
  };
}

export class JobQueue {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds a job, or returns the pending one with the same dedupe key. */
  async enqueue(
    queue: string,
    payload: unknown,
    opts: EnqueueOptions = {},
  ): Promise<{ id: number; deduplicated: boolean }> {
    const at = this.now().toISOString();
    const values = {
      queue,
      dedupe_key: opts.dedupeKey ?? null,
      payload_json: JSON.stringify(payload),
      status: 'pending',
      max_attempts: opts.maxAttempts ?? 5,
      run_after: (opts.runAfter ?? this.now()).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    };
    for (;;) {
      if (opts.dedupeKey !== undefined) {
        const existing = await this.pendingWithKey(queue, opts.dedupeKey);
        if (existing !== undefined) return { id: existing, deduplicated: true };
      }
      try {
        const row = await this.db.insertInto('jobs').values(values).returning('id').executeTakeFirstOrThrow();
        return { id: Number(row.id), deduplicated: false };
      } catch (e) {
        // Another instance enqueued the same key between the look and the insert: that job is ours too.
        if (!(opts.dedupeKey !== undefined && isUniqueViolation(e))) throw e;
      }
    }
  }

  private async pendingWithKey(queue: string, key: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('queue', '=', queue)
      .where('dedupe_key', '=', key)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.id);
  }

  /** Takes the next due job of the queue for `workerId`, locked for `lockMs`; undefined when none is due. */
  async claim<P = unknown>(queue: string, workerId: string, lockMs = 5 * 60_000): Promise<Job<P> | undefined> {
    const now = this.now();
    const at = now.toISOString();
    const until = new Date(now.getTime() + lockMs).toISOString();
    const postgres = dialectOf(this.db) === 'postgres';
    const statement = sql<JobRow>`
      update jobs set status = 'running', locked_by = ${workerId}, locked_until = ${until},
        attempts = attempts + 1, updated_at = ${at}
      where id = (
        select id from jobs
        where queue = ${queue}
          and ((status = 'pending' and run_after <= ${at}) or (status = 'running' and locked_until < ${at}))
        order by run_after, id
        limit 1
        ${postgres ? sql`for update skip locked` : sql``}
      )
      returning *`;
    if (postgres) {
      const r = await statement.execute(this.db);
      return r.rows[0] ? jobOf<P>(r.rows[0]) : undefined;
    }
    return this.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const r = await statement.execute(conn);
        await sql`commit`.execute(conn);
        return r.rows[0] ? jobOf<P>(r.rows[0]) : undefined;
      } catch (e) {
        await sql`rollback`.execute(conn);
        throw e;
      }
    });
  }

  /** Marks a claimed job done; false when the worker had lost its lock (the job was claimed again). */
  async complete(id: number, workerId: string): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({ status: 'done', locked_by: null, locked_until: null, updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * Records a failed attempt: the job waits for its next attempt, or is left `failed` after its last
   * one. A retry that would duplicate a job enqueued meanwhile with the same key is `superseded` by it.
   */
  async fail(
    id: number,
    workerId: string,
    error: string,
    policy: BackoffPolicy = DEFAULT_BACKOFF,
  ): Promise<'retry' | 'failed' | 'superseded' | 'lost'> {
    const row = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (!row) return 'lost';
    const now = this.now();
    const common = {
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 4000),
      updated_at: now.toISOString(),
    };
    const last = Number(row.attempts) >= Number(row.max_attempts);
    const runAfter = new Date(now.getTime() + backoffDelay(Number(row.attempts), policy)).toISOString();
    try {
      await this.db
        .updateTable('jobs')
        .set(last ? { ...common, status: 'failed' } : { ...common, status: 'pending', run_after: runAfter })
        .where('id', '=', id)
        .execute();
      return last ? 'failed' : 'retry';
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await this.db
        .updateTable('jobs')
        .set({ ...common, status: 'superseded' })
        .where('id', '=', id)
        .execute();
      return 'superseded';
    }
  }

  async get(id: number): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
