// The sections of the search page's first page besides candidates: parties, donors, payees, report
// documents and programmes, each under a heading with its count and only when something was found.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import type { Snippet } from '../../domain/text-snippet.ts';
import { num, pick, som } from '../../platform/web/index.ts';
import { counterpartPath, type Role } from '../../explore/index.ts';
import { t } from '../search.messages.ts';
import type {
  CounterpartFound,
  DistrictCandidateFound,
  DocumentFound,
  Found,
  KindResults,
  PartyFound,
  ProgrammeFound,
} from '../kinds.service.ts';

const enc = encodeURIComponent;

/** The kinds in the order the page shows them, candidates among them; each section's anchor is its kind. */
export const KINDS = [
  'parties',
  'candidates',
  'districtCandidates',
  'donors',
  'payees',
  'documents',
  'programmes',
] as const;
export type Kind = (typeof KINDS)[number];

/** "Parties (3)", "Report documents (100+)": a section's heading and its link in the summary. */
export function kindHeading(l: Locale, kind: Kind, total: number, capped = false): string {
  return t(l, `search.kind.${kind}`, { n: `${num(total, l)}${capped ? '+' : ''}` });
}

function KindSection<T>(p: {
  l: Locale;
  kind: Kind;
  found: Found<T>;
  children: ComponentChildren;
  /** Where the rest is, when not all are shown. */
  rest?: { href: string; label: string };
}) {
  if (p.found.total === 0) return null;
  return (
    <section aria-labelledby={p.kind}>
      <h2 id={p.kind}>{kindHeading(p.l, p.kind, p.found.total, p.found.capped)}</h2>
      <ul class="cards">{p.children}</ul>
      {p.found.hits.length < p.found.total ? (
        <p class="muted">
          {t(p.l, 'search.firstShown', { n: p.found.hits.length })}
          {p.rest ? (
            <>
              {' '}
              <a href={p.rest.href}>{p.rest.label}</a>
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

/** The words around what was found, the found words marked. */
function SnippetText({ s }: { s: Snippet }) {
  return (
    <span class="snippet">
      {s.before}
      {s.hit ? <mark>{s.hit}</mark> : null}
      {s.after}
    </span>
  );
}

function PartyItem({ l, hit }: { l: Locale; hit: PartyFound }) {
  const { party } = hit;
  const shown = pick(party.name, l);
  const others = [...new Set([party.shortName[l], party.name.ky, party.name.ru, party.name.en])].filter(
    (x) => x && x !== shown,
  );
  return (
    <li>
      <a href={`/${l}/elections/${enc(party.latestElectionId)}/parties/${enc(party.registrationNumber)}`}>
        <strong>{shown}</strong>
      </a>
      <br />
      <span class="muted">{others.join(' · ')}</span>
      <br />
      {pick(hit.electionName, l)}
    </li>
  );
}

function DistrictCandidateItem({ l, hit }: { l: Locale; hit: DistrictCandidateFound }) {
  const c = hit.candidate;
  return (
    <li>
      <a href={`/${l}/elections/${enc(c.electionId)}/races/${enc(c.districtCode)}`}>
        <strong>{hit.fullName}</strong>
      </a>
      <br />
      {pick(c.district.name, l)}, {hit.partyName ? pick(hit.partyName, l) : t(l, 'search.districtCandidates.self')}
      <br />
      <span class="muted">{pick(hit.electionName, l)}</span>
    </li>
  );
}

/** Candidates standing in districts: after the list candidates. */
export function DistrictCandidatesSection({ l, kinds }: { l: Locale; kinds: KindResults }) {
  return (
    <KindSection l={l} kind="districtCandidates" found={kinds.districtCandidates}>
      {kinds.districtCandidates.hits.map((h) => (
        <DistrictCandidateItem key={h.candidate.id} l={l} hit={h} />
      ))}
    </KindSection>
  );
}

function CounterpartItem({ l, role, hit }: { l: Locale; role: Role; hit: CounterpartFound }) {
  const c = hit.counterpart;
  const amount = som(c.total, l);
  return (
    <li>
      <a href={`/${l}${counterpartPath(hit.electionId, role, c.id)}`}>
        <strong>{c.name}</strong>
      </a>
      {c.names.length > 1 ? (
        <>
          <br />
          <span class="muted">{c.names.slice(1).join(' · ')}</span>
        </>
      ) : null}
      <br />
      {t(l, role === 'donor' ? 'search.donor.gifts' : 'search.payee.payments', { amount, n: c.count })}
      <br />
      {t(l, role === 'donor' ? 'search.donor.parties' : 'search.payee.parties', {
        parties: hit.partyNames.map((n) => pick(n, l)).join(', '),
      })}
      <br />
      <span class="muted">{pick(hit.electionName, l)}</span>
    </li>
  );
}

function DocumentItem({ l, hit }: { l: Locale; hit: DocumentFound }) {
  return (
    <li>
      <a href={`/${l}/reports/${hit.filingId}#scans`}>
        <strong>{hit.fileName}</strong>
      </a>
      <br />
      {pick(hit.partyName, l)}, {pick(hit.reportKind, l)}, {t(l, 'search.documents.version', { n: hit.version })}
      <br />
      <span class="muted">{pick(hit.electionName, l)}</span>
      <br />
      {hit.machineRead ? <span class="muted">({t(l, 'search.documents.machineRead')}) </span> : null}
      <SnippetText s={hit.snippet} />
    </li>
  );
}

function ProgrammeItem({ l, hit }: { l: Locale; hit: ProgrammeFound }) {
  const lang = hit.language;
  const path = `/elections/${enc(hit.electionId)}/parties/${enc(hit.partyRegistrationNumber)}#programme`;
  return (
    <li>
      {/* In the language whose text holds the phrase: the party page shows that text. */}
      <a href={`/${lang}${path}`} hreflang={lang}>
        <strong>{pick(hit.partyName, l)}</strong>
      </a>
      {lang !== l ? <span class="muted"> ({t(l, `search.inLanguage.${lang}`)})</span> : null}
      <br />
      <span class="muted">{pick(hit.electionName, l)}</span>
      <br />
      <SnippetText s={hit.snippet} />
    </li>
  );
}

export function PartiesSection({ l, kinds }: { l: Locale; kinds: KindResults }) {
  return (
    <KindSection l={l} kind="parties" found={kinds.parties}>
      {kinds.parties.hits.map((h) => (
        <PartyItem key={h.party.registrationNumber} l={l} hit={h} />
      ))}
    </KindSection>
  );
}

/** Donors, payees, documents and programmes: the sections after the candidates. */
export function LaterSections({ l, q, kinds }: { l: Locale; q: string; kinds: KindResults }) {
  const counterparts = (role: Role, found: Found<CounterpartFound>) => (
    <KindSection l={l} kind={role === 'donor' ? 'donors' : 'payees'} found={found}>
      {found.hits.map((h) => (
        <CounterpartItem key={`${h.electionId}/${h.counterpart.id}`} l={l} role={role} hit={h} />
      ))}
    </KindSection>
  );
  return (
    <>
      {counterparts('donor', kinds.donors)}
      {counterparts('payee', kinds.payees)}
      <KindSection
        l={l}
        kind="documents"
        found={kinds.documents}
        rest={{ href: `/${l}/reports/search?q=${enc(q)}`, label: t(l, 'search.documents.all') }}
      >
        {kinds.documents.hits.map((h) => (
          <DocumentItem key={`${h.filingId}/${h.fileName}`} l={l} hit={h} />
        ))}
      </KindSection>
      <KindSection l={l} kind="programmes" found={kinds.programmes}>
        {kinds.programmes.hits.map((h) => (
          <ProgrammeItem key={`${h.electionId}/${h.partyRegistrationNumber}`} l={l} hit={h} />
        ))}
      </KindSection>
    </>
  );
}
