// Public search page: one box, names in any script; results link to candidate pages.
import type { Locale } from '../../domain/election.ts';
import { Page } from '../../platform/web/page.tsx';
import { SearchForm } from '../../platform/web/search-form.tsx';
import { t } from '../../platform/i18n/portal.messages.ts';
import { candidateName, pick } from '../../platform/web/format.tsx';
import type { SearchHit } from '../search.service.ts';

export function SearchPage(p: { locale: Locale; q: string; hits: SearchHit[]; synthetic: boolean }) {
  const l = p.locale;
  return (
    <Page
      locale={l}
      title={t(l, 'search.title')}
      path={`/search${p.q ? `?q=${encodeURIComponent(p.q)}` : ''}`}
      synthetic={p.synthetic}
    >
      <h1>{t(l, 'search.title')}</h1>
      <SearchForm action={`/${l}/search`} q={p.q} label={t(l, 'search.label')} button={t(l, 'search.button')} />
      <p class="muted">{t(l, 'search.hint')}</p>
      {p.q ? (
        <>
          <h2 aria-live="polite">{t(l, 'search.results', { q: p.q, n: p.hits.length })}</h2>
          {p.hits.length === 0 ? <p>{t(l, 'search.none')}</p> : null}
          <ul class="cards">
            {p.hits.map((h) => (
              <li key={h.candidate.id}>
                <a href={`/${l}/candidates/${h.candidate.id}`}>
                  <strong>{candidateName(h.candidate, l)}</strong>
                </a>
                <br />
                <span class="muted">
                  {[h.candidate.nameKy, h.candidate.nameRu, h.candidate.nameLatin]
                    .filter((x) => x !== candidateName(h.candidate, l))
                    .join(' · ')}
                </span>
                <br />
                {pick(h.partyName, l)}, № {h.candidate.listPosition} — {pick(h.electionName, l)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
