// Public search page: one box that finds every kind of thing, names in any script. The first page shows
// each kind found under its own heading (parties, candidates, donors, payees, report documents,
// programmes); the candidates' ranking goes on over further pages, 20 at a time.
import { Fragment } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { Page } from '../../platform/web/page.tsx';
import { SearchForm } from '../../platform/web/search-form.tsx';
import { Pager } from '../../platform/web/pager.tsx';
import { candidateName, pick } from '../../platform/web/format.tsx';
import { t } from '../search.messages.ts';
import type { SearchHit } from '../search.service.ts';
import type { KindResults } from '../kinds.service.ts';
import {
  DistrictCandidatesSection,
  kindHeading,
  KINDS,
  LaterSections,
  PartiesSection,
  type Kind,
} from './kind-sections.tsx';

export interface SearchPageProps {
  locale: Locale;
  q: string;
  /** The page of results shown, from 1. */
  page: number;
  /** This page's candidates, in the order of the ranking. */
  hits: SearchHit[];
  /** Candidates of the whole ranking. */
  total: number;
  /** Whether a further page holds more candidates. */
  more: boolean;
  /** The other kinds found: on the first page only. */
  kinds: KindResults | undefined;
  synthetic: boolean;
}

/** The page's address (without the locale): the query, and the page number past the first. */
const searchPath = (q: string, page = 1) =>
  `/search${q ? `?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}` : ''}`;

function Candidates(p: SearchPageProps) {
  const l = p.locale;
  if (p.total === 0) return null;
  return (
    <section aria-labelledby="candidates">
      <h2 id="candidates">{kindHeading(l, 'candidates', p.total)}</h2>
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
      <Pager
        locale={l}
        shown={p.hits.length}
        firstHref={p.page > 1 ? `/${l}${searchPath(p.q)}` : null}
        nextHref={p.more ? `/${l}${searchPath(p.q, p.page + 1)}` : null}
      />
    </section>
  );
}

/** How many of each kind were found, each a link to its section; "nothing found" when nothing was. */
function Summary(p: SearchPageProps) {
  const l = p.locale;
  const counts: Record<Kind, { total: number; capped: boolean }> = {
    parties: p.kinds?.parties ?? { total: 0, capped: false },
    candidates: { total: p.total, capped: false },
    districtCandidates: p.kinds?.districtCandidates ?? { total: 0, capped: false },
    donors: p.kinds?.donors ?? { total: 0, capped: false },
    payees: p.kinds?.payees ?? { total: 0, capped: false },
    documents: p.kinds?.documents ?? { total: 0, capped: false },
    programmes: p.kinds?.programmes ?? { total: 0, capped: false },
  };
  const kinds = KINDS.filter((k) => counts[k].total > 0);
  if (kinds.length === 0) return <p aria-live="polite">{t(l, 'search.none')}</p>;
  return (
    <p aria-live="polite">
      {t(l, 'search.found', { q: p.q })}{' '}
      {kinds.map((k, i) => (
        <Fragment key={k}>
          {i > 0 ? ' · ' : null}
          <a href={`#${k}`}>{kindHeading(l, k, counts[k].total, counts[k].capped)}</a>
        </Fragment>
      ))}
    </p>
  );
}

export function SearchPage(p: SearchPageProps) {
  const l = p.locale;
  return (
    <Page locale={l} title={t(l, 'search.title')} path={searchPath(p.q, p.page)} synthetic={p.synthetic}>
      <h1>{t(l, 'search.title')}</h1>
      <SearchForm action={`/${l}/search`} q={p.q} label={t(l, 'search.label')} button={t(l, 'search.button')} />
      <p class="muted">{t(l, 'search.hint')}</p>
      {p.q ? (
        <>
          <Summary {...p} />
          {p.kinds ? <PartiesSection l={l} kinds={p.kinds} /> : null}
          <Candidates {...p} />
          {p.kinds ? <DistrictCandidatesSection l={l} kinds={p.kinds} /> : null}
          {p.kinds ? <LaterSections l={l} q={p.q} kinds={p.kinds} /> : null}
        </>
      ) : null}
    </Page>
  );
}
