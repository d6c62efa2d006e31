// The frame of the donor and payee pages: the way back through the election and its finance, the
// title, and what the figures count and what they never show.
import type { ComponentChildren } from 'preact';
import type { Election, Locale, Localized } from '../../domain/election.ts';
import { ElectionMoneyFrame, pick, type Crumb } from '../../platform/web/index.ts';
import { donorTypeLabels, expenditureCategoryLabels, receiptChannelLabels } from '../../filings/index.ts';
import { t } from '../explore.messages.ts';
import type { Counterpart, Role } from '../core/aggregates.ts';
import { electionFinancePath } from '../core/paths.ts';

export function ExploreFrame(p: {
  locale: Locale;
  election: Election;
  title: string;
  path: string;
  crumbs: Crumb[];
  children: ComponentChildren;
}) {
  const l = p.locale;
  const e = p.election;
  return (
    <ElectionMoneyFrame
      locale={l}
      election={e}
      title={p.title}
      documentTitle={`${p.title}: ${pick(e.name, l)}`}
      path={p.path}
      crumbs={[{ href: `/${l}${electionFinancePath(e.id)}`, label: t(l, 'explore.finance') }, ...p.crumbs]}
      basis={`${t(l, 'explore.basis')} ${t(l, 'explore.privacy')}`}
    >
      {p.children}
    </ElectionMoneyFrame>
  );
}

/** The label of a code in the locale, or the code itself when no label has it. */
function labelOf(labels: Readonly<Record<string, Localized>>, key: string, l: Locale): string {
  return Object.hasOwn(labels, key) ? (labels[key] as Localized)[l] : key;
}

/** A donor's kind or a payment's category, in words. */
export const kindLabel = (role: Role, kind: string, l: Locale) =>
  labelOf(role === 'donor' ? donorTypeLabels : expenditureCategoryLabels, kind, l);

/** A gift's channel, or what a payment was for (already free text). */
export const noteLabel = (role: Role, note: string, l: Locale) =>
  role === 'donor' ? labelOf(receiptChannelLabels, note, l) : note;

export const roleTitle = (role: Role, l: Locale) => t(l, role === 'donor' ? 'explore.donors' : 'explore.payees');

/** The name with the INN of an organisation, or the mark of a name-only group. */
export function Who(p: { c: Counterpart; locale: Locale }) {
  const l = p.locale;
  return (
    <>
      {p.c.name}
      {p.c.inn ? (
        <span class="muted">
          {' '}
          · {t(l, 'explore.col.inn')} {p.c.inn}
        </span>
      ) : null}
      {p.c.basis === 'name' ? (
        <span class="muted" data-basis="name">
          {' '}
          ({t(l, 'explore.byName')})
        </span>
      ) : null}
    </>
  );
}
