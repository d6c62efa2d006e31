// What every commission screen's routes share: the route parameters, the reply of a page that no
// cache may keep, the redirect after a change, the signed-in user, the notice named in the address
// after a change, and the reading of a multipart form with its CSRF token checked before the file.
//
// Every page of the commission carries per-session tokens or non-public detail, so none is cached.
// Multipart forms carry their token inside the body, which the global CSRF check cannot read: their
// routes turn that check off (`config: MULTIPART_FORM`) and `readUpload` runs it on the form's first
// field before a byte of the file is read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import { sendHtml } from '../../platform/web/http.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { problem, type Problem } from '../../platform/result.ts';
import { CSRF_FIELD } from '../../accounts/index.ts';
import type { Principal } from '../../accounts/index.ts';
import type { FormValues } from './form-checks.ts';
import '../election.messages.ts';

export const LocaleParams = z.object({ locale: localeSchema });
export const ElectionParams = z.object({ locale: localeSchema, id: z.string() });
export const PartyParams = z.object({ locale: localeSchema, id: z.string(), reg: z.string() });

/** A query parameter that is one piece of text; repeated or absent, it is undefined. */
const oneText = z.string().optional().catch(undefined);
/** What the address says after a change (`done`, a count `n`, a withdrawn `candidate`) and where a log page starts (`before`). */
export const PageQuery = z.object({ done: oneText, n: oneText, candidate: oneText, before: oneText, fromParty: oneText });
export type PageQuery = z.infer<typeof PageQuery>;

export function pageQuery(query: unknown): PageQuery {
  const r = PageQuery.safeParse(query);
  return r.success ? r.data : {};
}

/** A page of the commission: never stored by a cache. */
export const sendCommissionPage = (reply: FastifyReply, html: string, status = 200) => sendHtml(reply, html, { status, cache: 'no-store' });

/** After a change: "303 See Other" to the page that shows it. */
export const seeOther = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);

/** A positive database id written in decimal, or undefined. */
export const positiveId = (s: string | undefined): number | undefined => (s && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : undefined);

/** The notice after a redirect; only the `keys` a page knows are shown, so the query cannot put text on the page. */
export function doneText(l: Locale, q: PageQuery, keys: readonly string[]): string | undefined {
  const key = q.done;
  if (!key || !keys.includes(key)) return undefined;
  return t(l, `commission.done.${key}`, { n: positiveId(q.n) ?? 0 });
}

/** The principal the route's permission guard has let through. */
export function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('commission route reached without a principal: preHandler missing');
  return req.principal;
}

// ---------------------------------------------------------------- multipart forms

/** Route config of a multipart form: the global CSRF check is off, `readUpload` does it. */
export const MULTIPART_FORM = { csrf: false };

/** Per-route limits are passed to req.parts(); these are the ceiling of the scope. */
const PART_LIMITS = { files: 1, fields: 12, fieldSize: 1_000_000, parts: 14 };

/**
 * Registers `routes` in a scope of their own that reads multipart bodies. Async: call it with `await`,
 * after authPlugin and the form-body parser.
 */
export async function withMultipart(app: FastifyInstance, ctx: AppContext, routes: (scope: FastifyInstance) => void): Promise<void> {
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(multipart, { limits: { fileSize: ctx.config.uploadLimitBytes, ...PART_LIMITS } });
    }
    routes(scope);
  });
}

export interface UploadForm {
  fields: FormValues;
  file: { name: string; bytes: Buffer } | undefined;
  /** Problems of reading the form itself (too large, not multipart, too many parts). */
  problems: Problem[];
  /** False when the CSRF check refused the request: its 403 is on its way. */
  allowed: boolean;
}

/** The CSRF check of the global hook, run by hand for a multipart form with the token it carried. */
function csrfPasses(req: FastifyRequest, reply: FastifyReply, token: string | undefined): boolean {
  if (req.bearer) return true;
  (req as { body?: unknown }).body = token !== undefined ? { [CSRF_FIELD]: token } : {};
  let passed = false;
  req.server.csrfProtection(req, reply, () => {
    passed = true;
  });
  return passed;
}

function readProblem(e: unknown, opts: { fileField: string; maxBytes: number }): Problem {
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return problem('commission.too_large', 'The file is too large.', { field: opts.fileField, params: { limitMb: Math.round((opts.maxBytes / (1024 * 1024)) * 10) / 10 } });
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return problem('commission.form_unreadable', 'The form could not be read.', { field: opts.fileField });
  }
  throw e;
}

/**
 * Reads a multipart form with at most one file (in `fileField`), checking the CSRF token of the
 * fields before it (the forms put `_csrf` first) before the file's first byte is read. An empty file
 * input (no file chosen) counts as no file.
 */
export async function readUpload(req: FastifyRequest, reply: FastifyReply, opts: { fileField: string; maxBytes: number }): Promise<UploadForm> {
  const fields: FormValues = {};
  const problems: Problem[] = [];
  let file: UploadForm['file'];
  let checked = false;
  try {
    // Field values up to 1 MB: a programme's text in one language fits, a stray file does not.
    for await (const part of req.parts({ limits: { fileSize: opts.maxBytes, ...PART_LIMITS } })) {
      if (part.type === 'field') {
        if (part.valueTruncated) problems.push(problem('commission.too_long', `${part.fieldname}: too long.`, { field: part.fieldname, params: { max: 1_000_000 } }));
        else if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
        continue;
      }
      if (!checked) {
        checked = true;
        if (!csrfPasses(req, reply, fields[CSRF_FIELD])) {
          part.file.resume();
          return { fields, file: undefined, problems, allowed: false };
        }
      }
      if (part.fieldname !== opts.fileField || file || part.filename === '') {
        part.file.resume();
        continue;
      }
      const bytes = await part.toBuffer();
      if (bytes.length > 0) file = { name: part.filename, bytes };
    }
  } catch (e) {
    problems.push(readProblem(e, opts));
  }
  if (!checked && !csrfPasses(req, reply, fields[CSRF_FIELD])) return { fields, file: undefined, problems, allowed: false };
  const trimmed = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]));
  return { fields: trimmed, file, problems, allowed: true };
}
