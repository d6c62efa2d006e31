// The commission's routes: the register of electoral fund accounts and its form, the reconciliation
// screens (the elections, an election, one party in it), the switch that publishes the unreported
// transactions, and "run again".
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { badRequest, notFound, parseForm, parseParams, seeOther, sendPrivateHtml } from '../../platform/web/index.ts';
import type { Problem } from '../../platform/result.ts';
import type { Locale } from '../../domain/election.ts';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf, can } from '../../accounts/index.ts';
import { accountRegister, registerAccount } from '../account.service.ts';
import { reconciliationElections, reconciliationScreen } from '../reconciliation-screen.service.ts';
import { rerunReconciliation } from '../reconciliation.service.ts';
import { setPublication } from '../bank-public.service.ts';
import { AccountsPage } from '../views/accounts.page.tsx';
import { ReconciliationPage } from '../views/reconciliation.page.tsx';
import { ReconciliationIndexPage } from '../views/reconciliation-index.page.tsx';
import {
  accountFormSchema,
  accountsQuerySchema,
  electionParamsSchema,
  publicationFormSchema,
  reconciliationParamsSchema,
  rerunFormSchema,
} from './schemas.ts';
import { localeOf, me } from './replies.ts';

const reconciliationPath = (locale: Locale, electionId: string) =>
  `/${locale}/commission/elections/${encodeURIComponent(electionId)}/reconciliation`;

/** The register, with the form's problems and values after a refused registration. */
async function accountsPage(
  ctx: AppContext,
  reply: FastifyReply,
  locale: Locale,
  extra: { canRegister: boolean; registered?: string; problems?: Problem[]; values?: Record<string, string> },
  status = 200,
) {
  const { accounts, elections } = await accountRegister(ctx);
  return sendPrivateHtml(
    reply,
    AccountsPage({ locale, csrfToken: reply.generateCsrf(), accounts, elections, ...extra }),
    status,
  );
}

function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/commission/accounts', { preHandler: requirePermission('findings.read') }, async (req, reply) => {
    const locale = localeOf(req);
    if (!locale) return notFound(reply, 'en');
    const query = parseParams(accountsQuerySchema, req.query);
    const done = query.ok ? query.value.done : undefined;
    return accountsPage(ctx, reply, locale, {
      canRegister: can(me(req), 'election.manage'),
      ...(done ? { registered: done } : {}),
    });
  });

  app.post('/:locale/commission/accounts', { preHandler: requirePermission('election.manage') }, async (req, reply) => {
    const locale = localeOf(req);
    if (!locale) return notFound(reply, 'en');
    const form = parseForm(accountFormSchema, req.body);
    if (!form.ok) return badRequest(reply, locale);
    const values = form.value;
    const r = await registerAccount(ctx, { ...values, currency: values.currency || 'KGS' }, actorOf(me(req)));
    if (r.ok)
      return seeOther(reply, `/${locale}/commission/accounts?done=${encodeURIComponent(r.value.accountNumber)}`);
    return accountsPage(ctx, reply, locale, { canRegister: true, problems: r.error, values }, 422);
  });
}

/** The commission's screen: every party's findings, or one party's with all its matched pairs. */
async function reconciliationScreenRoute(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parseParams(reconciliationParamsSchema, req.params);
  if (!params.ok) return notFound(reply, 'en');
  const { locale, id, reg } = params.value;
  const data = await reconciliationScreen(ctx, id, reg);
  if (!data) return notFound(reply, locale);
  const who = me(req);
  return sendPrivateHtml(
    reply,
    ReconciliationPage({
      locale,
      csrfToken: reply.generateCsrf(),
      ...data,
      canPublish: can(who, 'election.manage'),
      canRerun: can(who, 'findings.review'),
      single: reg !== undefined,
    }),
  );
}

/** The reconciliation screens are sensitive: the training gate stands before them. */
const SENSITIVE = { needsTraining: true };

function reconciliationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/:locale/commission/reconciliation',
    { preHandler: requirePermission('findings.read'), config: SENSITIVE },
    async (req, reply) => {
      const locale = localeOf(req);
      if (!locale) return notFound(reply, 'en');
      return sendPrivateHtml(reply, ReconciliationIndexPage({ locale, elections: await reconciliationElections(ctx) }));
    },
  );
  app.get(
    '/:locale/commission/elections/:id/reconciliation',
    { preHandler: requirePermission('findings.read'), config: SENSITIVE },
    (req, reply) => reconciliationScreenRoute(ctx, req, reply),
  );
  app.get(
    '/:locale/commission/elections/:id/reconciliation/:reg',
    { preHandler: requirePermission('findings.read'), config: SENSITIVE },
    (req, reply) => reconciliationScreenRoute(ctx, req, reply),
  );

  app.post(
    '/:locale/commission/elections/:id/reconciliation/publication',
    { preHandler: requirePermission('election.manage'), config: SENSITIVE },
    async (req, reply) => {
      const params = parseParams(electionParamsSchema, req.params);
      if (!params.ok) return notFound(reply, 'en');
      const { locale, id } = params.value;
      const form = parseForm(publicationFormSchema, req.body);
      if (!form.ok) return badRequest(reply, locale);
      const r = await setPublication(ctx, id, form.value.published === '1', actorOf(me(req)));
      if (!r.ok) return notFound(reply, locale);
      return seeOther(reply, reconciliationPath(locale, id));
    },
  );

  app.post(
    '/:locale/commission/elections/:id/reconciliation/run',
    { preHandler: requirePermission('findings.review'), config: SENSITIVE },
    async (req, reply) => {
      const params = parseParams(electionParamsSchema, req.params);
      if (!params.ok) return notFound(reply, 'en');
      const { locale, id } = params.value;
      const form = parseForm(rerunFormSchema, req.body);
      if (!form.ok) return badRequest(reply, locale);
      if (!(await rerunReconciliation(ctx, id, form.value.party || undefined, actorOf(me(req)))))
        return notFound(reply, locale);
      return seeOther(reply, reconciliationPath(locale, id));
    },
  );
}

export function commissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  accountRoutes(app, ctx);
  reconciliationRoutes(app, ctx);
}
