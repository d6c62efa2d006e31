// Multipart forms of the treasurer's pages and the scan upload of the API: the CSRF token is checked
// before the first byte of the file is read, and the file part (at most one) goes to the handler as a
// stream.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import { CSRF_FIELD } from '../../accounts/index.ts';
import type { FormFields } from '../core/draft.ts';
import { scanProblem } from '../core/scans.ts';

/**
 * CSRF for multipart forms: the body is read by the handler, so the global check cannot see the token.
 * Forms put `_csrf` first; scripts may send the X-CSRF-Token header. Calls without a session (Bearer) are
 * exempt as everywhere. False when refused: the 403 is then on its way.
 */
function csrfPasses(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, token: string | undefined): boolean {
  if (req.bearer) return true;
  req.body = token !== undefined ? { [CSRF_FIELD]: token } : {};
  let passed = false;
  app.csrfProtection(req, reply, () => {
    passed = true;
  });
  return passed;
}

export interface MultipartForm {
  fields: FormFields;
  /** The problems of reading the form (too large, too many parts). */
  problems: Problem[];
  /** False when the CSRF check refused the request (the reply is being sent). */
  allowed: boolean;
  /** Whether a file part was there. */
  hadFile: boolean;
}

/**
 * Reads a multipart form, checking CSRF before the first file byte is read, and handing the file part
 * (there is at most one) to `onFile` as a stream.
 */
export async function readMultipart(
  app: FastifyInstance,
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  onFile: (file: Readable, filename: string, fields: FormFields) => Promise<void>,
): Promise<MultipartForm> {
  const fields: FormFields = {};
  const problems: Problem[] = [];
  let checked = false;
  let hadFile = false;
  const tooLarge = () => scanProblem('scan.too_large', { limitMb: Math.round((ctx.config.uploadLimitBytes / (1024 * 1024)) * 10) / 10 });
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (!checked) {
        checked = true;
        if (!csrfPasses(app, req, reply, fields[CSRF_FIELD])) {
          part.file.resume();
          return { fields, problems, allowed: false, hadFile };
        }
      }
      if (hadFile || part.filename === '') {
        // A second file, or an empty file input: not wanted.
        part.file.resume();
        continue;
      }
      hadFile = true;
      await onFile(part.file, part.filename, fields);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') problems.push(tooLarge());
    else if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      problems.push({ code: 'form.invalid', message: 'The form could not be read.', severity: 'error', field: 'file' });
    } else throw e;
  }
  if (!checked && !csrfPasses(app, req, reply, fields[CSRF_FIELD])) return { fields, problems, allowed: false, hadFile };
  return { fields, problems, allowed: true, hadFile };
}
