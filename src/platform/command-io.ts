// Where a command of the `talapker` CLI writes: the process's streams when run, strings when tested.

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const processIo: CommandIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/** How far a command reading a large file has come. */
export interface FileImportProgress {
  /** The last line read so far. */
  line: number;
  /** Rows written by this run. */
  written: number;
  rejected: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** One console line of progress: `label [####....] 40% line 1,234, 1,200 written, 34 rejected, 9,000 rows/s`. */
export function progressLine(label: string, p: FileImportProgress): string {
  const pct = p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytesRead * 100) / p.totalBytes)) : 0;
  const width = 24;
  const bar = '#'.repeat(Math.round((pct * width) / 100)).padEnd(width, '.');
  const rate = Math.round((p.written * 1000) / Math.max(p.elapsedMs, 1));
  return `${label} [${bar}] ${pct}% line ${count(p.line)}, ${count(p.written)} written, ${count(p.rejected)} rejected, ${count(rate)} rows/s`;
}
