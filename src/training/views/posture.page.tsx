// The administrators' security review: per kind of trouble, the accounts (or tokens) concerned and what
// to do about them.
import { DataTable, Page, When, renderPage, type Column } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import { DEFAULT_THRESHOLDS, POSTURE_KINDS, type PostureItem, type PostureKind } from '../core/posture.ts';
import { t } from '../training.messages.ts';
import { roleLabel } from './completion.page.tsx';

function heading(l: Locale, kind: PostureKind): string {
  if (kind === 'unused') return t(l, 'training.posture.unused', { days: DEFAULT_THRESHOLDS.unusedDays });
  if (kind === 'failed_sign_ins')
    return t(l, 'training.posture.failed_sign_ins', { days: DEFAULT_THRESHOLDS.failureDays });
  return t(l, `training.posture.${kind}`);
}

function columns(l: Locale): Column<PostureItem>[] {
  return [
    {
      key: 'person',
      label: t(l, 'training.col.person'),
      rowHeader: true,
      cell: (i) => (
        <>
          {i.account.displayName} <span class="muted">({i.account.login})</span>
        </>
      ),
    },
    { key: 'role', label: t(l, 'training.col.role'), cell: (i) => roleLabel(l, i.account.role) },
    { key: 'detail', label: t(l, 'training.col.detail'), cell: (i) => i.detail },
    { key: 'when', label: t(l, 'training.col.when'), cell: (i) => (i.when ? <When iso={i.when} locale={l} /> : '—') },
  ];
}

export function PosturePage(p: { locale: Locale; items: PostureItem[] }) {
  const l = p.locale;
  const title = t(l, 'training.posture.title');
  return renderPage(
    <Page locale={l} title={title} path="/commission/security" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t(l, 'training.posture.intro')}</p>
      <p>
        <a href={`/${l}/account/users`}>{t(l, 'training.posture.manage')}</a>
      </p>
      {POSTURE_KINDS.map((kind) => {
        const rows = p.items.filter((i) => i.kind === kind);
        return (
          <section key={kind} aria-labelledby={`k-${kind}`}>
            <h2 id={`k-${kind}`}>
              {heading(l, kind)} ({rows.length})
            </h2>
            <p>{t(l, `training.posture.${kind}.action`)}</p>
            <DataTable
              locale={l}
              columns={columns(l)}
              rows={rows}
              rowKey={(i, n) => `${i.account.id}-${n}`}
              empty={t(l, 'training.posture.none')}
            />
          </section>
        );
      })}
    </Page>,
  );
}
