// What an upload carries, for the bank officer's page and the API alike: the file and the text fields of
// a multipart form, and the bank it is for.
import type { FastifyRequest } from 'fastify';
import { bankSchema, type Principal } from '../../accounts/index.ts';
import { parseParams } from '../../platform/web/index.ts';
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
}

/** Reads a multipart upload: the file and the text fields sent with it. */
export async function readMultipart(req: FastifyRequest, limit: number): Promise<UploadForm> {
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; name: string } | undefined;
  let tooLarge = false;
  for await (const part of req.parts({ limits: { fileSize: limit, files: 1 } })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((e: unknown) => {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          tooLarge = true;
          return undefined;
        }
        throw e;
      });
      if (bytes && bytes.length > 0 && !file) file = { bytes, name: part.filename };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { ...(file ? { file } : {}), fields, tooLarge };
}
