// Public page of one party in one election: general information, the candidate list (sortable
// and filterable through plain links and a GET form), the programme and the list-rule results.
import type { ComponentChildren } from 'preact';
import type { Election, Locale, Participation, Party, Programme, PublicCandidate } from '../../domain/election.ts';
import { Page } from '../../platform/web/page.tsx';
import { formatDate } from '../../platform/i18n/i18n.ts';
import { ageOn, candidateName, Logo, pick, WebAddress } from '../../platform/web/format.tsx';
import type { ListRuleResult } from '../../domain/list-rules.ts';
import { RulesTable, candidateListRef } from '../../candidates/index.ts';
import { VerifyLink } from '../../transparency-log/index.ts';
import type { ListView } from '../core/list-view.ts';
import { t } from '../party.messages.ts';
import { ProgrammeLanguageNote } from '../../programmes/index.ts';

export interface PartyPageProps {
  locale: Locale;
  election: Election;
  party: Party;
  participation: Participation;
  candidates: PublicCandidate[];
  totalCandidates: number;
  view: ListView;
  programme: Programme | undefined;
  rules: ListRuleResult[];
  extra?: ComponentChildren;
}

function sortLink(base: string, v: ListView, sort: ListView['sort']): string {
  const q = new URLSearchParams();
  if (sort !== 'position') q.set('sort', sort);
  if (v.sex) q.set('sex', v.sex);
  if (v.status) q.set('status', v.status);
  const s = q.toString();
  return s ? `${base}?${s}#list` : `${base}#list`;
}

/** A term and its value, shown only when there is a value. */
function Fact(p: { term: string; value: ComponentChildren | null | undefined }) {
  return p.value ? (
    <>
      <dt>{p.term}</dt>
      <dd>{p.value}</dd>
    </>
  ) : null;
}

export function PartyInfo({ l, party, participation }: { l: Locale; party: Party; participation: Participation }) {
  return (
    <section aria-labelledby="info">
      <h2 id="info">{t(l, 'party.info')}</h2>
      <dl class="facts">
        <dt>{t(l, 'party.ballotNumber')}</dt>
        <dd>{participation.ballotNumber ?? t(l, 'ballot.noNumber')}</dd>
        <dt>{t(l, 'party.status')}</dt>
        <dd>
          {t(l, `participation.${participation.status}`)}
          {participation.statusDate
            ? ` (${formatDate(l, participation.statusDate)}${participation.statusReason ? `: ${participation.statusReason}` : ''})`
            : ''}
        </dd>
        <dt>{t(l, 'party.registrationNumber')}</dt>
        <dd>{party.registrationNumber}</dd>
        <Fact term={t(l, 'party.leader')} value={party.leader} />
        <Fact term={t(l, 'party.founded')} value={party.foundedOn ? formatDate(l, party.foundedOn) : null} />
        <Fact term={t(l, 'party.address')} value={party.address} />
        <Fact term={t(l, 'party.phone')} value={party.phone} />
        <Fact term={t(l, 'party.website')} value={party.website ? <WebAddress address={party.website} /> : null} />
      </dl>
    </section>
  );
}

