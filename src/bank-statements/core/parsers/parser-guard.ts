// What every statement parser does around its format reader: a failure of the source becomes a
// `statement.read_failed` problem, a bug in a reader becomes a `parser.internal_error` problem (never a
// crash of the caller), and the line formats (MT940, 1C) feed their readers line by line in the same way
// whether the file streams in or is held in memory, and report the problems of a line alike.
import { problem, type Problem } from '../../../platform/result.ts';
import type { StatementEvent } from '../statement.ts';
import type { EmitEvent } from '../statement-builder.ts';
import { LineSplitter } from '../text-decoding.ts';

/** The problem of a source that failed before its end (a dropped connection, a broken stream). */
export function readFailure(e: unknown): StatementEvent {
  return {
    kind: 'problem',
    problem: problem(
      'statement.read_failed',
      `The file could not be read to its end: ${e instanceof Error ? e.message : String(e)}`,
      { severity: 'error' },
    ),
  };
}

/** Last line of defence: runs `f`, and turns anything it throws into a problem of the named parser. */
export function guarded(parser: string, emit: EmitEvent, f: () => void): void {
  try {
    f();
  } catch (e) {
    emit({
      kind: 'problem',
      problem: problem(
        'parser.internal_error',
        `The ${parser} parser failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
        { severity: 'error' },
      ),
    });
  }
}

/** Reports a problem found at a line of the input; an error unless said otherwise. */
export type RowReporter = (
  code: string,
  message: string,
  row: number,
  severity?: 'error' | 'warning',
  extra?: Omit<Problem, 'code' | 'message' | 'row' | 'severity'>,
) => void;

/** The problem reporter of a line-based reader (MT940, 1C), sending each problem down its event stream. */
export function rowReporter(emit: EmitEvent): RowReporter {
  return (code, message, row, severity = 'error', extra = {}) =>
    emit({ kind: 'problem', problem: problem(code, message, { row, severity, ...extra }) });
}

/** A reader of a line format: told each line with its 1-based row, then the end. */
export interface LineReader {
  line(text: string, row: number): void;
  end(): void;
}

/**
 * Feeds decoded text to a line reader as it arrives and yields the events it emitted into `queue` after
 * each chunk, so that a large file streams in bounded memory.
 */
export async function* streamLines(
  parser: string,
  texts: AsyncIterable<string>,
  reader: LineReader,
  queue: StatementEvent[],
  lines: LineSplitter = new LineSplitter(),
): AsyncGenerator<StatementEvent> {
  const emit: EmitEvent = (e) => queue.push(e);
  let row = 0;
  try {
    for await (const text of texts) {
      guarded(parser, emit, () => {
        for (const l of lines.push(text)) reader.line(l, ++row);
      });
      if (queue.length > 0) yield* queue.splice(0, queue.length);
    }
  } catch (e) {
    emit(readFailure(e));
  }
  guarded(parser, emit, () => {
    for (const l of lines.end()) reader.line(l, ++row);
    reader.end();
  });
  yield* queue.splice(0, queue.length);
}

/** Feeds a whole text held in memory to a line reader. */
export function readAllLines(text: string, reader: LineReader): void {
  const splitter = new LineSplitter();
  let row = 0;
  for (const l of [...splitter.push(text), ...splitter.end()]) reader.line(l, ++row);
  reader.end();
}
