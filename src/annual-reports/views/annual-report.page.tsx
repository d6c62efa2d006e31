// One year of a party's annual reports: the figures of the version shown (the latest unless an earlier
// one is asked for), the itemised donations with each donor linked by its public identifier, the
// preliminary automated check's findings on that version, every version filed, and the downloads.
// Nothing here carries a PIN or an address: the view gets the public form only.
import type { Locale } from '../../domain/election.ts';
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import { ruleInfo } from '../../compliance/index.ts';
import { DataTable, Day, day, Money, Notice, Page, pick, som, When } from '../../platform/web/index.ts';
import type { AnnualReportView } from '../annual-reports.service.ts';
import { t } from '../annual-reports.messages.ts';
import {
  annualPath,
  assetText,
  categoryText,
  channelText,
  donorTypeText,
  downloadPath,
  liabilityText,
  severityText,
} from './parts.tsx';

export interface AnnualReportPageProps extends AnnualReportView {
  locale: Locale;
}

interface Row {
  key: string;
  label: string;
  amount: Tyiyn;
  note?: string | null;
}

function FigureTable(p: { locale: Locale; rows: Row[]; caption: string; total: Row; labelHead: string }) {
  const l = p.locale;
  return (
    <DataTable
      locale={l}
      caption={p.caption}
      rows={p.rows}
      rowKey={(r) => r.key}
      columns={[
        { key: 'label', label: p.labelHead, rowHeader: true, cell: (r) => r.label },
        {
          key: 'amount',
          label: t(l, 'annual.column.amount'),
          numeric: true,
          cell: (r) => <Money amount={r.amount} locale={l} />,
        },
        { key: 'note', label: t(l, 'annual.column.description'), cell: (r) => r.note ?? '' },
      ]}
      foot={
        <tr>
          <th scope="row">{p.total.label}</th>
          <td class="num">
            <Money amount={p.total.amount} locale={l} />
          </td>
          <td />
        </tr>
      }
    />
  );
}

