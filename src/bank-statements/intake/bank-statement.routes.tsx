// HTTP routes of bank statements: the bank officer's upload page and the API upload (Bearer token
// with scope statements:write), the original files, the commission's account register and
// reconciliation screen with its publication switch, and the public bank figures of a party as JSON
// and CSV. Needs authPlugin (src/accounts/auth.plugin.ts) registered first, and a form-body parser.
//
// Everything is registered in one encapsulated plugin, so that the body parsers uploads need
// (multipart, and raw bytes for API clients that send the file as the body) stay out of other routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { toDecimalString } from '../../domain/money.ts';
import { parseLocale, PUBLIC_CACHE, sendHtml } from '../../platform/web/http.ts';
import { notFound } from '../../platform/web/errors.tsx';
import { problem, type Problem } from '../../platform/result.ts';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf, can, type Principal } from '../../accounts/index.ts';
import { bankSchema } from '../../accounts/index.ts';
import { findElection, findRulesProfileById, listElections } from '../../elections/election.repository.ts';
import { listBallot } from '../../parties/party.repository.ts';
import { intakeStatement, mediaTypeOfFormat, registerAccount, type IntakeOutcome } from './statement-intake.service.ts';
import { reconcileElection, reconcileParty, withEvidence } from './reconciliation.service.ts';
import { loadPublicBankView, setPublication } from './bank-public.service.ts';
import {
  currentPublication,
  findStatement,
  latestRuns,
  listAccounts,
  listRecentStatements,
  listResults,
  publicationHistory,
  type StoredStatement,
} from './statement.repository.ts';
import { AccountsPage, BankPartySection, ReconciliationPage, UploadPage, partyNameOf, type PartyReconciliation } from './bank-statement.pages.tsx';
import './bank-statement.messages.ts';

type LocaleParams = { Params: { locale: string } };
type ElectionParams = { Params: { locale: string; id: string } };
type PartyApiParams = { Params: { electionId: string; registrationNumber: string } };

/** How many matched pairs one party's screen lists (the counts are always complete). */
const MATCHED_SHOWN = 5000;
const FINDINGS = ['unreported', 'unsupported', 'amount_mismatch', 'date_mismatch', 'cash'] as const;
const RECENT_STATEMENTS = 100;

const field = (body: unknown, name: string): string => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
};

const page = (reply: FastifyReply, html: string, status = 200) => sendHtml(reply, html, { status, cache: 'no-store' });
const seeOther = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);

function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route reached without a principal: preHandler missing');
  return req.principal;
}

/** The bank an upload is for: a bank officer's own; anyone else (commission staff, the CLI) names one. */
function uploaderBank(p: Principal | null, named: string | undefined): string | null {
  if (p?.role === 'bank_officer') return p.bank;
  const r = bankSchema.safeParse(named ?? '');
  return r.success ? r.data : null;
}

const bankQuery = (req: FastifyRequest): string | undefined => {
  const v = (req.query as Record<string, unknown> | undefined)?.bank;
  return typeof v === 'string' ? v : undefined;
};

