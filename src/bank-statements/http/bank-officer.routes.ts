// The bank officer's routes: the upload page and its form (a bank officer uploads for their own bank;
// commission staff name the bank), and the original file of a received statement, for that bank and for
// those who may read statements.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound, parseLocale, parseParams, sendPrivateHtml } from '../../platform/web/index.ts';
import { problem, type Problem } from '../../platform/result.ts';
import type { Locale } from '../../domain/election.ts';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf, can, type Principal } from '../../accounts/index.ts';
import {
  bankOfStatement,
  intakeStatement,
  mediaTypeOfFormat,
  recentStatements,
  statementOriginal,
  type IntakeOutcome,
} from '../intake.service.ts';
import { UploadPage } from '../views/upload.page.tsx';
import { statementParamsSchema } from './schemas.ts';
import { localeOf, me } from './replies.ts';
import { bankQuery, ownBank, readUploadForm, uploadCsrf, uploaderBank } from './upload.ts';

const RECENT_STATEMENTS = 100;

interface UploadExtra {
  problems?: Problem[];
  received?: IntakeOutcome['statements'];
  warnings?: IntakeOutcome['warnings'];
  bankValue?: string;
}

/** The upload page for `who`, with what the last upload brought or why it was refused. */
async function uploadPage(
  ctx: AppContext,
  reply: FastifyReply,
  locale: Locale,
  who: Principal,
  canUpload: boolean,
  extra: UploadExtra = {},
  status = 200,
) {
  const bank = who.role === 'bank_officer' ? who.bank : null;
  const { statements, accountNumbers } = await recentStatements(ctx, bank, RECENT_STATEMENTS);
  return sendPrivateHtml(
    reply,
    UploadPage({ locale, csrfToken: reply.generateCsrf(), bank, canUpload, statements, accountNumbers, ...extra }),
    status,
  );
}

const fileMissing = () => problem('intake.file_missing', 'No file was sent.', { field: 'statement' });

async function receiveUpload(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, locale: Locale) {
  const who = me(req);
  const render = (status: number, extra: UploadExtra) => uploadPage(ctx, reply, locale, who, true, extra, status);
  if (!req.isMultipart()) return render(400, { problems: [fileMissing()] });
  const form = await readUploadForm(req, reply, ctx.config.uploadLimitBytes, uploadCsrf);
  if (!form.allowed) return reply;
  const bankValue = form.fields.bank ?? bankQuery(req);
  const bank = uploaderBank(who, bankValue);
  if (!bank)
    return render(400, {
      problems: [problem('intake.bank_required', 'Name the bank the statement comes from.', { field: 'bank' })],
      bankValue: bankValue ?? '',
    });
  // A person not bound to a bank may still not act for one their role does not allow.
  if (!can(who, 'statement.upload', { bank }))
    return reply.status(403).send({ error: { code: 'forbidden', message: 'Not allowed for this bank' } });
  if (form.tooLarge)
    return render(413, { problems: [problem('intake.too_large', 'The file is too large.', { field: 'statement' })] });
  if (!form.file) return render(400, { problems: [fileMissing()], bankValue: bankValue ?? '' });
  const r = await intakeStatement(ctx, { bytes: form.file.bytes, bank, actor: actorOf(who), fileName: form.file.name });
  if (!r.ok) return render(r.error.forbidden ? 403 : 422, { problems: r.error.problems, bankValue: bankValue ?? '' });
  return render(r.value.statements.some((s) => s.status === 'received') ? 201 : 200, {
    received: r.value.statements,
    warnings: r.value.warnings,
  });
}

export function bankOfficerRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/:locale/bank/statements',
    { preHandler: requirePermission('statement.read', ownBank) },
    async (req, reply) => {
      const locale = localeOf(req);
      if (!locale) return notFound(reply, 'en');
      const who = me(req);
      return uploadPage(
        ctx,
        reply,
        locale,
        who,
        can(who, 'statement.upload', { bank: who.role === 'bank_officer' ? who.bank : null }),
      );
    },
  );

  // The CSRF token is the form's first field, checked before the file is read (the hook cannot see it).
  app.post(
    '/:locale/bank/statements',
    { preHandler: requirePermission('statement.upload', ownBank), config: { csrf: false } },
    async (req, reply) => {
      const locale = localeOf(req);
      if (!locale) return notFound(reply, 'en');
      return receiveUpload(ctx, req, reply, locale);
    },
  );

  // The original file as the bank sent it, for that bank and for those who may read statements.
  const paramsOf = (req: FastifyRequest) => parseParams(statementParamsSchema, req.params);
  app.get(
    '/:locale/bank/statements/:statementId/original',
    {
      preHandler: requirePermission('statement.read', async (req) => {
        const params = paramsOf(req);
        const bank = params.ok ? await bankOfStatement(ctx, params.value.statementId) : undefined;
        return bank === undefined ? null : { bank };
      }),
    },
    async (req, reply) => {
      const params = paramsOf(req);
      const found = params.ok ? await statementOriginal(ctx, params.value.statementId) : undefined;
      if (!found) return notFound(reply, (params.ok && parseLocale(params.value.locale)) || 'en');
      const s = found.statement;
      const name = (s.fileName || `statement-${s.id}`).replace(/[^\w.\-]/g, '_');
      return reply
        .header('content-type', mediaTypeOfFormat(s.format))
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(found.body);
    },
  );
}
