// The activity log of one election as the commission reads it: who did what and when, with the
// record before and after, newest first, in pages.
import { renderPage } from '../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/web/format.tsx';
import type { Election, Locale } from '../../domain/election.ts';
import type { ActivityRow } from '../../platform/db/schema.ts';
import { activityPath, CommissionPage, commissionElectionPath, enc } from '../../elections/index.ts';
import { changeText } from '../core/change-text.ts';
import '../activity.messages.ts';

export function ActivityLogPage(p: { locale: Locale; election: Election; entries: ActivityRow[]; olderThan: number | null; paged: boolean }) {
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
      {p.entries.length === 0 ? (
        <p>{t(l, 'commission.activity.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'commission.col.at')}</th>
                <th scope="col">{t(l, 'commission.col.actor')}</th>
                <th scope="col">{t(l, 'commission.col.action')}</th>
                <th scope="col">{t(l, 'commission.col.entity')}</th>
                <th scope="col">{t(l, 'commission.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {p.entries.map((a) => {
                const actionKey = `commission.activity.action.${a.action}`;
                const action = t(l, actionKey);
                const entityKey = `commission.entity.${a.entity_type}`;
                const entity = t(l, entityKey);
                return (
                  <tr key={a.id}>
                    <td>
                      <time dateTime={a.at}>{formatDateTime(l, a.at)}</time>
                    </td>
                    <td>{a.actor}</td>
                    <td>
                      {action === actionKey ? a.action : action}
                      <br />
                      <code class="muted">{a.action}</code>
                    </td>
                    <td>
                      {entity === entityKey ? a.entity_type : entity} <code>{a.entity_id}</code>
                    </td>
                    <td>
                      <details>
                        <summary>{t(l, 'commission.action.showChange')}</summary>
                        <p>{t(l, 'commission.activity.before')}</p>
                        <pre class="change">{changeText(a.before_json) ?? t(l, 'commission.activity.empty')}</pre>
                        <p>{t(l, 'commission.activity.after')}</p>
                        <pre class="change">{changeText(a.after_json) ?? t(l, 'commission.activity.empty')}</pre>
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
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