/** Reads a multipart upload: the file and the text fields sent with it. */
async function readMultipart(req: FastifyRequest, limit: number): Promise<{ file?: { bytes: Buffer; name: string }; fields: Record<string, string>; tooLarge: boolean }> {
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

function statementJson(o: IntakeOutcome) {
  return {
    format: o.format,
    blobSha256: o.blobSha256,
    statements: o.statements,
    warnings: o.warnings.map((w) => ({ code: w.code, message: w.message, row: w.row ?? null, field: w.field ?? null })),
    reconciliationRunIds: o.reconciliationRunIds,
  };
}

const problemJson = (p: Problem) => ({ code: p.code, message: p.message, row: p.row ?? null, field: p.field ?? null, params: p.params ?? {} });

async function accountNumbersOf(ctx: AppContext, statements: StoredStatement[]): Promise<Map<number, string>> {
  const accounts = await listAccounts(ctx.db);
  const wanted = new Set(statements.map((s) => s.accountId));
  return new Map(accounts.filter((a) => wanted.has(a.id)).map((a) => [a.id, a.accountNumber] as const));
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  // Quote everything that could break a row, and defuse spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const csv = (rows: Array<Array<string | number | null>>): string => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

function publicHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', PUBLIC_CACHE).header('access-control-allow-origin', '*');
}

export function bankStatementRoutes(app: FastifyInstance, ctx: AppContext): void {
  if (!app.hasDecorator('accountSettings')) throw new Error('register authPlugin(ctx) before bankStatementRoutes');
  // Once per application, whoever calls it (server.ts, a test harness that is not sure it did).
  if (app.hasDecorator('bankStatementRoutes')) return;
  app.decorate('bankStatementRoutes', true);
  void app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
    // API clients may send the file itself as the body.
    scope.removeContentTypeParser(['text/plain']);
    scope.addContentTypeParser(['application/octet-stream', 'application/xml', 'text/xml', 'text/plain'], { parseAs: 'buffer', bodyLimit: ctx.config.uploadLimitBytes }, (_req, body, done) =>
      done(null, body),
    );
    routes(scope, ctx);
  });
}

