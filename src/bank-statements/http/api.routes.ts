// The API upload: `POST /api/v1/statements` with a Bearer token of scope statements:write (or a session),
// the file as the body (application/xml, text/plain, application/octet-stream) or as multipart field
// "statement". Bank officers upload for their own bank; commission staff name it with ?bank=CODE.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf, can } from '../../accounts/index.ts';
import { intakeStatement, type IntakeOutcome } from '../intake.service.ts';
import { me } from './replies.ts';
import { bankQuery, checkedBefore, ownBank, readUploadForm, uploaderBank } from './upload.ts';

function statementJson(o: IntakeOutcome) {
  return {
    format: o.format,
    blobSha256: o.blobSha256,
    statements: o.statements,
    warnings: o.warnings.map((w) => ({ code: w.code, message: w.message, row: w.row ?? null, field: w.field ?? null })),
    reconciliationRunIds: o.reconciliationRunIds,
  };
}

const problemJson = (p: Problem) => ({
  code: p.code,
  message: p.message,
  row: p.row ?? null,
  field: p.field ?? null,
  params: p.params ?? {},
});

/** The file of an API upload, its name and the bank the request names; `tooLarge` when over the limit. */
async function readUpload(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<{ bytes?: Buffer; fileName: string; named?: string; tooLarge?: boolean }> {
  const named = bankQuery(req);
  if (req.isMultipart()) {
    const form = await readUploadForm(req, reply, ctx.config.uploadLimitBytes, checkedBefore);
    if (form.tooLarge) return { fileName: '', tooLarge: true };
    const bank = form.fields.bank ?? named;
    return {
      ...(form.file ? { bytes: form.file.bytes } : {}),
      fileName: form.file?.name ?? '',
      ...(bank !== undefined ? { named: bank } : {}),
    };
  }
  if (Buffer.isBuffer(req.body)) {
    const name = req.headers['x-file-name'];
    return {
      bytes: req.body,
      fileName: typeof name === 'string' ? name : '',
      ...(named !== undefined ? { named } : {}),
    };
  }
  return { fileName: '', ...(named !== undefined ? { named } : {}) };
}

async function receive(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const who = me(req);
  reply.header('cache-control', 'no-store');
  const upload = await readUpload(ctx, req, reply);
  if (upload.tooLarge)
    return reply
      .status(413)
      .send({ error: { code: 'payload_too_large', message: 'The file is larger than the upload limit.' } });
  const bank = uploaderBank(who, upload.named);
  if (!bank)
    return reply.status(400).send({
      error: {
        code: 'bank_required',
        message: 'Name the bank with ?bank=CODE (commission staff only; bank officers upload for their own bank).',
      },
    });
  if (!can(who, 'statement.upload', { bank }))
    return reply.status(403).send({ error: { code: 'forbidden', message: 'Not allowed for this bank' } });
  if (!upload.bytes || upload.bytes.length === 0) {
    return reply.status(400).send({
      error: {
        code: 'file_missing',
        message:
          'Send the statement file as the body (application/xml, text/plain, application/octet-stream) or as multipart field "statement".',
      },
    });
  }
  const r = await intakeStatement(ctx, { bytes: upload.bytes, bank, actor: actorOf(who), fileName: upload.fileName });
  if (!r.ok) {
    const status = r.error.forbidden ? 403 : 422;
    return reply.status(status).send({
      error: {
        code: r.error.forbidden ? 'forbidden' : 'statement_refused',
        message: r.error.problems.map((p) => p.message).join(' '),
        details: r.error.problems.map(problemJson),
      },
    });
  }
  const fresh = r.value.statements.some((s) => s.status === 'received');
  return reply
    .status(fresh ? 201 : 200)
    .send({ ...statementJson(r.value), message: fresh ? 'received' : 'already received' });
}

export function statementApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/statements',
    {
      // Without any credentials an API client hears 401 (send a token), not the CSRF check's 403.
      onRequest: async (req, reply) => {
        if (!req.principal && !req.headers.cookie) {
          return reply
            .status(401)
            .header('www-authenticate', 'Bearer')
            .header('cache-control', 'no-store')
            .send({ error: { code: 'unauthorized', message: 'Send a valid API token' } });
        }
      },
      preHandler: requirePermission('statement.upload', ownBank),
    },
    async (req, reply) => receive(ctx, req, reply),
  );
}
