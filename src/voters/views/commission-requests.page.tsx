// The commission's screen of address-change requests: by station and day, each with the automatic checks
// against the voter list, and the decision (approve, or refuse with a reason) for those not decided.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, day, DataTable, Filter, FilterForm, Notice, Page, type Column } from '../../platform/web/index.ts';
import type { Problem } from '../../platform/result.ts';
import { REFUSAL_REASONS, REQUEST_STATUSES, type CheckOutcome } from '../core/address-change.ts';
import type { CheckedRequest } from '../address-change.service.ts';
import type { RequestListFilter } from '../address-change.repository.ts';
import { t } from '../voters.messages.ts';
import { describe, votersPath } from './parts.tsx';

export interface CommissionRequestsPageProps {
  locale: Locale;
  csrf: string;
  filter: RequestListFilter;
  requests: CheckedRequest[];
  done: boolean;
  problems: Problem[];
}

function Checks(p: { locale: Locale; checks: CheckOutcome[] }) {
  const l = p.locale;
  return (
    <ul>
      {p.checks.map((c) => (
        <li key={c.code} class={c.passed === true ? 'check-ok' : c.passed === false ? 'check-bad' : 'check-warn'}>
          {t(l, `voters.check.${c.code}`)}:{' '}
          {t(
            l,
            c.passed === true
              ? 'voters.check.passed'
              : c.passed === false
                ? 'voters.check.failed'
                : 'voters.check.unknown',
          )}
        </li>
      ))}
    </ul>
  );
}

function Decision(p: { locale: Locale; csrf: string; row: CheckedRequest }) {
  const l = p.locale;
  const r = p.row.request;
  if (r.status !== 'submitted')
    return (
      <>
        {t.lookup(l, `voters.status.${r.status}`) ?? r.status}
        {r.decision_reason ? ` (${t.lookup(l, `voters.refusal.${r.decision_reason}`) ?? r.decision_reason})` : ''}
      </>
    );
  const action = `${votersPath.commission(l)}/${encodeURIComponent(r.number)}/decision`;
  const id = `reason-${r.number}`;
  return (
    <>
      <form method="post" action={action} class="inline">
        <CsrfField token={p.csrf} />
        <input type="hidden" name="decision" value="approve" />
        <button type="submit">{t(l, 'voters.commission.approve')}</button>
      </form>{' '}
      <form method="post" action={action} class="inline">
        <CsrfField token={p.csrf} />
        <input type="hidden" name="decision" value="refuse" />
        <label class="sr-only" for={id}>
          {t(l, 'voters.commission.reasonOf', { number: r.number })}
        </label>
        <select id={id} name="reason">
          {REFUSAL_REASONS.map((x) => (
            <option key={x} value={x} selected={x === (p.row.suggestion ?? 'other')}>
              {t(l, `voters.refusal.${x}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t(l, 'voters.commission.refuse')}</button>
      </form>
    </>
  );
}

export function CommissionRequestsPage(p: CommissionRequestsPageProps) {
  const l = p.locale;
  const title = t(l, 'voters.commission.title');
  const f = p.filter;
  const columns: Column<CheckedRequest>[] = [
    { key: 'number', label: t(l, 'voters.field.number'), rowHeader: true, cell: (x) => x.request.number },
    { key: 'day', label: t(l, 'voters.commission.day'), cell: (x) => day(x.request.filed_on, l) },
    {
      key: 'voter',
      label: t(l, 'voters.commission.voter'),
      cell: (x) => (
        <>
          {x.request.surname} {x.request.given_name} {x.request.patronymic}
          <div class="muted">{x.request.pin}</div>
        </>
      ),
    },
    {
      key: 'move',
      label: t(l, 'voters.commission.move'),
      cell: (x) => `${x.request.from_station ?? '?'} → ${x.request.to_station}`,
    },
    {
      key: 'reason',
      label: t(l, 'voters.field.reason'),
      cell: (x) => t.lookup(l, `voters.reason.${x.request.reason}`) ?? x.request.reason,
    },
    { key: 'contact', label: t(l, 'voters.field.contact'), cell: (x) => x.request.contact },
    { key: 'checks', label: t(l, 'voters.commission.checks'), cell: (x) => <Checks locale={l} checks={x.checks} /> },
    {
      key: 'decision',
      label: t(l, 'voters.commission.decision'),
      cell: (x) => <Decision locale={l} csrf={p.csrf} row={x} />,
    },
  ];
  const filtered = Boolean(f.station || f.status || f.day);
  return (
    <Page locale={l} title={title} path="/commission/voters/requests" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t(l, 'voters.commission.lead')}</p>
      {p.done ? <Notice text={t(l, 'voters.commission.done')} /> : null}
      {p.problems.length > 0 ? (
        <div role="alert">
          <Notice kind="warn" text={p.problems.map((x) => describe(l, x)).join(' ')} />
        </div>
      ) : null}
      <FilterForm locale={l} action={votersPath.commission(l)} resetHref={filtered ? votersPath.commission(l) : null}>
        <Filter label={t(l, 'voters.station.number')}>
          <input name="station" value={f.station ?? ''} maxLength={12} />
        </Filter>
        <Filter label={t(l, 'voters.commission.status')}>
          <select name="status">
            <option value="">{t(l, 'voters.stations.any')}</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s} selected={s === f.status}>
                {t(l, `voters.status.${s}`)}
              </option>
            ))}
          </select>
        </Filter>
        <Filter label={t(l, 'voters.commission.day')}>
          <input name="day" type="date" value={f.day ?? ''} />
        </Filter>
      </FilterForm>
      <DataTable
        locale={l}
        rows={p.requests}
        columns={columns}
        rowKey={(x) => x.request.number}
        empty={t(l, 'voters.commission.none')}
        wrap
      />
    </Page>
  );
}
