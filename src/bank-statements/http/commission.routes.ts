// The commission's routes: the register of electoral fund accounts and its form, the reconciliation
// screen of an election (and of one party in it), the switch that publishes the unreported transactions,
// and "run again".
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { parseLocale } from '../../platform/web/http.ts';
import { notFound } from '../../platform/web/errors.tsx';
import type { Problem } from '../../platform/result.ts';
import type { Locale } from '../../domain/election.ts';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf, can } from '../../accounts/index.ts';
import { accountRegister, registerAccount } from '../account.service.ts';
import { reconciliationElections, reconciliationScreen, rerunReconciliation } from '../reconciliation.service.ts';
import { setPublication } from '../bank-public.service.ts';
import { AccountsPage } from '../views/accounts.page.tsx';
import { ReconciliationPage } from '../views/reconciliation.page.tsx';
import { ReconciliationIndexPage } from '../views/reconciliation-index.page.tsx';
import {
  accountFormSchema,
  accountsQuerySchema,
  electionParamsSchema,
  localeParamsSchema,
  publicationFormSchema,
  readFields,
  reconciliationParamsSchema,
  rerunFormSchema,
} from './schemas.ts';
import { me, page, seeOther } from './replies.ts';

const localeOf = (req: FastifyRequest): Locale | undefined => parseLocale(localeParamsSchema.safeParse(req.params).data?.locale);

/** The register, with the form's problems and values after a refused registration. */
async function accountsPage(ctx: AppContext, reply: FastifyReply, locale: Locale, extra: { canRegister: boolean; registered?: string; problems?: Problem[]; values?: Record<string, string> }, status = 200) {
  const { accounts, elections } = await accountRegister(ctx);
  return page(reply, AccountsPage({ locale, csrfToken: reply.generateCsrf(), accounts, elections, ...extra }), status);
}

function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/commission/accounts', { preHandler: requirePermission('findings.read') }, async (req, reply) => {
    const locale = localeOf(req);
    if (!locale) return notFound(reply, 'en');
    const { done } = readFields(accountsQuerySchema, req.query);
    return accountsPage(ctx, reply, locale, { canRegister: can(me(req), 'election.manage'), ...(done ? { registered: done } : {}) });
  });

  app.post('/:locale/commission/accounts', { preHandler: requirePermission('election.manage') }, async (req, reply) => {
    const locale = localeOf(req);
    if (!locale) return notFound(reply, 'en');
    const values = readFields(accountFormSchema, req.body);
    const r = await registerAccount(ctx, { ...values, currency: values.currency || 'KGS' }, actorOf(me(req)));
    if (r.ok) return seeOther(reply, `/${locale}/commission/accounts?done=${encodeURIComponent(r.value.accountNumber)}`);
    return accountsPage(ctx, reply, locale, { canRegister: true, problems: r.error, values }, 422);
  });
}

function reconciliationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/commission/reconciliation', { preHandler: requirePermission('findings.read') }, async (req, reply) => {
    const locale = localeOf(req);
    if (!locale) return notFound(reply, 'en');
    return page(reply, ReconciliationIndexPage({ locale, elections: await reconciliationElections(ctx) }));
  });

  /** The commission's screen: every party's findings, or one party's with all its matched pairs. */
  const screen = async (req: FastifyRequest, reply: FastifyReply) => {
    const params = reconciliationParamsSchema.safeParse(req.params);
    const locale = parseLocale(params.data?.locale);
    const data = locale && params.data && (await reconciliationScreen(ctx, params.data.id, params.data.reg));
    if (!locale || !data) return notFound(reply, locale ?? 'en');
    const who = me(req);
    const single = params.data?.reg !== undefined;
    return page(reply, ReconciliationPage({ locale, csrfToken: reply.generateCsrf(), ...data, canPublish: can(who, 'election.manage'), canRerun: can(who, 'findings.review'), single }));
  };
  app.get('/:locale/commission/elections/:id/reconciliation', { preHandler: requirePermission('findings.read') }, screen);
  app.get('/:locale/commission/elections/:id/reconciliation/:reg', { preHandler: requirePermission('findings.read') }, screen);

  app.post('/:locale/commission/elections/:id/reconciliation/publication', { preHandler: requirePermission('election.manage') }, async (req, reply) => {
    const params = electionParamsSchema.safeParse(req.params);
    const locale = parseLocale(params.data?.locale);
    if (!locale || !params.data) return notFound(reply, 'en');
    const id = params.data.id;
    const r = await setPublication(ctx, id, readFields(publicationFormSchema, req.body).published === '1', actorOf(me(req)));
    if (!r.ok) return notFound(reply, locale);
    return seeOther(reply, `/${locale}/commission/elections/${encodeURIComponent(id)}/reconciliation`);
  });

  app.post('/:locale/commission/elections/:id/reconciliation/run', { preHandler: requirePermission('findings.review') }, async (req, reply) => {
    const params = electionParamsSchema.safeParse(req.params);
    const locale = parseLocale(params.data?.locale);
    const { party } = readFields(rerunFormSchema, req.body);
    const found = locale && params.data && (await rerunReconciliation(ctx, params.data.id, party || undefined, actorOf(me(req))));
    if (!locale || !found || !params.data) return notFound(reply, locale ?? 'en');
    return seeOther(reply, `/${locale}/commission/elections/${encodeURIComponent(params.data.id)}/reconciliation`);
  });
}

export function commissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  accountRoutes(app, ctx);
  reconciliationRoutes(app, ctx);
}
