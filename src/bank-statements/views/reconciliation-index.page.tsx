// The way into reconciliation from the staff navigation: the elections, each linking to its screen.
import { pick, renderPage } from '../../platform/web/index.ts';
import type { Election, Locale } from '../../domain/election.ts';
import { t } from '../bank-statement.messages.ts';
import { BankPage } from './bank-page.tsx';

export function ReconciliationIndexPage(p: { locale: Locale; elections: Election[] }) {
  const l = p.locale;
  const title = t(l, 'bank.recon.title');
  return renderPage(
    <BankPage locale={l} title={title} path="/commission/reconciliation">
      <h1>{title}</h1>
      <p>{t(l, 'bank.recon.chooseElection')}</p>
      <ul>
        {p.elections.map((e) => (
          <li key={e.id}>
            <a href={`/${l}/commission/elections/${encodeURIComponent(e.id)}/reconciliation`}>{pick(e.name, l)}</a>
          </li>
        ))}
      </ul>
    </BankPage>,
  );
}
