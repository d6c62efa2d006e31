// Public page of one election: its dates and rules, the sections other capabilities add (the lottery,
// finance), and its parties in ballot order with each list's rule results.
import type { ComponentChildren } from 'preact';
import type { Election, Locale } from '../../domain/election.ts';
import { Page } from '../../platform/web/page.tsx';
import { formatDate, formatNumber } from '../../platform/i18n/i18n.ts';
import { t } from '../election.messages.ts';
import { Logo, pick, RulesSummary, WomenShare } from '../../platform/web/format.tsx';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import type { BallotLine } from '../../parties/index.ts';

export function ElectionPage(p: {
  locale: Locale;
  election: Election;
  lines: BallotLine[];
  rules: RulesProfile | undefined;
  extra?: ComponentChildren;
}) {
  const l = p.locale;
  const e = p.election;
  const fixed = p.rules?.ballot.fixedLines ?? [];
  const numbered = p.lines.filter((x) => x.entry.participation.ballotNumber !== null);
  const lastNumber = numbered.reduce((m, x) => Math.max(m, x.entry.participation.ballotNumber ?? 0), 0);
  return (
    <Page
      locale={l}
      title={pick(e.name, l)}
      path={`/elections/${e.id}`}
      synthetic={e.synthetic}
      crumbs={[{ href: `/${l}/`, label: t(l, 'nav.elections') }, { label: pick(e.name, l) }]}
    >
      <h1>{pick(e.name, l)}</h1>
      <dl class="facts">
        <dt>{t(l, 'election.day')}</dt>
        <dd>{formatDate(l, e.electionDay)}</dd>
        <dt>{t(l, 'election.called')}</dt>
        <dd>{formatDate(l, e.calledOn)}</dd>
        <dt>{t(l, 'election.campaign')}</dt>
        <dd>
          {formatDate(l, e.campaignStart)} – {formatDate(l, e.campaignEnd)}
        </dd>
        <dt>{t(l, 'election.seats')}</dt>
        <dd>{formatNumber(l, e.seats)}</dd>
        <dt>{t(l, 'election.threshold')}</dt>
        <dd>{formatNumber(l, e.thresholdBasisPoints / 10_000, { style: 'percent', maximumFractionDigits: 2 })}</dd>
        <dt>{t(l, 'election.status')}</dt>
        <dd>{t(l, `status.${e.status}`)}</dd>
        {p.rules ? (
          <>
            <dt>{t(l, 'election.rules')}</dt>
            <dd>
              {pick(p.rules.title, l)} (v{p.rules.version})
            </dd>
          </>
        ) : null}
      </dl>
      {p.extra}
      <h2 id="ballot">{t(l, 'election.parties')}</h2>
      <p class="muted">
        {t(l, 'election.partyCount', { n: p.lines.length })}.{' '}
        {numbered.length > 0 ? t(l, 'election.ballotOrderNote') : ''}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t(l, 'ballot.number')}
              </th>
              <th scope="col">{t(l, 'ballot.party')}</th>
              <th scope="col" class="num">
                {t(l, 'ballot.candidates')}
              </th>
              <th scope="col" class="num">
                {t(l, 'ballot.women')}
              </th>
              <th scope="col">{t(l, 'ballot.rules')}</th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map(({ entry, rules }) => {
              const name = pick(entry.party.name, l);
              const status = entry.participation.status;
              return (
                <tr key={entry.party.registrationNumber}>
                  <td class="num">
                    {entry.participation.ballotNumber !== null ? (
                      <span class="ballot-no">{entry.participation.ballotNumber}</span>
                    ) : (
                      <span class="muted">{t(l, 'ballot.noNumber')}</span>
                    )}
                  </td>
                  <td>
                    <Logo blobKey={entry.party.logoBlobKey} name={name} locale={l} />{' '}
                    <a href={`/${l}/elections/${e.id}/parties/${encodeURIComponent(entry.party.registrationNumber)}`}>
                      {name}
                    </a>
                    {status !== 'registered' ? <span class="fail"> — {t(l, `participation.${status}`)}</span> : null}
                  </td>
                  <td class="num">{formatNumber(l, entry.candidateCount)}</td>
                  <td class="num">
                    <WomenShare women={entry.womenCount} total={entry.candidateCount} locale={l} />
                  </td>
                  <td>
                    <RulesSummary results={rules} locale={l} />
                  </td>
                </tr>
              );
            })}
            {numbered.length > 0
              ? fixed.map((f) => (
                  <tr key={f.key}>
                    <td class="num">
                      <span class="ballot-no">{f.position === 'after-parties' ? lastNumber + 1 : f.position}</span>
                    </td>
                    <td colSpan={4}>{pick(f.label, l)}</td>
                  </tr>
                ))
              : null}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
