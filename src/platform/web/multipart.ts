// Reading a multipart form (an upload) with the CSRF check before the first byte of the file: the
// global CSRF hook cannot see a multipart body, so the route turns it off (`config.csrf: false`) and
// this reader checks the token from the field sent before the file (forms put `_csrf` first) or from
// the X-CSRF-Token header. Calls without a session (Bearer tokens) are exempt, as everywhere.
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type {} from '@fastify/csrf-protection';
import type { Problem } from '../result.ts';
import { CSRF_FIELD } from './csrf.tsx';

/** The code the multipart reader reports an oversized file with; `readWhole` throws the same. */
export const FILE_TOO_LARGE = 'FST_REQ_FILE_TOO_LARGE';

/**
 * Reads an uploaded file into memory, refusing it once it passes `limit` bytes. For files parsed whole
 * (a workbook is a zip, a statement is checked as one document); scans are streamed to the store instead.
 */
export async function readWhole(file: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of file) {
    const chunk: Buffer = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('too large'), { code: FILE_TOO_LARGE });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Whether the request's CSRF token is good; false when refused (the 403 is then on its way). */
export type CsrfCheck = (req: FastifyRequest, reply: FastifyReply, token: string | undefined) => boolean;

/**
 * The check of @fastify/csrf-protection, fed the token the form (or the header) carried. `exempt` says
 * which requests need none (those authenticated by a Bearer token: `(req) => req.bearer`).
 */
export function csrfCheck(opts: { exempt: (req: FastifyRequest) => boolean; field?: string }): CsrfCheck {
  const field = opts.field ?? CSRF_FIELD;
  return (req, reply, token) => {
    if (opts.exempt(req)) return true;
    // The plugin reads the token from the body (or the header, which it looks at by itself).
    (req as { body?: unknown }).body = token !== undefined ? { [field]: token } : {};
    let passed = false;
    req.server.csrfProtection(req, reply, () => {
      passed = true;
    });
    return passed;
  };
}

export interface MultipartForm {
  /** The text fields, each its last value. */
  fields: Record<string, string>;
  /** Problems of reading the form (too large, too many parts). */
  problems: Problem[];
  /** False when the CSRF check refused the request (the reply is being sent: return it). */
  allowed: boolean;
  /** Whether a (non-empty) file part was there. */
  hadFile: boolean;
}

export interface MultipartOptions {
  csrf: CsrfCheck;
  /** The problem for a file over the limit (default `upload.too_large` at field `file`). */
  tooLarge?: () => Problem;
  field?: string;
}

const READ_LIMITS = new Set([
  'FST_PARTS_LIMIT',
  'FST_FILES_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
]);

/**
 * Reads a multipart form, checking CSRF before the first file byte is read, and handing the file part
 * (at most one; further ones are drained) to `onFile` as a stream.
 */
export async function readMultipart(
  req: FastifyRequest,
  reply: FastifyReply,
  onFile: (file: Readable, filename: string, fields: Record<string, string>) => Promise<void>,
  opts: MultipartOptions,
): Promise<MultipartForm> {
  const field = opts.field ?? CSRF_FIELD;
  const fields: Record<string, string> = {};
  const problems: Problem[] = [];
  let checked = false;
  let hadFile = false;
  let stopped = false;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (!checked) {
        checked = true;
        if (!opts.csrf(req, reply, fields[field])) {
          part.file.resume();
          return { fields, problems, allowed: false, hadFile };
        }
      }
      if (hadFile || part.filename === '') {
        part.file.resume();
        continue;
      }
      hadFile = true;
      await onFile(part.file, part.filename, fields);
      if (part.file.destroyed && !part.file.readableEnded) {
        // The reader refused the file from its first bytes and destroyed it: read no further. The rest of
        // the body is not waited for; the connection closes after the answer.
        stopped = true;
        break;
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === FILE_TOO_LARGE)
      problems.push(
        opts.tooLarge?.() ?? {
          code: 'upload.too_large',
          message: 'The file is too large.',
          severity: 'error',
          field: 'file',
        },
      );
    else if (code !== undefined && READ_LIMITS.has(code))
      problems.push({ code: 'form.invalid', message: 'The form could not be read.', severity: 'error', field: 'file' });
    else throw e;
  }
  if (stopped) reply.header('connection', 'close');
  if (!checked && !opts.csrf(req, reply, fields[field])) return { fields, problems, allowed: false, hadFile };
  return { fields, problems, allowed: true, hadFile };
}
