// The way into reconciliation from the staff navigation: the elections, each linking to its screen.
import { renderPage } from '../../platform/web/layout.tsx';
import { pick } from '../../platform/web/format.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Election, Locale } from '../../domain/election.ts';
import { Page } from './bank-page.tsx';
import '../bank-statement.messages.ts';

export function ReconciliationIndexPage(p: { locale: Locale; elections: Election[] }) {
  const l = p.locale;
  const title = t(l, 'bank.recon.title');
  return renderPage(
    <Page locale={l} title={title} path="/commission/reconciliation">
      <h1>{title}</h1>
      <p>{t(l, 'bank.recon.chooseElection')}</p>
      <ul>
        {p.elections.map((e) => (
          <li key={e.id}>
            <a href={`/${l}/commission/elections/${encodeURIComponent(e.id)}/reconciliation`}>{pick(e.name, l)}</a>
          </li>
        ))}
      </ul>
    </Page>,
  );
}
