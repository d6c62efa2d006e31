// The activity log of one election as the commission reads it: who did what and when, with the
// record before and after, newest first, in pages.
import { DataTable, pick, renderPage, When, type Column } from '../../platform/web/index.ts';
import type { Election, Locale } from '../../domain/election.ts';
import type { ActivityRow } from '../../platform/db/schema.ts';
import { activityPath, CommissionPage, commissionElectionPath, enc } from '../../elections/index.ts';
import { changeText } from '../core/change-text.ts';
import { t } from '../activity.messages.ts';

function Change({ l, a }: { l: Locale; a: ActivityRow }) {
  const empty = t(l, 'commission.activity.empty');
  return (
    <details>
      <summary>{t(l, 'commission.action.showChange')}</summary>
      <p>{t(l, 'commission.activity.before')}</p>
      <pre class="change">{changeText(a.before_json) ?? empty}</pre>
      <p>{t(l, 'commission.activity.after')}</p>
      <pre class="change">{changeText(a.after_json) ?? empty}</pre>
    </details>
  );
}

function columns(l: Locale): Column<ActivityRow>[] {
  return [
    { key: 'at', label: t(l, 'commission.col.at'), cell: (a) => <When iso={a.at} locale={l} /> },
    { key: 'actor', label: t(l, 'commission.col.actor'), cell: (a) => a.actor },
    {
      key: 'action',
      label: t(l, 'commission.col.action'),
      cell: (a) => (
        <>
          {t.lookup(l, `commission.activity.action.${a.action}`) ?? a.action}
          <br />
          <code class="muted">{a.action}</code>
        </>
      ),
    },
    {
      key: 'entity',
      label: t(l, 'commission.col.entity'),
      cell: (a) => (
        <>
          {t.lookup(l, `commission.entity.${a.entity_type}`) ?? a.entity_type} <code>{a.entity_id}</code>
        </>
      ),
    },
    { key: 'change', label: t(l, 'commission.col.change'), cell: (a) => <Change l={l} a={a} /> },
  ];
}

export function ActivityLogPage(p: {
  locale: Locale;
  election: Election;
  entries: ActivityRow[];
  olderThan: number | null;
  paged: boolean;
}) {
  const l = p.locale;
  const e = p.election;
  const title = t(l, 'commission.title.activity');
  const base = activityPath(l, e.id);
  return renderPage(
    <CommissionPage
      l={l}
      title={`${title} — ${pick(e.name, l)}`}
      path={`/commission/elections/${enc(e.id)}/activity`}
      synthetic={e.synthetic}
      crumbs={[{ href: commissionElectionPath(l, e.id), label: pick(e.name, l) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="muted">{pick(e.name, l)}</p>
      <p>{t(l, 'commission.activity.intro')}</p>
      <DataTable
        locale={l}
        columns={columns(l)}
        rows={p.entries}
        rowKey={(a) => a.id}
        empty={t(l, 'commission.activity.none')}
      />
      <ul class="actions">
        {p.paged ? (
          <li>
            <a href={base}>{t(l, 'commission.action.newest')}</a>
          </li>
        ) : null}
        {p.olderThan !== null ? (
          <li>
            <a href={`${base}?before=${p.olderThan}`} rel="next">
              {t(l, 'commission.action.older')}
            </a>
          </li>
        ) : null}
      </ul>
    </CommissionPage>,
  );
}
