// Public search page: one box, names in any script; results link to candidate pages.
import type { Locale } from '../../domain/election.ts';
import { Page } from '../../platform/web/page.tsx';
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
      <form class="search-form" method="get" action={`/${l}/search`} role="search">
        <label for="q" class="muted" style="flex-basis:100%">
          {t(l, 'search.label')}
        </label>
        <input id="q" name="q" type="search" value={p.q} autocomplete="off" />
        <button type="submit">{t(l, 'search.button')}</button>
      </form>
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
