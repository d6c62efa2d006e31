// Public page of one candidate. Only public fields reach it: no PIN, no home address.
import type { Election, Locale, Party, PublicCandidate } from '../../domain/election.ts';
import { Layout } from '../../platform/web/layout.tsx';
import { formatDate, t } from '../../platform/i18n/i18n.ts';
import { ageOn, candidateName, pick } from '../../platform/web/format.tsx';

export function CandidatePage(p: { locale: Locale; election: Election; party: Party; candidate: PublicCandidate }) {
  const l = p.locale;
  const c = p.candidate;
  const e = p.election;
  const name = candidateName(c, l);
  const partyHref = `/${l}/elections/${e.id}/parties/${encodeURIComponent(p.party.registrationNumber)}`;
  const others = [c.nameKy, c.nameRu, c.nameLatin].filter((x, i, a) => x !== name && a.indexOf(x) === i);
  return (
    <Layout
      locale={l}
      title={name}
      path={`/candidates/${c.id}`}
      synthetic={e.synthetic}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}/elections/${e.id}`, label: pick(e.name, l) },
        { href: partyHref, label: pick(p.party.shortName, l) },
        { label: name },
      ]}
    >
      <h1>{name}</h1>
      <dl class="facts">
        <dt>{t(l, 'candidate.namesOther')}</dt>
        <dd>{others.join(' · ')}</dd>
        <dt>{t(l, 'candidate.party')}</dt>
        <dd>
          <a href={partyHref}>{pick(p.party.name, l)}</a>
        </dd>
        <dt>{t(l, 'candidate.election')}</dt>
        <dd>
          <a href={`/${l}/elections/${e.id}`}>{pick(e.name, l)}</a>
        </dd>
        <dt>{t(l, 'candidate.position')}</dt>
        <dd>{c.listPosition}</dd>
        <dt>{t(l, 'candidate.birthDate')}</dt>
        <dd>
          {formatDate(l, c.birthDate)} ({t(l, 'candidate.age')}: {ageOn(c.birthDate, e.electionDay)})
        </dd>
        <dt>{t(l, 'candidate.sex')}</dt>
        <dd>{t(l, `sex.${c.sex}`)}</dd>
        <dt>{t(l, 'candidate.occupation')}</dt>
        <dd>{c.occupation || '—'}</dd>
        <dt>{t(l, 'candidate.residence')}</dt>
        <dd>{c.placeOfResidence || '—'}</dd>
        <dt>{t(l, 'candidate.minority')}</dt>
        <dd>{t(l, c.ethnicMinority ? 'yes' : 'no')}</dd>
        <dt>{t(l, 'candidate.disability')}</dt>
        <dd>{t(l, c.disability ? 'yes' : 'no')}</dd>
        <dt>{t(l, 'candidate.status')}</dt>
        <dd class={c.status === 'registered' ? '' : 'fail'}>
          {t(l, `candidate.${c.status}`)}
          {c.withdrawnOn ? ` (${formatDate(l, c.withdrawnOn)})` : ''}
        </dd>
      </dl>
    </Layout>
  );
}