function Findings(p: AnnualReportPageProps) {
  const l = p.locale;
  return (
    <section aria-labelledby="annual-findings">
      <h2 id="annual-findings">{t(l, 'annual.findings.title')}</h2>
      <p>{t(l, 'annual.findings.lead')}</p>
      {/* One card per finding: six facts about it do not fit a phone's width as table columns. */}
      {p.findings.length === 0 ? (
        <p>{t(l, 'annual.findings.none')}</p>
      ) : (
        <ul class="cards">
          {p.findings.map((f) => (
            <li key={f.id}>
              <h3>{ruleInfo(f.rule)?.title[l] ?? f.rule}</h3>
              <dl class="facts">
                <dt>{t(l, 'annual.finding.severity')}</dt>
                <dd>{severityText(l, f.severity)}</dd>
                <dt>{t(l, 'annual.finding.line')}</dt>
                <dd>{f.lineIds.join(', ')}</dd>
                {f.donor ? (
                  <>
                    <dt>{t(l, 'annual.donation.donor')}</dt>
                    <dd>{f.donor.name}</dd>
                  </>
                ) : null}
                <dt>{t(l, 'annual.column.amount')}</dt>
                <dd>
                  <Money amount={f.amount} locale={l} />
                </dd>
                {f.remedy ? (
                  <>
                    <dt>{t(l, 'annual.finding.remedy')}</dt>
                    <dd>
                      {t(l, 'annual.finding.remedyText', {
                        amount: som(f.remedy.amount, l),
                        deadline: day(f.remedy.deadline, l),
                      })}
                    </dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Versions(p: AnnualReportPageProps) {
  const l = p.locale;
  const reg = p.party.registrationNumber;
  return (
    <section aria-labelledby="annual-versions">
      <h2 id="annual-versions">{t(l, 'annual.versions.title')}</h2>
      <p>{t(l, 'annual.versions.lead')}</p>
      <ol>
        {p.versions.map((v) => (
          <li key={v.id}>
            {v.version === p.shown.version ? (
              <strong>
                {t(l, 'annual.column.version')} {v.version}
              </strong>
            ) : (
              <a href={`/${l}${annualPath.year(reg, p.year, v.version)}`}>
                {t(l, 'annual.column.version')} {v.version}
              </a>
            )}
            {' · '}
            <When iso={v.submittedAt} locale={l} />
            {v.isLatest ? ` · ${t(l, 'annual.versions.latest')}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Donations(p: AnnualReportPageProps) {
  const l = p.locale;
  return (
    <section aria-labelledby="annual-donations">
      <h2 id="annual-donations">{t(l, 'annual.section.donations')}</h2>
      <DataTable
        locale={l}
        rows={p.donations}
        rowKey={(d) => d.lineId}
        rowId={(d) => `donation-${d.lineId}`}
        empty={t(l, 'annual.donations.empty')}
        // Six columns scroll inside their box on a phone rather than squeezing each word to a letter.
        class="wide"
        columns={[
          { key: 'date', label: t(l, 'annual.donation.date'), cell: (d) => <Day iso={d.date} locale={l} /> },
          {
            key: 'donor',
            label: t(l, 'annual.donation.donor'),
            rowHeader: true,
            cell: (d) => (
              <>
                <a href={`/${l}${annualPath.donor(d.donorId)}`} data-donor={d.donorId}>
                  {d.donorName}
                </a>
                {d.donorBasis === 'name' ? <small> ({t(l, 'annual.donation.byName')})</small> : null}
              </>
            ),
          },
          { key: 'type', label: t(l, 'annual.donation.type'), cell: (d) => donorTypeText(l, d.donorType) },
          { key: 'inn', label: t(l, 'annual.donation.inn'), cell: (d) => d.donorInn ?? '' },
          { key: 'channel', label: t(l, 'annual.donation.channel'), cell: (d) => channelText(l, d.channel) },
          {
            key: 'amount',
            label: t(l, 'annual.donation.amount'),
            numeric: true,
            cell: (d) => <Money amount={d.amount} locale={l} />,
          },
        ]}
      />
    </section>
  );
}

function Figures(p: AnnualReportPageProps) {
  const l = p.locale;
  const r = p.report;
  return (
    <>
      <section aria-labelledby="annual-cash">
        <h2 id="annual-cash">{t(l, 'annual.section.cash')}</h2>
        <dl>
          <dt>{t(l, 'annual.cash.opening')}</dt>
          <dd>
            <Money amount={r.cash.opening} locale={l} />
          </dd>
          <dt>{t(l, 'annual.cash.closing')}</dt>
          <dd>
            <Money amount={r.cash.closing} locale={l} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="annual-receipts">
        <h2 id="annual-receipts">{t(l, 'annual.section.receipts')}</h2>
        <FigureTable
          locale={l}
          caption={t(l, 'annual.section.receipts')}
          labelHead={t(l, 'annual.column.kind')}
          rows={[
            { key: 'dues', label: t(l, 'annual.receipts.membershipDues'), amount: r.receipts.membershipDues },
            {
              key: 'donations',
              label: t(l, 'annual.receipts.donations'),
              amount: tyiyn(r.receipts.donations.reduce((s, d) => s + d.amount, 0)),
            },
            { key: 'state', label: t(l, 'annual.receipts.stateFunding'), amount: r.receipts.stateFunding },
            {
              key: 'other',
              label: t(l, 'annual.receipts.other'),
              amount: r.receipts.other,
              note: r.receipts.otherDescription,
            },
          ]}
          total={{ key: 'total', label: t(l, 'annual.receipts.total'), amount: r.totals.receipts }}
        />
      </section>

      <Donations {...p} />

      <section aria-labelledby="annual-expenditures">
        <h2 id="annual-expenditures">{t(l, 'annual.section.expenditures')}</h2>
        <FigureTable
          locale={l}
          caption={t(l, 'annual.section.expenditures')}
          labelHead={t(l, 'annual.column.category')}
          rows={r.expenditures.map((e) => ({
            key: e.kind,
            label: categoryText(l, e.kind),
            amount: e.amount,
            note: e.description,
          }))}
          total={{ key: 'total', label: t(l, 'annual.expenditures.total'), amount: r.totals.expenditures }}
        />
      </section>

      <section aria-labelledby="annual-balance">
        <h2 id="annual-balance">{t(l, 'annual.section.balance')}</h2>
        <FigureTable
          locale={l}
          caption={t(l, 'annual.assets')}
          labelHead={t(l, 'annual.column.kind')}
          rows={r.assets.map((a) => ({
            key: a.kind,
            label: assetText(l, a.kind),
            amount: a.amount,
            note: a.description,
          }))}
          total={{ key: 'total', label: t(l, 'annual.assets.total'), amount: r.totals.assets }}
        />
        <FigureTable
          locale={l}
          caption={t(l, 'annual.liabilities')}
          labelHead={t(l, 'annual.column.kind')}
          rows={r.liabilities.map((a) => ({
            key: a.kind,
            label: liabilityText(l, a.kind),
            amount: a.amount,
            note: a.description,
          }))}
          total={{ key: 'total', label: t(l, 'annual.liabilities.total'), amount: r.totals.liabilities }}
        />
      </section>
    </>
  );
}

export function AnnualReportPage(p: AnnualReportPageProps) {
  const l = p.locale;
  const r = p.report;
  const reg = p.party.registrationNumber;
  const name = pick(p.party.name, l);
  const title = t(l, 'annual.report.title', { year: p.year });
  const isLatest = p.shown.id === p.latest.id;
  return (
    <Page
      locale={l}
      title={`${title}: ${name}`}
      path={annualPath.year(reg, p.year, isLatest ? undefined : p.shown.version)}
      crumbs={[
        { label: name },
        { href: `/${l}${annualPath.party(reg)}`, label: t(l, 'annual.title') },
        { label: String(p.year) },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{name}</p>
      {isLatest ? null : (
        <Notice kind="warn">
          <p>{t(l, 'annual.report.olderVersion', { version: p.shown.version, latest: p.latest.version })}</p>
          <p>
            <a href={`/${l}${annualPath.year(reg, p.year)}`}>{t(l, 'annual.report.readLatest')}</a>
          </p>
        </Notice>
      )}
      <dl>
        <dt>{t(l, 'annual.report.party')}</dt>
        <dd>
          {name} ({reg})
        </dd>
        <dt>{t(l, 'annual.column.version')}</dt>
        <dd>
          {p.shown.version} · <When iso={p.shown.submittedAt} locale={l} />
        </dd>
        <dt>{t(l, 'annual.report.signer')}</dt>
        <dd>
          {r.signer.name}, {r.signer.position}
        </dd>
        <dt>{t(l, 'annual.column.deadline')}</dt>
        <dd>
          {t(l, 'annual.report.deadline', { deadline: day(p.deadline, l), filed: day(p.firstFiledOn, l) })}{' '}
          {p.late ? <strong>{t(l, 'annual.late')}</strong> : t(l, 'annual.onTime')}
        </dd>
      </dl>
      {p.electionsInYear.length === 0 ? (
        <p>{t(l, 'annual.report.noElection')}</p>
      ) : (
        <p>
          {t(l, 'annual.report.electionsInYear')}{' '}
          {p.electionsInYear.map((e, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={`/${l}/elections/${encodeURIComponent(e.id)}`}>{pick(e.name, l)}</a>
            </>
          ))}
        </p>
      )}

      <Findings {...p} />

      <Figures {...p} />

      <Versions {...p} />

      <section aria-labelledby="annual-downloads">
        <h2 id="annual-downloads">{t(l, 'annual.downloads.title')}</h2>
        <ul>
          <li>
            <a href={downloadPath.json(reg, p.year)}>{t(l, 'annual.downloads.json')}</a>
          </li>
          <li>
            <a href={downloadPath.csv(reg, p.year)}>{t(l, 'annual.downloads.csv')}</a>
          </li>
        </ul>
      </section>
    </Page>
  );
}
