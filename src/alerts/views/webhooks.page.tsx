// The commission's webhooks: every subscription with its state and last delivery, a form for a new one,
// and, right after creation, its secret, shown this once.
import type { Election, Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import {
  CsrfField,
  DataTable,
  Input,
  Notice,
  pick,
  renderPage,
  Select,
  When,
  type Column,
} from '../../platform/web/index.ts';
import { CommissionPage, commissionHomePath } from '../../elections/index.ts';
import type { Delivery, Webhook } from '../alerts.repository.ts';
import { t } from '../alerts.messages.ts';

export const webhooksPath = (l: Locale) => `/${l}/commission/webhooks`;

export interface WebhookLine {
  hook: Webhook;
  last: Delivery | undefined;
}

function columns(l: Locale, csrf: string, names: Map<string, string>): Column<WebhookLine>[] {
  return [
    {
      key: 'election',
      label: t(l, 'alerts.col.election'),
      cell: (x) => names.get(x.hook.electionId) ?? x.hook.electionId,
    },
    { key: 'party', label: t(l, 'alerts.col.party'), cell: (x) => x.hook.party ?? t(l, 'alerts.allParties') },
    { key: 'url', label: t(l, 'alerts.col.url'), cell: (x) => <code>{x.hook.url}</code> },
    {
      key: 'status',
      label: t(l, 'alerts.col.status'),
      cell: (x) =>
        x.hook.status === 'failing' ? <strong>{t(l, 'alerts.status.failing')}</strong> : t(l, 'alerts.status.active'),
    },
    {
      key: 'last',
      label: t(l, 'alerts.col.last'),
      cell: (x) =>
        x.last ? (
          <>
            <When iso={x.last.createdAt} locale={l} /> —{' '}
            {t.lookup(l, `alerts.delivery.${x.last.status}`) ?? x.last.status}
            {x.last.lastError ? (
              <>
                {' '}
                <code class="muted">{x.last.lastError}</code>
              </>
            ) : null}
          </>
        ) : (
          '—'
        ),
    },
    { key: 'created', label: t(l, 'alerts.col.created'), cell: (x) => x.hook.createdBy },
    {
      key: 'remove',
      label: '',
      cell: (x) => (
        <form method="post" action={`${webhooksPath(l)}/${x.hook.id}/remove`}>
          <CsrfField token={csrf} />
          <button type="submit">{t(l, 'alerts.action.remove')}</button>
        </form>
      ),
    },
  ];
}

export function WebhooksPage(p: {
  locale: Locale;
  csrf: string;
  elections: readonly Election[];
  lines: readonly WebhookLine[];
  /** The secret of the subscription just created: on this answer only. */
  created?: { id: number; secret: string } | undefined;
  done?: string | undefined;
  problems?: readonly Problem[];
  values?: { electionId?: string; party?: string; url?: string };
}) {
  const l = p.locale;
  const title = t(l, 'alerts.webhooks.title');
  const names = new Map(p.elections.map((e) => [e.id, pick(e.name, l)]));
  const v = p.values ?? {};
  return renderPage(
    <CommissionPage l={l} title={title} path="/commission/webhooks" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t(l, 'alerts.webhooks.intro')}</p>
      <Notice text={p.done} />
      {p.created ? (
        <Notice kind="warn">
          <p>{t(l, 'alerts.created.lead')}</p>
          <p>
            <code id="webhook-secret">{p.created.secret}</code>
          </p>
        </Notice>
      ) : null}
      {p.problems && p.problems.length > 0 ? (
        <Notice kind="warn">
          <ul>
            {p.problems.map((x) => (
              <li key={x.code}>{t.lookup(l, `alerts.problem.${x.code}`) ?? x.message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <DataTable
        locale={l}
        columns={columns(l, p.csrf, names)}
        rows={[...p.lines]}
        rowKey={(x) => x.hook.id}
        empty={t(l, 'alerts.webhooks.none')}
      />
      <h2>{t(l, 'alerts.form.title')}</h2>
      <form method="post" action={webhooksPath(l)}>
        <CsrfField token={p.csrf} />
        <Select
          locale={l}
          name="electionId"
          label={t(l, 'alerts.form.election')}
          required
          value={v.electionId}
          options={p.elections.map((e) => ({ value: e.id, label: pick(e.name, l) }))}
        />
        <Input
          locale={l}
          name="party"
          label={t(l, 'alerts.form.party')}
          hint={t(l, 'alerts.form.partyHint')}
          value={v.party}
        />
        <Input locale={l} name="url" type="url" label={t(l, 'alerts.form.url')} required value={v.url} />
        <button type="submit">{t(l, 'alerts.form.submit')}</button>
      </form>
      <p>
        <a href={commissionHomePath(l)}>←</a>
      </p>
    </CommissionPage>,
  );
}
