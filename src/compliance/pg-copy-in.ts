// `COPY … FROM STDIN` through the pg driver's own protocol hooks, for the registry import: the cheapest
// way into PostgreSQL (the server reads tab-separated text, with no parameters or arrays to parse), and
// one the driver supports for any "submittable" query without another dependency. A batch's text is built
// whole (a few MB at most) and sent in chunks.
import type pg from 'pg';

/** The driver's connection as a submittable query sees it: the calls COPY needs. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK = 1 << 16;

class CopyIn implements pg.Submittable {
  private error: Error | undefined;
  rowCount = 0;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    private readonly done: (e: Error | undefined, rows: number) => void,
  ) {}

  submit(connection: unknown): void {
    (connection as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: unknown): void {
    const c = connection as CopyConnection;
    for (let i = 0; i < this.data.length; i += CHUNK) c.sendCopyFromChunk(this.data.subarray(i, i + CHUNK));
    c.endCopyFrom();
  }

  handleCommandComplete(msg: { text?: string }): void {
    this.rowCount = Number(/\d+$/.exec(msg.text ?? '')?.[0] ?? 0);
  }

  handleError(e: Error): void {
    this.error = e;
  }

  handleReadyForQuery(): void {
    this.done(this.error, this.rowCount);
  }

  // A COPY FROM answers with none of these; the driver calls them on any query it runs.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `copy … from stdin` (text format) on `client` with `data` as its input; resolves to the rows copied. */
export function copyIn(client: pg.Client, text: string, data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    client.query(new CopyIn(text, data, (e, rows) => (e ? reject(e) : resolve(rows))));
  });
}

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: null as \N, and the four characters the format gives meaning escaped. */
export function copyText(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (!SPECIAL.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
