// The findings section of a party's public page: only once the commission published the election's
// findings, and then only the party's confirmed findings with their remedy and its state.
import type { Locale } from '../../domain/election.ts';
import { t } from '../compliance.messages.ts';
import type { PublishedFindings } from '../publication.service.ts';
import { PublishedFindingsTable, RuleStatisticsTable } from './published-findings.tsx';
import { registerPath } from './register.page.tsx';

export function FindingsPartySection(p: { locale: Locale; electionId: string; published: PublishedFindings }) {
  const l = p.locale;
  return (
    <section aria-labelledby="compliance-findings" class="compliance-findings">
      <h2 id="compliance-findings">{t(l, 'compliance.title.register')}</h2>
      {p.published.decision.publishFindings ? (
        <PublishedFindingsTable locale={l} findings={p.published.findings} />
      ) : p.published.statistics ? (
        <RuleStatisticsTable locale={l} statistics={p.published.statistics} />
      ) : null}
      <p>
        <a href={registerPath(l, p.electionId)}>{t(l, 'compliance.section.more')}</a>
      </p>
    </section>
  );
}
