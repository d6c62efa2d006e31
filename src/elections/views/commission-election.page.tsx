// One election as the commission sees it: its record, links to its public page, activity log and
// lottery, and its parties with their status, list size and whether a programme is attached.
import { renderPage } from '../../platform/web/layout.tsx';
import { formatDate, formatNumber, formatPercent, t } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/web/format.tsx';
import type { Election, Locale } from '../../domain/election.ts';
import type { BallotEntry } from '../../parties/index.ts';
import { activityPath, CommissionPage, commissionPartyPath, Done, enc, newPartyPath } from './commission-frame.tsx';

export function CommissionElectionPage(p: {
  locale: Locale;
  election: Election;
  rulesTitle: string;
  entries: BallotEntry[];
  withProgramme: Set<string>;
  canRegister: boolean;
  readOnly: boolean;
  done?: string | undefined;
}) {
  const l = p.locale;
  const e = p.election;
  const name = pick(e.name, l);
  return renderPage(
    <CommissionPage l={l} title={name} path={`/commission/elections/${enc(e.id)}`} synthetic={e.synthetic} crumbs={[{ label: name }]}>
      <h1>{name}</h1>
      <Done text={p.done} />
      <dl class="facts">
        <dt>{t(l, 'commission.election.id')}</dt>
        <dd>
          <code>{e.id}</code>
        </dd>
        <dt>{t(l, 'commission.election.kind')}</dt>
        <dd>{t(l, `kind.${e.kind}`)}</dd>
        <dt>{t(l, 'election.status')}</dt>
        <dd>{t(l, `status.${e.status}`)}</dd>
        <dt>{t(l, 'election.called')}</dt>
        <dd>{formatDate(l, e.calledOn)}</dd>
        <dt>{t(l, 'election.campaign')}</dt>
        <dd>
          {formatDate(l, e.campaignStart)} – {formatDate(l, e.campaignEnd)}
        </dd>
        <dt>{t(l, 'election.day')}</dt>
        <dd>{formatDate(l, e.electionDay)}</dd>
        <dt>{t(l, 'election.seats')}</dt>
        <dd>{formatNumber(l, e.seats)}</dd>
        <dt>{t(l, 'election.threshold')}</dt>
        <dd>{formatPercent(l, e.thresholdBasisPoints / 10_000)}</dd>
        <dt>{t(l, 'election.rules')}</dt>
        <dd>{p.rulesTitle}</dd>
      </dl>
      <ul class="actions">
        <li>
          <a href={`/${l}/elections/${enc(e.id)}`}>{t(l, 'commission.link.public')}</a>
        </li>
        <li>
          <a href={activityPath(l, e.id)}>{t(l, 'commission.link.activity')}</a>
        </li>
        <li>
          <a href={`/${l}/elections/${enc(e.id)}/lottery`}>{t(l, 'commission.link.lottery')}</a>
        </li>
      </ul>
      {p.readOnly ? <p class="muted">{t(l, 'commission.readOnly')}</p> : null}

      <section aria-labelledby="parties">
        <h2 id="parties">{t(l, 'commission.election.parties')}</h2>
        {p.canRegister ? (
          <p>
            <a class="button" href={newPartyPath(l, e.id)}>
              {t(l, 'commission.link.registerParty')}
            </a>
          </p>
        ) : null}
        {p.entries.length === 0 ? (
          <p>{t(l, 'commission.election.noParties')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t(l, 'ballot.number')}
                  </th>
                  <th scope="col">{t(l, 'commission.col.party')}</th>
                  <th scope="col">{t(l, 'party.registrationNumber')}</th>
                  <th scope="col">{t(l, 'party.status')}</th>
                  <th scope="col" class="num">
                    {t(l, 'commission.col.candidates')}
                  </th>
                  <th scope="col">{t(l, 'commission.col.programme')}</th>
                </tr>
              </thead>
              <tbody>
                {p.entries.map((x) => (
                  <tr key={x.party.registrationNumber}>
                    <td class="num">{x.participation.ballotNumber ?? '—'}</td>
                    <td>
                      <a href={commissionPartyPath(l, e.id, x.party.registrationNumber)}>{pick(x.party.name, l)}</a>
                    </td>
                    <td>
                      <code>{x.party.registrationNumber}</code>
                    </td>
                    <td>
                      {t(l, `participation.${x.participation.status}`)}
                      {x.participation.statusDate ? ` (${t(l, 'commission.election.since', { date: formatDate(l, x.participation.statusDate) })})` : ''}
                    </td>
                    <td class="num">{formatNumber(l, x.candidateCount)}</td>
                    <td>{t(l, p.withProgramme.has(x.party.registrationNumber) ? 'yes' : 'no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </CommissionPage>,
  );
}
