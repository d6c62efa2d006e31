// The bank-statements capability: electoral fund accounts, statements from the banks (upload, API, CLI),
// their reconciliation with the parties' reports, the commission's screens and the public bank figures.
// What other capabilities and the entry points use of it is exported here.
import type { Capability } from '../platform/capability.ts';
import { bankStatementMessages, t } from './bank-statement.messages.ts';
import { bankPartySection, bankStatementRoutes } from './http/bank-statement.routes.tsx';
import { reconcileParty } from './reconciliation.service.ts';
import { statementDemo } from './statement-demo.ts';
import { statementsLogged } from './statement-log.ts';
import { bankDataFiles } from './http/data-files.ts';

export const bankStatements: Capability = {
  name: 'bank-statements',
  messages: [bankStatementMessages],
  routes: (app, ctx) => bankStatementRoutes(app, ctx),
  sections: { party: bankPartySection, order: 25 },
  dataFiles: bankDataFiles,
  demo: statementDemo,
  logged: statementsLogged,
  staffLinks(locale, may) {
    const links = [];
    // Bank officers upload; the commission's staff see what arrived.
    if (may('statement.upload') || may('findings.read'))
      links.push({ href: `/${locale}/bank/statements`, label: t(locale, 'bank.upload.title') });
    if (may('findings.read')) {
      links.push({ href: `/${locale}/commission/accounts`, label: t(locale, 'bank.accounts.title') });
      links.push({ href: `/${locale}/commission/reconciliation`, label: t(locale, 'bank.recon.title') });
    }
    return links;
  },
  subscribe(events, ctx) {
    // A new report changes what the bank data is compared with.
    events.on('filing.filed', 'bank-statements', async (f) => {
      await reconcileParty(ctx, f.electionId, f.partyRegistrationNumber, {
        trigger: 'filing',
        triggerRef: String(f.filingId),
        actor: f.actor,
      });
    });
  },
};

export { bankPartySection, bankStatementRoutes };
export { reconcileParty, reconcileElection } from './reconciliation.service.ts';
export { statementDemo, DEMO_BANK_CODES } from './statement-demo.ts';
export { latestDifferences, type ReconciliationDifference } from './reconciliation-differences.service.ts';