function ListFilters({ l, base, view }: { l: Locale; base: string; view: ListView }) {
  return (
    <form class="filters" method="get" action={`${base}#list`}>
      <label>
        {t(l, 'list.sort')}
        <select name="sort">
          {(['position', 'name', 'birthDate'] as const).map((s) => (
            <option value={s} selected={view.sort === s} key={s}>
              {t(l, `list.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(l, 'list.filter.sex')}
        <select name="sex">
          <option value="">{t(l, 'list.filter.all')}</option>
          <option value="female" selected={view.sex === 'female'}>
            {t(l, 'sex.female')}
          </option>
          <option value="male" selected={view.sex === 'male'}>
            {t(l, 'sex.male')}
          </option>
        </select>
      </label>
      <label>
        {t(l, 'list.filter.status')}
        <select name="status">
          <option value="">{t(l, 'list.filter.all')}</option>
          <option value="registered" selected={view.status === 'registered'}>
            {t(l, 'candidate.registered')}
          </option>
          <option value="withdrawn" selected={view.status === 'withdrawn'}>
            {t(l, 'candidate.withdrawn')}
          </option>
        </select>
      </label>
      <button type="submit">{t(l, 'list.apply')}</button>
    </form>
  );
}

function CandidateTable({
  l,
  base,
  view,
  candidates,
  electionDay,
}: {
  l: Locale;
  base: string;
  view: ListView;
  candidates: PublicCandidate[];
  electionDay: string;
}) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col" class="num">
              <a href={sortLink(base, view, 'position')}>{t(l, 'candidate.position')}</a>
            </th>
            <th scope="col">
              <a href={sortLink(base, view, 'name')}>{t(l, 'candidate.name')}</a>
            </th>
            <th scope="col" class="num">
              <a href={sortLink(base, view, 'birthDate')}>{t(l, 'candidate.age')}</a>
            </th>
            <th scope="col">{t(l, 'candidate.sex')}</th>
            <th scope="col">{t(l, 'candidate.occupation')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id}>
              <td class="num">{c.listPosition}</td>
              <td>
                <a href={`/${l}/candidates/${c.id}`}>{candidateName(c, l)}</a>
                {c.status !== 'registered' ? (
                  <span class="fail">
                    {' '}
                    —{' '}
                    {c.withdrawnOn
                      ? t(l, 'candidate.withdrawnOn', { date: formatDate(l, c.withdrawnOn) })
                      : t(l, `candidate.${c.status}`)}
                  </span>
                ) : null}
              </td>
              <td class="num">{ageOn(c.birthDate, electionDay)}</td>
              <td>{t(l, `sex.${c.sex}`)}</td>
              <td>{c.occupation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProgrammeText({ l, programme }: { l: Locale; programme: Programme | undefined }) {
  const paragraphs = (programme ? pick(programme.text, l) : '').split(/\n{2,}/).filter(Boolean);
  return (
    <section aria-labelledby="programme" class="programme">
      <h2 id="programme">{t(l, 'party.programme')}</h2>
      <ProgrammeLanguageNote programme={programme} locale={l} />
      {paragraphs.length === 0 ? <p>{t(l, 'party.noProgramme')}</p> : paragraphs.map((x, i) => <p key={i}>{x}</p>)}
      {programme?.pdfBlobKey ? (
        <p>
          <a class="button" href={`/blobs/${programme.pdfBlobKey}?download=programme.pdf`}>
            {t(l, 'party.programmePdf')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function PartyPage(p: PartyPageProps) {
  const l = p.locale;
  const e = p.election;
  const name = pick(p.party.name, l);
  const reg = encodeURIComponent(p.party.registrationNumber);
  const base = `/${l}/elections/${e.id}/parties/${reg}`;
  const api = `/api/v1/elections/${e.id}/parties/${reg}/candidates`;
  return (
    <Page
      locale={l}
      title={name}
      path={`/elections/${e.id}/parties/${reg}`}
      synthetic={e.synthetic}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}/elections/${e.id}`, label: pick(e.name, l) },
        { label: pick(p.party.shortName, l) },
      ]}
    >
      <h1>
        <Logo blobKey={p.party.logoBlobKey} name={name} locale={l} large />{' '}
        {p.participation.ballotNumber !== null ? <span class="ballot-no">{p.participation.ballotNumber}</span> : null}{' '}
        {name}
      </h1>
      <div class="two-col">
        <PartyInfo l={l} party={p.party} participation={p.participation} />
        <section aria-labelledby="rules">
          <h2 id="rules">{t(l, 'ballot.rules')}</h2>
          <RulesTable locale={l} results={p.rules} captionClass="muted" />
        </section>
      </div>
      {p.extra}
      <section aria-labelledby="list">
        <h2 id="list">{t(l, 'party.list')}</h2>
        <ListFilters l={l} base={base} view={p.view} />
        <p class="muted">
          {t(l, 'list.count', { shown: p.candidates.length, total: p.totalCandidates })} · {t(l, 'party.download')}:{' '}
          <a href={`${api}.csv`}>CSV</a> · <a href={`${api}.xlsx`}>XLSX</a> · <a href={`${api}.json`}>JSON</a>
          {p.totalCandidates > 0 ? (
            <>
              {' · '}
              <VerifyLink locale={l} logRef={candidateListRef(e.id, p.party.registrationNumber)} />
            </>
          ) : null}
        </p>
        <CandidateTable l={l} base={base} view={p.view} candidates={p.candidates} electionDay={e.electionDay} />
      </section>
      <ProgrammeText l={l} programme={p.programme} />
    </Page>
  );
}
