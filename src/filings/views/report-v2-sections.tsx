// The two sections a report filed in the v2 format adds to its public page: its gifts in kind and its
// loans, one card per line (a definition list, so that a phone shows every fact without a table wider
// than the screen), and the CSV files of both. The lines are the public ones of toPublicDocument: they
// have no PIN and no address, and names and descriptions had PIN-shaped numbers masked.
import type { Locale } from '../../domain/election.ts';
import { formatNumber } from '../../platform/i18n/i18n.ts';
import { day } from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { NewLineSection } from '../core/filing-v2.ts';
import {
  loanRepaid,
  publicLoanBalance,
  type PublicFilingDocV2,
  type PublicInKindLine,
  type PublicLoanLine,
} from '../core/public-filing.ts';
import { donorType, money } from './common.tsx';
import { PAGE_LINES } from './line-tables.tsx';

/** The URL name of a v2 section's file: `/reports/{id}/in-kind.csv`, `/reports/{id}/loans.csv`. */
export const NEW_SECTION_FILES: Record<NewLineSection, string> = { inKind: 'in-kind', loans: 'loans' };

export const newLinesCsvPath = (filingId: number, section: NewLineSection) =>
  `/reports/${filingId}/${NEW_SECTION_FILES[section]}.csv`;

/** The anchor of a line on the report page: `in-kind-K-1`, `loan-L-1`. */
const ANCHOR: Record<NewLineSection, string> = { inKind: 'in-kind', loans: 'loan' };

/** The section's title in the locale. */
export const newSectionTitle = (l: Locale, section: NewLineSection) =>
  section === 'inKind' ? t(l, 'filings.inKind.title') : t(l, 'filings.loans.title');

/** An INN published beside a name (a legal entity's only). */
function Inn(p: { locale: Locale; inn: string | undefined }) {
  return p.inn ? (
    <span class="muted">
      {' '}
      ({t(p.locale, 'filings.field.inn')} {p.inn})
    </span>
  ) : null;
}

function GiftCard(p: { locale: Locale; gift: PublicInKindLine }) {
  const l = p.locale;
  const g = p.gift;
  return (
    <li id={`${ANCHOR.inKind}-${g.lineId}`}>
      <h3>
        <span class="sr-only">{t(l, 'filings.inKind.donor')}: </span>
        {g.donorName}
        <Inn locale={l} inn={g.donorInn} />
      </h3>
      <dl class="facts">
        <dt>{fieldLabel('date', l)}</dt>
        <dd>{day(g.date, l)}</dd>
        <dt>{fieldLabel('donorType', l)}</dt>
        <dd>{donorType(l, g.donorType)}</dd>
        <dt>{t(l, 'filings.inKind.given')}</dt>
        <dd>{g.description}</dd>
        <dt>{t(l, 'filings.inKind.valuation')}</dt>
        <dd>{t(l, `filings.valuation.${g.valuation}`)}</dd>
        <dt>{t(l, 'filings.inKind.estimatedValue')}</dt>
        <dd>{money(l, g.estimatedValue)}</dd>
      </dl>
    </li>
  );
}

function LoanCard(p: { locale: Locale; loan: PublicLoanLine }) {
  const l = p.locale;
  const x = p.loan;
  return (
    <li id={`${ANCHOR.loans}-${x.lineId}`}>
      <h3>
        <span class="sr-only">{t(l, 'filings.loans.lender')}: </span>
        {x.lenderName}
        <Inn locale={l} inn={x.lenderInn} />
      </h3>
      <dl class="facts">
        <dt>{fieldLabel('date', l)}</dt>
        <dd>{day(x.date, l)}</dd>
        <dt>{fieldLabel('amount', l)}</dt>
        <dd>{money(l, x.amount)}</dd>
        <dt>{t(l, 'filings.loans.rate')}</dt>
        <dd>{t(l, 'filings.loans.rateValue', { rate: formatNumber(l, x.annualRatePercent) })}</dd>
        <dt>{t(l, 'filings.loans.term')}</dt>
        <dd>{t(l, 'filings.loans.termValue', { n: x.termMonths })}</dd>
        <dt>{t(l, 'filings.loans.repaid')}</dt>
        <dd>
          {money(l, loanRepaid(x))}{' '}
          <span class="muted">({t(l, 'filings.loans.repayments', { n: x.repayments.length })})</span>
        </dd>
        <dt>{t(l, 'filings.loans.balance')}</dt>
        <dd>
          <strong>{money(l, publicLoanBalance(x))}</strong>
        </dd>
        <dt>{t(l, 'filings.field.status')}</dt>
        <dd>{t(l, `filings.loanStatus.${x.status}`)}</dd>
      </dl>
    </li>
  );
}

/** The cards of one section, at most PAGE_LINES of them (the CSV has every line). */
function Cards<Row>(p: {
  locale: Locale;
  section: NewLineSection;
  filingId: number;
  lines: readonly Row[];
  card: (row: Row) => preact.JSX.Element;
}) {
  const l = p.locale;
  const shown = p.lines.slice(0, PAGE_LINES);
  return (
    <>
      <ul class="cards">{shown.map(p.card)}</ul>
      {shown.length < p.lines.length ? (
        <p class="muted">
          {t(l, 'filings.lines.truncated', { shown: shown.length, total: p.lines.length })}{' '}
          <a href={newLinesCsvPath(p.filingId, p.section)}>{t(l, 'filings.download.csv')}</a>
        </p>
      ) : null}
    </>
  );
}

/**
 * The gifts in kind and the loans of a v2 version, each section only when it has lines (a v2 report with
 * neither looks like a v1 report).
 */
export function NewLineSections(p: { locale: Locale; doc: PublicFilingDocV2; filingId: number }) {
  const l = p.locale;
  const { inKind, loans } = p.doc;
  const totalValue = inKind.reduce((a, g) => a + g.estimatedValue, 0);
  return (
    <>
      {inKind.length > 0 ? (
        <section aria-labelledby="inKind">
          <h2 id="inKind">
            {newSectionTitle(l, 'inKind')} ({formatNumber(l, inKind.length)})
          </h2>
          <p class="muted">{t(l, 'filings.inKind.intro')}</p>
          <Cards
            locale={l}
            section="inKind"
            filingId={p.filingId}
            lines={inKind}
            card={(g) => <GiftCard key={g.lineId} locale={l} gift={g} />}
          />
          <p>{t(l, 'filings.inKind.total', { total: money(l, totalValue) })}</p>
        </section>
      ) : null}
      {loans.length > 0 ? (
        <section aria-labelledby="loans">
          <h2 id="loans">
            {newSectionTitle(l, 'loans')} ({formatNumber(l, loans.length)})
          </h2>
          <p class="muted">{t(l, 'filings.loans.intro')}</p>
          <Cards
            locale={l}
            section="loans"
            filingId={p.filingId}
            lines={loans}
            card={(x) => <LoanCard key={x.lineId} locale={l} loan={x} />}
          />
        </section>
      ) : null}
    </>
  );
}
