// One election as the commission sees it: its record, links to its public page, activity log and
// lottery, and its parties with their status, list size and whether a programme is attached.
import { DataTable, Day, day, Notice, num, percent, pick, renderPage, type Column } from '../../platform/web/index.ts';
import type { Election, Locale } from '../../domain/election.ts';
import type { BallotEntry } from '../../parties/index.ts';
import { t } from '../election.messages.ts';
import { activityPath, CommissionPage, commissionPartyPath, enc, newPartyPath } from './commission-frame.tsx';

export interface CommissionElectionProps {
  locale: Locale;
  election: Election;
  rulesTitle: string;
  entries: BallotEntry[];
  withProgramme: Set<string>;
  canRegister: boolean;
  readOnly: boolean;
  done?: string | undefined;
}

function Facts({ l, e, rulesTitle }: { l: Locale; e: Election; rulesTitle: string }) {
  return (
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
      <dd>
        <Day iso={e.calledOn} locale={l} />
      </dd>
      <dt>{t(l, 'election.campaign')}</dt>
      <dd>
        <Day iso={e.campaignStart} locale={l} /> – <Day iso={e.campaignEnd} locale={l} />
      </dd>
      <dt>{t(l, 'election.day')}</dt>
      <dd>
        <Day iso={e.electionDay} locale={l} />
      </dd>
      <dt>{t(l, 'election.seats')}</dt>
      <dd>{num(e.seats, l)}</dd>
      <dt>{t(l, 'election.threshold')}</dt>
      <dd>{percent(e.thresholdBasisPoints / 10_000, l)}</dd>
      <dt>{t(l, 'election.rules')}</dt>
      <dd>{rulesTitle}</dd>
    </dl>
  );
}

function partyColumns(l: Locale, e: Election, withProgramme: Set<string>): Column<BallotEntry>[] {
  return [
    { key: 'number', label: t(l, 'ballot.number'), numeric: true, cell: (x) => x.participation.ballotNumber ?? '—' },
    {
      key: 'party',
      label: t(l, 'commission.col.party'),
      cell: (x) => <a href={commissionPartyPath(l, e.id, x.party.registrationNumber)}>{pick(x.party.name, l)}</a>,
    },
    { key: 'reg', label: t(l, 'party.registrationNumber'), cell: (x) => <code>{x.party.registrationNumber}</code> },
    {
      key: 'status',
      label: t(l, 'party.status'),
      cell: ({ participation: pa }) =>
        `${t(l, `participation.${pa.status}`)}${pa.statusDate ? ` (${t(l, 'commission.election.since', { date: day(pa.statusDate, l) })})` : ''}`,
    },
    {
      key: 'candidates',
      label: t(l, 'commission.col.candidates'),
      numeric: true,
      cell: (x) => num(x.candidateCount, l),
    },
    {
      key: 'programme',
      label: t(l, 'commission.col.programme'),
      cell: (x) => t(l, withProgramme.has(x.party.registrationNumber) ? 'yes' : 'no'),
    },
  ];
}

export function CommissionElectionPage(p: CommissionElectionProps) {
  const l = p.locale;
  const e = p.election;
  const name = pick(e.name, l);
  return renderPage(
    <CommissionPage
      l={l}
      title={name}
      path={`/commission/elections/${enc(e.id)}`}
      synthetic={e.synthetic}
      crumbs={[{ label: name }]}
    >
      <h1>{name}</h1>
      <Notice text={p.done} />
      <Facts l={l} e={e} rulesTitle={p.rulesTitle} />
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
        <DataTable
          locale={l}
          columns={partyColumns(l, e, p.withProgramme)}
          rows={p.entries}
          rowKey={(x) => x.party.registrationNumber}
          empty={t(l, 'commission.election.noParties')}
        />
      </section>
    </CommissionPage>,
  );
}
