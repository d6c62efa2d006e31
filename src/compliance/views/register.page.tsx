// The election-wide public register of findings: what the commission published, nothing before it did.
import type { Election, Locale, Localized } from '../../domain/election.ts';
import { Page, pick, renderPage } from '../../platform/web/index.ts';
import { t } from '../compliance.messages.ts';
import type { PublishedFindings } from '../publication.service.ts';
import { PublishedFindingsTable, RuleStatisticsTable } from './published-findings.tsx';

export const registerPath = (l: Locale, electionId: string) =>
  `/${l}/elections/${encodeURIComponent(electionId)}/findings`;

export function RegisterPage(p: {
  locale: Locale;
  election: Election;
  published: PublishedFindings;
  partyNames: ReadonlyMap<string, Localized>;
}) {
  const l = p.locale;
  const e = p.election;
  const title = t(l, 'compliance.title.register');
  return renderPage(
    <Page
      locale={l}
      title={`${title} — ${pick(e.name, l)}`}
      path={`/elections/${encodeURIComponent(e.id)}/findings`}
      synthetic={e.synthetic}
      crumbs={[{ href: `/${l}/elections/${encodeURIComponent(e.id)}`, label: pick(e.name, l) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="muted">{pick(e.name, l)}</p>
      <p>{t(l, 'compliance.intro.register')}</p>
      {p.published.statistics ? (
        <section aria-labelledby="statistics">
          <h2 id="statistics">{t(l, 'compliance.statistics')}</h2>
          <RuleStatisticsTable locale={l} statistics={p.published.statistics} />
        </section>
      ) : null}
      {p.published.decision.publishFindings ? (
        <section aria-labelledby="findings">
          <h2 id="findings">{t(l, 'compliance.title.findings')}</h2>
          <PublishedFindingsTable locale={l} findings={p.published.findings} partyNames={p.partyNames} />
        </section>
      ) : null}
    </Page>,
  );
}
