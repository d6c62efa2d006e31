// What an upload carries, for the bank officer's page and the API alike: the file and the text fields of
// a multipart form, and the bank it is for.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bankSchema, type Principal } from '../../accounts/index.ts';
import {
  csrfCheck,
  FILE_TOO_LARGE,
  parseParams,
  readMultipart,
  readWhole,
  type CsrfCheck,
} from '../../platform/web/index.ts';
import { bankQuerySchema } from './schemas.ts';

/** The bank an upload is for: a bank officer's own; anyone else (commission staff, the CLI) names one. */
export function uploaderBank(p: Principal | null, named: string | undefined): string | null {
  if (p?.role === 'bank_officer') return p.bank;
  const r = bankSchema.safeParse(named ?? '');
  return r.success ? r.data : null;
}

/** `?bank=CODE` of the request, if given. */
export function bankQuery(req: FastifyRequest): string | undefined {
  const q = parseParams(bankQuerySchema, req.query);
  return q.ok ? q.value.bank : undefined;
}

/** The bank whose statements a route concerns, for the permission check: an officer's own, or `?bank=`. */
export const ownBank = (req: FastifyRequest) => ({
  bank: req.principal?.role === 'bank_officer' ? req.principal.bank : (bankQuery(req) ?? null),
});

export interface UploadForm {
  file?: { bytes: Buffer; name: string };
  fields: Record<string, string>;
  tooLarge: boolean;
  /** False when the CSRF check refused the form (the 403 is on its way: return the reply). */
  allowed: boolean;
}

/** Site forms: the token of the field sent before the file, or the header; Bearer calls need none. */
export const uploadCsrf = csrfCheck({ exempt: (req) => req.bearer });
/** For routes whose token the global hook has already checked (the API, which takes no cookie form). */
export const checkedBefore: CsrfCheck = () => true;

/**
 * Reads a multipart upload (the file and the text fields sent with it) through the web kit's reader,
 * which checks the CSRF token before the first byte of the file.
 */
export async function readUploadForm(
  req: FastifyRequest,
  reply: FastifyReply,
  limit: number,
  csrf: CsrfCheck,
): Promise<UploadForm> {
  let file: { bytes: Buffer; name: string } | undefined;
  const tooLarge = { code: FILE_TOO_LARGE, message: 'The file is too large.', severity: 'error' as const };
  const form = await readMultipart(
    req,
    reply,
    async (stream, name) => {
      const bytes = await readWhole(stream, limit);
      if (bytes.length > 0) file = { bytes, name };
    },
    { csrf, tooLarge: () => tooLarge },
  );
  return {
    ...(file ? { file } : {}),
    fields: form.fields,
    tooLarge: form.problems.some((p) => p.code === FILE_TOO_LARGE),
    allowed: form.allowed,
  };
}
