// HTTP routes of bank statements: the bank officer's upload page and the API upload (Bearer token
// with scope statements:write), the original files, the commission's account register and
// reconciliation screen with its publication switch, and the public bank figures of a party as JSON
// and CSV. Needs authPlugin (src/accounts/auth.plugin.ts) registered first, and a form-body parser.
//
// Everything is registered in one encapsulated plugin, so that the body parsers uploads need
// (multipart, and raw bytes for API clients that send the file as the body) stay out of other routes.
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { loadPublicBankView } from '../bank-public.service.ts';
import { BankPartySection } from '../views/bank-party.section.tsx';
import { bankOfficerRoutes } from './bank-officer.routes.ts';
import { statementApiRoutes } from './api.routes.ts';
import { commissionRoutes } from './commission.routes.ts';
import { publicBankRoutes } from './public.routes.ts';

export function bankStatementRoutes(app: FastifyInstance, ctx: AppContext): void {
  if (!app.hasDecorator('accountSettings')) throw new Error('register authPlugin(ctx) before bankStatementRoutes');
  // Once per application, whoever calls it (server.ts, a test harness that is not sure it did).
  if (app.hasDecorator('bankStatementRoutes')) return;
  app.decorate('bankStatementRoutes', true);
  void app.register(async (scope) => {
    // One byte over the limit is let through, so that the reader says "too large" rather than storing a
    // silently truncated file.
    if (!scope.hasContentTypeParser('multipart/form-data'))
      await scope.register(multipart, {
        limits: { fileSize: ctx.config.uploadLimitBytes + 1, files: 1, fields: 20, fieldSize: 10_000, parts: 25 },
      });
    // API clients may send the file itself as the body.
    scope.removeContentTypeParser(['text/plain']);
    scope.addContentTypeParser(
      ['application/octet-stream', 'application/xml', 'text/xml', 'text/plain'],
      { parseAs: 'buffer', bodyLimit: ctx.config.uploadLimitBytes },
      (_req, body, done) => done(null, body),
    );
    bankOfficerRoutes(scope, ctx);
    statementApiRoutes(scope, ctx);
    commissionRoutes(scope, ctx);
    publicBankRoutes(scope, ctx);
  });
}

/** The bank section of the public party page. */
export async function bankPartySection(
  ctx: AppContext,
  electionId: string,
  reg: string,
  locale: Locale,
): Promise<ComponentChildren> {
  const view = await loadPublicBankView(ctx, electionId, reg);
  return <BankPartySection view={view} locale={locale} />;
}
