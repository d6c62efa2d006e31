// The page that edits one line of a draft.
import type { Locale } from '../../domain/election.ts';
import { renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import { sectionLabels } from '../core/filing-labels.ts';
import type { LineSection } from '../core/filing.ts';
import type { FormFields } from '../core/draft.ts';
import type { DraftView } from '../draft.service.ts';
import { reportKindLabel } from './common.tsx';
import { treasurerCrumbs } from './form-errors.ts';
import { LineFields } from './draft-lines.tsx';
import { StaffForm, StaffPage } from './staff-page.tsx';

export function LineEditPage(p: {
  locale: Locale;
  csrfToken: string;
  view: DraftView;
  section: LineSection;
  index: number;
  expectedLineId: string;
  values: FormFields;
  errors: FieldError[];
}) {
  const l = p.locale;
  const id = p.view.record.id;
  const kind = reportKindLabel(l, p.view.chain.reportKind);
  const title = t(l, 'filings.lines.editTitle', {
    section: sectionLabels[p.section][l],
    row: p.index + 1,
    id: p.expectedLineId,
  });
  return renderPage(
    <StaffPage
      locale={l}
      title={title}
      path={`/treasurer/drafts/${id}/lines/${p.section}/${p.index}`}
      crumbs={[
        ...treasurerCrumbs(l),
        { href: `/${l}/treasurer/drafts/${id}`, label: t(l, 'filings.draft.crumb', { kind }) },
        { label: title },
      ]}
      errors={p.errors}
    >
      <StaffForm
        action={`/${l}/treasurer/drafts/${id}/lines/${p.section}/${p.index}`}
        id="form-line"
        csrfToken={p.csrfToken}
      >
        <input type="hidden" name="expectedLineId" value={p.expectedLineId} />
        <LineFields
          locale={l}
          form="line"
          section={p.section}
          values={p.values}
          errors={p.errors}
          receiptIds={p.view.body.receipts.map((r) => r.lineId)}
        />
        <button type="submit">{t(l, 'filings.lines.save')}</button>{' '}
        <a href={`/${l}/treasurer/drafts/${id}#h-${p.section}`}>{t(l, 'filings.lines.cancel')}</a>
      </StaffForm>
    </StaffPage>,
  );
}
