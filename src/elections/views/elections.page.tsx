// Public home page of a language: every election, newest first.
import type { Election, Locale } from '../../domain/election.ts';
import { Page } from '../../platform/web/page.tsx';
import { formatDate, formatNumber } from '../../platform/i18n/i18n.ts';
import { t } from '../election.messages.ts';
import { pick } from '../../platform/web/format.tsx';

export function ElectionsPage(p: { locale: Locale; elections: readonly Election[] }) {
  const l = p.locale;
  return (
    <Page
      locale={l}
      title={t(l, 'elections.title')}
      path="/"
      synthetic={p.elections.some((e) => e.synthetic)}
      description={t(l, 'site.tagline')}
    >
      <h1>{t(l, 'elections.title')}</h1>
      <p class="muted">{t(l, 'site.tagline')}</p>
      <p>
        <a href={`/${l}/voters/lookup`}>{t(l, 'elections.voters')}</a>
      </p>
      {p.elections.length === 0 ? <p>{t(l, 'elections.none')}</p> : null}
      <ul class="cards">
        {p.elections.map((e) => (
          <li key={e.id}>
            <h2>
              <a href={`/${l}/elections/${e.id}`}>{pick(e.name, l)}</a>
            </h2>
            <dl class="facts">
              <dt>{t(l, 'election.day')}</dt>
              <dd>{formatDate(l, e.electionDay)}</dd>
              <dt>{t(l, 'election.status')}</dt>
              <dd>{t(l, `status.${e.status}`)}</dd>
              <dt>{t(l, 'election.seats')}</dt>
              <dd>{formatNumber(l, e.seats)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </Page>
  );
}