function routes(app: FastifyInstance, ctx: AppContext): void {
  // ---------------------------------------------------------------- bank officers: upload

  const ownBank = (req: FastifyRequest) => ({ bank: req.principal?.role === 'bank_officer' ? req.principal.bank : (bankQuery(req) ?? null) });

  app.get<LocaleParams>('/:locale/bank/statements', { preHandler: requirePermission('statement.read', ownBank) }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const who = me(req);
    const bank = who.role === 'bank_officer' ? who.bank : null;
    const statements = await listRecentStatements(ctx.db, { ...(bank ? { bank } : {}), limit: RECENT_STATEMENTS });
    return page(
      reply,
      UploadPage({
        locale,
        csrfToken: reply.generateCsrf(),
        bank,
        canUpload: can(who, 'statement.upload', { bank: bank ?? null }),
        statements,
        accountNumbers: await accountNumbersOf(ctx, statements),
      }),
    );
  });

  app.post<LocaleParams>('/:locale/bank/statements', { preHandler: requirePermission('statement.upload', ownBank) }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const who = me(req);
    const render = async (status: number, extra: { problems?: Problem[]; received?: IntakeOutcome['statements']; bankValue?: string }) => {
      const bank = who.role === 'bank_officer' ? who.bank : null;
      const statements = await listRecentStatements(ctx.db, { ...(bank ? { bank } : {}), limit: RECENT_STATEMENTS });
      return page(
        reply,
        UploadPage({ locale, csrfToken: reply.generateCsrf(), bank, canUpload: true, statements, accountNumbers: await accountNumbersOf(ctx, statements), ...extra }),
        status,
      );
    };
    if (!req.isMultipart()) return render(400, { problems: [problem('intake.file_missing', 'No file was sent.', { field: 'statement' })] });
    const form = await readMultipart(req, ctx.config.uploadLimitBytes);
    const bankValue = form.fields.bank ?? bankQuery(req);
    const bank = uploaderBank(who, bankValue);
    if (!bank) return render(400, { problems: [problem('intake.bank_required', 'Name the bank the statement comes from.', { field: 'bank' })], bankValue: bankValue ?? '' });
    // A person not bound to a bank may still not act for one their role does not allow.
    if (!can(who, 'statement.upload', { bank })) return reply.status(403).send({ error: { code: 'forbidden', message: 'Not allowed for this bank' } });
    if (form.tooLarge) return render(413, { problems: [problem('intake.too_large', 'The file is too large.', { field: 'statement' })] });
    if (!form.file) return render(400, { problems: [problem('intake.file_missing', 'No file was sent.', { field: 'statement' })], bankValue: bankValue ?? '' });
    const r = await intakeStatement(ctx, { bytes: form.file.bytes, bank, actor: actorOf(who), fileName: form.file.name });
    if (!r.ok) return render(r.error.forbidden ? 403 : 422, { problems: r.error.problems, bankValue: bankValue ?? '' });
    return render(r.value.statements.some((s) => s.status === 'received') ? 201 : 200, { received: r.value.statements });
  });

  // The original file as the bank sent it, for that bank and for those who may read statements.
  app.get<{ Params: { locale: string; statementId: string } }>(
    '/:locale/bank/statements/:statementId/original',
    {
      preHandler: requirePermission('statement.read', async (req) => {
        const id = Number((req.params as { statementId: string }).statementId);
        const s = Number.isSafeInteger(id) && id > 0 ? await findStatement(ctx.db, id) : undefined;
        return s ? { bank: s.bank } : null;
      }),
    },
    async (req, reply) => {
      const s = await findStatement(ctx.db, Number(req.params.statementId));
      const body = s && (await ctx.blobs.get(s.blobSha256));
      if (!s || !body) return notFound(reply, parseLocale(req.params.locale) ?? 'en');
      const name = (s.fileName || `statement-${s.id}`).replace(/[^\w.\-]/g, '_');
      return reply
        .header('content-type', mediaTypeOfFormat(s.format))
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  );

  // ---------------------------------------------------------------- API upload

  app.post(
    '/api/v1/statements',
    {
      // Without any credentials an API client hears 401 (send a token), not the CSRF check's 403.
      onRequest: async (req, reply) => {
        if (!req.principal && !req.headers.cookie) {
          return reply.status(401).header('www-authenticate', 'Bearer').header('cache-control', 'no-store').send({ error: { code: 'unauthorized', message: 'Send a valid API token' } });
        }
      },
      preHandler: requirePermission('statement.upload', ownBank),
    },
    async (req, reply) => {
      const who = me(req);
      reply.header('cache-control', 'no-store');
      let bytes: Buffer | undefined;
      let fileName = '';
      let named = bankQuery(req);
      if (req.isMultipart()) {
        const form = await readMultipart(req, ctx.config.uploadLimitBytes);
        if (form.tooLarge) return reply.status(413).send({ error: { code: 'payload_too_large', message: 'The file is larger than the upload limit.' } });
        bytes = form.file?.bytes;
        fileName = form.file?.name ?? '';
        named = form.fields.bank ?? named;
      } else if (Buffer.isBuffer(req.body)) {
        bytes = req.body;
        fileName = typeof req.headers['x-file-name'] === 'string' ? req.headers['x-file-name'] : '';
      }
      const bank = uploaderBank(who, named);
      if (!bank) return reply.status(400).send({ error: { code: 'bank_required', message: 'Name the bank with ?bank=CODE (commission staff only; bank officers upload for their own bank).' } });
      if (!can(who, 'statement.upload', { bank })) return reply.status(403).send({ error: { code: 'forbidden', message: 'Not allowed for this bank' } });
      if (!bytes || bytes.length === 0) {
        return reply.status(400).send({ error: { code: 'file_missing', message: 'Send the statement file as the body (application/xml, text/plain, application/octet-stream) or as multipart field "statement".' } });
      }
      const r = await intakeStatement(ctx, { bytes, bank, actor: actorOf(who), fileName });
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
      return reply.status(fresh ? 201 : 200).send({ ...statementJson(r.value), message: fresh ? 'received' : 'already received' });
    },
  );

  // ---------------------------------------------------------------- commission: accounts

  app.get<LocaleParams & { Querystring: { done?: string } }>('/:locale/commission/accounts', { preHandler: requirePermission('findings.read') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const done = typeof req.query.done === 'string' && /^[A-Z0-9]{1,34}$/.test(req.query.done) ? req.query.done : undefined;
    return page(
      reply,
      AccountsPage({
        locale,
        csrfToken: reply.generateCsrf(),
        accounts: await listAccounts(ctx.db),
        elections: await listElections(ctx.db),
        canRegister: can(me(req), 'election.manage'),
        ...(done ? { registered: done } : {}),
      }),
    );
  });

  app.post<LocaleParams>('/:locale/commission/accounts', { preHandler: requirePermission('election.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const values = Object.fromEntries(['electionId', 'partyRegistrationNumber', 'bank', 'accountNumber', 'currency', 'openedOn'].map((f) => [f, field(req.body, f)]));
    const r = await registerAccount(ctx, { ...values, currency: values.currency || 'KGS' }, actorOf(me(req)));
    if (r.ok) return seeOther(reply, `/${locale}/commission/accounts?done=${encodeURIComponent(r.value.accountNumber)}`);
    return page(
      reply,
      AccountsPage({
        locale,
        csrfToken: reply.generateCsrf(),
        accounts: await listAccounts(ctx.db),
        elections: await listElections(ctx.db),
        canRegister: true,
        problems: r.error,
        values,
      }),
      422,
    );
  });

  // ---------------------------------------------------------------- commission: reconciliation

  /** The commission's screen: every party's findings, or one party's with all its matched pairs. */
  const reconciliationScreen = async (req: FastifyRequest<{ Params: { locale: string; id: string; reg?: string } }>, reply: FastifyReply) => {
    const locale = parseLocale(req.params.locale);
    const election = locale && (await findElection(ctx.db, req.params.id));
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const only = req.params.reg;
    const who = me(req);
    const profile = await findRulesProfileById(ctx.db, election.rulesProfileId);
    const ballot = await listBallot(ctx.db, election.id);
    const names = new Map(ballot.map((b) => [b.party.registrationNumber, b] as const));
    const runs = await latestRuns(ctx.db, election.id);
    const accounts = await listAccounts(ctx.db, { electionId: election.id });
    const regs = new Set([...runs.map((r) => r.partyRegistrationNumber), ...accounts.map((a) => a.partyRegistrationNumber)]);
    if (only !== undefined && !regs.has(only)) return notFound(reply, locale);
    const order = (reg: string) => names.get(reg)?.participation.ballotNumber ?? Number.MAX_SAFE_INTEGER;
    const parties: PartyReconciliation[] = [];
    for (const reg of [...regs].filter((r) => only === undefined || r === only).sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
      const run = runs.find((r) => r.partyRegistrationNumber === reg);
      // The election's screen lists findings only; matched pairs are counted and shown on each party's page.
      const results = run ? await withEvidence(ctx.db, await listResults(ctx.db, run.id, only === undefined ? FINDINGS : undefined)) : [];
      const matched = results.filter((r) => r.kind === 'matched');
      parties.push({
        registrationNumber: reg,
        name: partyNameOf(names.get(reg), reg, locale),
        run,
        findings: results.filter((r) => r.kind !== 'matched'),
        matched: matched.slice(0, MATCHED_SHOWN),
        matchedTotal: only === undefined ? (run?.matchedCount ?? 0) : matched.length,
      });
    }
    return page(
      reply,
      ReconciliationPage({
        locale,
        csrfToken: reply.generateCsrf(),
        election,
        toleranceDays: profile?.finance.reconciliationDateToleranceDays ?? 3,
        parties,
        publication: await currentPublication(ctx.db, election.id),
        history: await publicationHistory(ctx.db, election.id),
        canPublish: can(who, 'election.manage'),
        canRerun: can(who, 'findings.review'),
        single: only !== undefined,
      }),
    );
  };
  app.get<ElectionParams>('/:locale/commission/elections/:id/reconciliation', { preHandler: requirePermission('findings.read') }, reconciliationScreen);
  app.get<{ Params: { locale: string; id: string; reg: string } }>('/:locale/commission/elections/:id/reconciliation/:reg', { preHandler: requirePermission('findings.read') }, reconciliationScreen);

  app.post<ElectionParams>('/:locale/commission/elections/:id/reconciliation/publication', { preHandler: requirePermission('election.manage') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const r = await setPublication(ctx, req.params.id, field(req.body, 'published') === '1', actorOf(me(req)));
    if (!r.ok) return notFound(reply, locale);
    return seeOther(reply, `/${locale}/commission/elections/${encodeURIComponent(req.params.id)}/reconciliation`);
  });

  app.post<ElectionParams>('/:locale/commission/elections/:id/reconciliation/run', { preHandler: requirePermission('findings.review') }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = locale && (await findElection(ctx.db, req.params.id));
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const party = field(req.body, 'party');
    const opts = { trigger: 'manual' as const, actor: actorOf(me(req)) };
    if (party) await reconcileParty(ctx, election.id, party, opts);
    else await reconcileElection(ctx, election.id, opts);
    return seeOther(reply, `/${locale}/commission/elections/${encodeURIComponent(election.id)}/reconciliation`);
  });

  // ---------------------------------------------------------------- public bank figures

  const publicView = async (req: FastifyRequest<PartyApiParams>, reply: FastifyReply) => {
    const { electionId, registrationNumber } = req.params;
    const election = await findElection(ctx.db, electionId);
    if (!election) {
      void reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message: `There is no election "${electionId}".` } });
      return undefined;
    }
    return { election, view: await loadPublicBankView(ctx, electionId, registrationNumber) };
  };

  app.get<PartyApiParams>('/api/v1/elections/:electionId/parties/:registrationNumber/bank', async (req, reply) => {
    const found = await publicView(req, reply);
    if (!found) return reply;
    const v = found.view;
    const dec = (x: number) => toDecimalString(x as never);
    return publicHeaders(reply).send({
      electionId: v.electionId,
      partyRegistrationNumber: v.partyRegistrationNumber,
      synthetic: found.election.synthetic,
      currency: 'KGS',
      amountsIn: 'tyiyn',
      asOf: v.bank.asOf,
      statementCount: v.bank.statementCount,
      bank: { received: v.bank.received, spent: v.bank.spent, balance: v.bank.balance },
      reported: v.reported,
      difference: v.difference,
      balanceSeries: v.series.map((p) => ({ date: p.date, received: p.received, spent: p.spent, balance: p.balance, balanceSom: dec(p.balance) })),
      unreportedPublished: v.published,
      unreported: v.unreported,
    });
  });

  app.get<PartyApiParams>('/api/v1/elections/:electionId/parties/:registrationNumber/bank.csv', async (req, reply) => {
    const found = await publicView(req, reply);
    if (!found) return reply;
    const v = found.view;
    const rows: Array<Array<string | number | null>> = [['date', 'received_som', 'spent_som', 'balance_som']];
    for (const p of v.series) rows.push([p.date, toDecimalString(p.received), toDecimalString(p.spent), toDecimalString(p.balance)]);
    return publicHeaders(reply)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bank-${v.electionId}-${v.partyRegistrationNumber}.csv"`.replace(/[^\w.\-"=; ]/g, '_'))
      .send(csv(rows));
  });

  app.get<PartyApiParams>('/api/v1/elections/:electionId/parties/:registrationNumber/bank-unreported.csv', async (req, reply) => {
    const found = await publicView(req, reply);
    if (!found) return reply;
    const v = found.view;
    if (v.unreported === null) {
      return reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_published', message: 'The commission has not published the unreported transactions of this election.' } });
    }
    const rows: Array<Array<string | number | null>> = [['date', 'amount_som', 'direction', 'counterparty_name', 'counterparty_id', 'purpose']];
    for (const u of v.unreported) rows.push([u.date, toDecimalString(u.amount), u.direction, u.counterpartyName, u.counterpartyId, u.purpose]);
    return publicHeaders(reply)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="bank-unreported-${v.electionId}-${v.partyRegistrationNumber}.csv"`.replace(/[^\w.\-"=; ]/g, '_'))
      .send(csv(rows));
  });
}

/** The bank section of the public party page (a PageExtensions `party` function). */
export async function bankPartySection(ctx: AppContext, electionId: string, reg: string, locale: Locale): Promise<ComponentChildren> {
  const view = await loadPublicBankView(ctx, electionId, reg);
  return <BankPartySection view={view} locale={locale} />;
}
