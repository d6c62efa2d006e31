// What the findings' pages share: a rule's title, a status, a severity, the remedy with its state, the
// evidence (the report lines, the registry record as of its snapshot, the computation) and the review
// history. The commission's pages get the commission's shape of a finding, the public ones the public
// shape; these parts show whatever they are given and add nothing.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import { day, som, When } from '../../platform/web/index.ts';
import type { FindingStatus, Remedy } from '../core/finding.ts';
import { ruleInfo } from '../core/rules/index.ts';
import { t } from '../compliance.messages.ts';
import type { ReviewEvent } from '../review.repository.ts';

export const ruleTitle = (rule: string, l: Locale): string => ruleInfo(rule)?.title[l] ?? rule;

export const statusText = (s: FindingStatus | string, l: Locale): string => t.lookup(l, `compliance.status.${s}`) ?? s;

export const severityText = (s: string, l: Locale): string => t.lookup(l, `compliance.severity.${s}`) ?? s;

export function StatusTag(p: { status: FindingStatus | string; locale: Locale; awaiting?: boolean }) {
  return (
    <span class={`tag status-${p.status}`}>
      {statusText(p.status, p.locale)}
      {p.awaiting ? ` · ${t(p.locale, 'compliance.awaiting')}` : ''}
    </span>
  );
}

export function RemedyText(p: { remedy: Remedy | null | undefined; status: string; locale: Locale }) {
  const l = p.locale;
  if (!p.remedy) return <span class="muted">—</span>;
  const kind = t.lookup(l, `compliance.remedy.${p.remedy.kind}`) ?? p.remedy.kind;
  return (
    <>
      {t(l, 'compliance.remedy.text', { kind, amount: som(p.remedy.amount, l), deadline: day(p.remedy.deadline, l) })}
      <br />
      <span class={p.status === 'remedied' ? 'ok' : 'muted'}>
        {t(l, p.status === 'remedied' ? 'compliance.remedy.done' : 'compliance.remedy.pending')}
      </span>
    </>
  );
}

/** Evidence fields that hold money in tyiyn. */
const MONEY_KEYS = new Set([
  'amount',
  'total',
  'excess',
  'cap',
  'runningTotal',
  'registeredCapital',
  'difference',
  'bankAmount',
  'reportedAmount',
]);

function value(key: string, v: unknown, l: Locale): ComponentChildren {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number' && MONEY_KEYS.has(key)) return som(v as Tyiyn, l);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'object') return <code>{JSON.stringify(v)}</code>;
  return String(v);
}

function Fields(p: { record: Record<string, unknown>; locale: Locale }) {
  return (
    <dl class="facts">
      {Object.entries(p.record).map(([k, v]) => (
        <div key={k}>
          <dt>
            <code>{k}</code>
          </dt>
          <dd>{value(k, v, p.locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function LinesTable(p: { lines: Record<string, unknown>[]; locale: Locale }) {
  const keys = [...new Set(p.lines.flatMap((x) => Object.keys(x)))];
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                <code>{k}</code>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.lines.map((line, i) => (
            <tr key={i}>
              {keys.map((k) => (
                <td key={k} class={typeof line[k] === 'number' ? 'num' : undefined}>
                  {value(k, line[k], p.locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The evidence: the line(s), the registry record as of its snapshot, and the rest as the computation. */
export function Evidence(p: { evidence: Record<string, unknown>; locale: Locale }) {
  const l = p.locale;
  const { article: _article, line, lines, registry, ...rest } = p.evidence;
  void _article;
  const snapshot = isRecord(registry) && isRecord(registry.snapshot) ? registry.snapshot : undefined;
  return (
    <section aria-labelledby="evidence">
      <h2 id="evidence">{t(l, 'compliance.evidence')}</h2>
      {isRecord(line) ? (
        <>
          <h3>{t(l, 'compliance.evidence.line')}</h3>
          <Fields record={line} locale={l} />
        </>
      ) : null}
      {Array.isArray(lines) && lines.every(isRecord) && lines.length > 0 ? (
        <>
          <h3>{t(l, 'compliance.evidence.lines')}</h3>
          <LinesTable lines={lines} locale={l} />
        </>
      ) : null}
      {isRecord(registry) && isRecord(registry.record) ? (
        <>
          <h3>{t(l, 'compliance.evidence.registry', { date: day(String(snapshot?.asOf ?? ''), l) })}</h3>
          <Fields record={registry.record} locale={l} />
          {snapshot ? (
            <p class="muted">
              <code>
                {String(snapshot.kind ?? '')} · {String(snapshot.source ?? '')} · {String(snapshot.id ?? '')}
              </code>
            </p>
          ) : null}
        </>
      ) : null}
      {Object.keys(rest).length > 0 ? (
        <>
          <h3>{t(l, 'compliance.evidence.computation')}</h3>
          <Fields record={rest} locale={l} />
        </>
      ) : null}
    </section>
  );
}

function eventText(e: ReviewEvent, l: Locale): string {
  if (e.action === 'request_explanation')
    return t(l, 'compliance.event.request_explanation', { deadline: e.deadline ? day(e.deadline, l) : '—' });
  return t.lookup(l, `compliance.event.${e.action}`) ?? e.action;
}

export function History(p: { events: readonly ReviewEvent[]; locale: Locale; showActors: boolean }) {
  const l = p.locale;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t(l, 'compliance.history')}</h2>
      {p.events.length === 0 ? (
        <p class="muted">{t(l, 'compliance.history.none')}</p>
      ) : (
        <ol class="history">
          {p.events.map((e) => (
            <li key={e.id}>
              <When iso={e.at} locale={l} /> — <strong>{eventText(e, l)}</strong>
              {p.showActors ? <span class="muted"> ({e.actor})</span> : null}
              {e.reason ? <blockquote>{e.reason}</blockquote> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
