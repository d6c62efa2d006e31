// The treasurer's annual report screen: the years their party has filed (each with its public page and
// an "amend" link that puts the latest document in the form), and one form that files a document pasted
// or chosen as a file. A refused document comes back in the form with every problem by its path.
import type { Locale } from '../../domain/election.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  FileInput,
  Notice,
  Page,
  TextArea,
  When,
  type FieldError,
} from '../../platform/web/index.ts';
import type { AnnualYearSummary } from '../annual-reports.service.ts';
import { t } from '../annual-reports.messages.ts';
import { annualPath } from './parts.tsx';

export interface AnnualTreasurerPageProps {
  locale: Locale;
  party: string | null;
  years: AnnualYearSummary[];
  csrfToken: string;
  /** Made once per rendering: a double click files once. */
  idempotencyKey: string;
  document: string;
  errors: FieldError[];
  warnings: string[];
  done?: string | undefined;
}

export function AnnualTreasurerPage(p: AnnualTreasurerPageProps) {
  const l = p.locale;
  const title = t(l, 'annual.treasurer.title');
  return (
    <Page locale={l} title={title} path={annualPath.treasurer}>
      <h1>{title}</h1>
      <Notice kind="done" text={p.done} />
      {p.warnings.length > 0 ? (
        <Notice kind="warn">
          <h2>{t(l, 'annual.treasurer.warnings')}</h2>
          <ul>
            {p.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {p.party === null ? (
        <p>{t(l, 'annual.treasurer.noParty')}</p>
      ) : (
        <>
          <p>{t(l, 'annual.treasurer.lead')}</p>
          <p>
            <a href="/api/schemas/annual-report-v1.json">{t(l, 'annual.treasurer.schema')}</a>
            {' · '}
            <a href={`/${l}${annualPath.party(p.party)}`}>{t(l, 'annual.treasurer.public')}</a>
          </p>
          <h2>{t(l, 'annual.treasurer.filedYears')}</h2>
          <DataTable
            locale={l}
            rows={p.years}
            rowKey={(y) => y.year}
            empty={t(l, 'annual.empty')}
            columns={[
              {
                key: 'year',
                label: t(l, 'annual.column.year'),
                rowHeader: true,
                cell: (y) => <a href={`/${l}${annualPath.year(p.party ?? '', y.year)}`}>{y.year}</a>,
              },
              { key: 'version', label: t(l, 'annual.column.version'), numeric: true, cell: (y) => y.version },
              {
                key: 'filed',
                label: t(l, 'annual.column.filed'),
                cell: (y) => <When iso={y.submittedAt} locale={l} />,
              },
              {
                key: 'amend',
                label: t(l, 'annual.treasurer.amend'),
                cell: (y) => (
                  <a href={`/${l}${annualPath.treasurer}?amend=${y.year}#f-document`}>
                    {t(l, 'annual.treasurer.amend')} {y.year}
                  </a>
                ),
              },
            ]}
          />
          <ErrorSummary locale={l} errors={p.errors} intro={t(l, 'annual.treasurer.refused')} />
          <form class="stack" method="post" action={`/${l}${annualPath.treasurer}`} enctype="multipart/form-data">
            <CsrfField token={p.csrfToken} />
            <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
            <TextArea
              locale={l}
              name="document"
              label={t(l, 'annual.treasurer.document')}
              hint={t(l, 'annual.treasurer.documentHint')}
              errors={p.errors}
              value={p.document}
              rows={20}
            />
            <FileInput locale={l} name="file" label={t(l, 'annual.treasurer.file')} accept="application/json,.json" />
            <button type="submit">{t(l, 'annual.treasurer.submit')}</button>
          </form>
        </>
      )}
    </Page>
  );
}
