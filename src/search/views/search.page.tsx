// Public search page: one box, names in any script; results link to candidate pages.
import type { Locale } from '../../domain/election.ts';
import { Page } from '../../platform/web/page.tsx';
import { SearchForm } from '../../platform/web/search-form.tsx';
import { Pager } from '../../platform/web/pager.tsx';
import { t } from '../../platform/i18n/portal.messages.ts';
import { candidateName, pick } from '../../platform/web/format.tsx';
import type { SearchHit } from '../search.service.ts';

export interface SearchPageProps {
  locale: Locale;
  q: string;
  /** The page of results shown, from 1. */
  page: number;
  /** This page's hits, in the order of the ranking. */
  hits: SearchHit[];
  /** Hits of the whole ranking. */
  total: number;
  /** Whether a further page holds more hits. */
  more: boolean;
  synthetic: boolean;
}

/** The page's address (without the locale): the query, and the page number past the first. */
const searchPath = (q: string, page = 1) =>
  `/search${q ? `?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}` : ''}`;

export function SearchPage(p: SearchPageProps) {
  const l = p.locale;
  return (
    <Page locale={l} title={t(l, 'search.title')} path={searchPath(p.q, p.page)} synthetic={p.synthetic}>
      <h1>{t(l, 'search.title')}</h1>
      <SearchForm action={`/${l}/search`} q={p.q} label={t(l, 'search.label')} button={t(l, 'search.button')} />
      <p class="muted">{t(l, 'search.hint')}</p>
      {p.q ? (
        <>
          <h2 aria-live="polite">{t(l, 'search.results', { q: p.q, n: p.total })}</h2>
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
          {p.total > 0 ? (
            <Pager
              locale={l}
              shown={p.hits.length}
              firstHref={p.page > 1 ? `/${l}${searchPath(p.q)}` : null}
              nextHref={p.more ? `/${l}${searchPath(p.q, p.page + 1)}` : null}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
