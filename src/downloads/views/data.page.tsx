// An election's open-data page: every file the capabilities offer for the whole election, then each
// party's files in ballot order, with a pointer to the API. One place to find the bulk data, as the
// FEC's and the Electoral Commission's download pages are, instead of links scattered over the pages.
import type { Election, Locale } from '../../domain/election.ts';
import type { DataSet } from '../../platform/capability.ts';
import { DataTable, Page, pick, renderPage, type Column } from '../../platform/web/index.ts';
import type { Party } from '../../domain/election.ts';
import { t } from '../downloads.messages.ts';

export const dataPagePath = (l: Locale, electionId: string) => `/${l}/elections/${encodeURIComponent(electionId)}/data`;
export const dataPackagePath = (l: Locale, electionId: string) => `${dataPagePath(l, electionId)}/package.zip`;

/** A party and the data sets it has, in the order of the columns. */
export interface PartyFiles {
  party: Party;
  sets: DataSet[];
}

function FileLinks(p: { set: DataSet }) {
  return (
    <ul class="downloads">
      {p.set.files.map((f) => (
        <li key={f.href}>
          <a href={f.href} download>
            {f.format}
          </a>
        </li>
      ))}
    </ul>
  );
}

function DataSets(p: { locale: Locale; sets: DataSet[] }) {
  const l = p.locale;
  const columns: Column<DataSet>[] = [
    {
      key: 'set',
      label: t(l, 'downloads.dataset'),
      rowHeader: true,
      cell: (s) => (
        <>
          {s.title}
          {s.description ? <p class="muted">{s.description}</p> : null}
        </>
      ),
    },
    { key: 'files', label: t(l, 'downloads.files'), cell: (s) => <FileLinks set={s} /> },
  ];
  return <DataTable locale={l} columns={columns} rows={p.sets} rowKey={(s) => s.title} class="data-sets" />;
}

/**
 * Each party's files, folded under its name: a party-by-file grid would not fit a phone, and a reader
 * usually wants one party.
 */
function PartySets(p: { locale: Locale; rows: PartyFiles[] }) {
  const l = p.locale;
  if (p.rows.length === 0) return <p>{t(l, 'downloads.no-parties')}</p>;
  return (
    <>
      {p.rows.map((r) => (
        <details key={r.party.registrationNumber}>
          <summary>{pick(r.party.name, l)}</summary>
          <DataSets locale={l} sets={r.sets} />
        </details>
      ))}
    </>
  );
}

export function DataPage(p: { locale: Locale; election: Election; electionSets: DataSet[]; parties: PartyFiles[] }) {
  const l = p.locale;
  const e = p.election;
  const title = t(l, 'downloads.title');
  return renderPage(
    <Page
      locale={l}
      title={`${title} — ${pick(e.name, l)}`}
      path={`/elections/${encodeURIComponent(e.id)}/data`}
      synthetic={e.synthetic}
      crumbs={[{ href: `/${l}/elections/${encodeURIComponent(e.id)}`, label: pick(e.name, l) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="muted">{pick(e.name, l)}</p>
      <p>{t(l, 'downloads.lead')}</p>
      <p>
        {t(l, 'downloads.api')} <a href="/api/docs">{t(l, 'downloads.api.link')}</a>.
      </p>
      <section aria-labelledby="whole-election">
        <h2 id="whole-election">{t(l, 'downloads.election')}</h2>
        <DataSets locale={l} sets={p.electionSets} />
      </section>
      <section aria-labelledby="by-party">
        <h2 id="by-party">{t(l, 'downloads.parties')}</h2>
        <PartySets locale={l} rows={p.parties} />
      </section>
    </Page>,
  );
}

/** The election page's pointer to its open-data page. */
export function DataSection(p: { locale: Locale; electionId: string }) {
  const l = p.locale;
  return (
    <section aria-labelledby="open-data">
      <h2 id="open-data">{t(l, 'downloads.title')}</h2>
      <p>
        {t(l, 'downloads.section.lead')} <a href={dataPagePath(l, p.electionId)}>{t(l, 'downloads.title')} →</a>
      </p>
    </section>
  );
}
