// The commission's overview of a course: counts per role and per organisation, every person's progress,
// the CSV of it, and the reminder to everyone who has not passed.
import { CsrfField, DataTable, Notice, Page, day, pick, renderPage, type Column } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { Course } from '../core/course.ts';
import type { CompletionCount, PersonCompletion } from '../core/completion.ts';
import { organisationLabel } from '../overview.service.ts';
import { t } from '../training.messages.ts';
import { completionPath } from './paths.ts';

export const roleLabel = (l: Locale, role: string): string => t.lookup(l, `training.role.${role}`) ?? role;

function countColumns(l: Locale, head: string, label: (k: string) => string): Column<CompletionCount>[] {
  return [
    { key: 'key', label: head, rowHeader: true, cell: (c) => label(c.key) },
    { key: 'people', label: t(l, 'training.col.people'), numeric: true, cell: (c) => c.people },
    { key: 'certified', label: t(l, 'training.col.certified'), numeric: true, cell: (c) => c.certified },
    { key: 'started', label: t(l, 'training.col.started'), numeric: true, cell: (c) => c.started },
  ];
}

function personColumns(l: Locale): Column<PersonCompletion>[] {
  return [
    {
      key: 'person',
      label: t(l, 'training.col.person'),
      rowHeader: true,
      cell: (r) => (
        <>
          {r.displayName} <span class="muted">({r.login})</span>
        </>
      ),
    },
    { key: 'role', label: t(l, 'training.col.role'), cell: (r) => roleLabel(l, r.role) },
    { key: 'org', label: t(l, 'training.col.organisation'), cell: (r) => organisationLabel(l, r.organisation) },
    {
      key: 'lessons',
      label: t(l, 'training.col.lessons'),
      numeric: true,
      cell: (r) => `${r.lessonsPassed} / ${r.lessons}`,
    },
    {
      key: 'cert',
      label: t(l, 'training.col.certifiedOn'),
      cell: (r) => (r.certifiedOn ? day(r.certifiedOn, l) : '—'),
    },
    {
      key: 'missing',
      label: t(l, 'training.col.missing'),
      cell: (r) => (r.missing === 0 ? t(l, 'training.missing.none') : t(l, 'training.missing.some', { n: r.missing })),
    },
  ];
}

export interface CompletionPageProps {
  locale: Locale;
  course: Course;
  people: PersonCompletion[];
  byRole: CompletionCount[];
  byOrganisation: CompletionCount[];
  csrf: string;
  reminded?: { n: number; mailed: number } | undefined;
}

export function CompletionPage(p: CompletionPageProps) {
  const l = p.locale;
  const title = t(l, 'training.commission.title');
  const base = completionPath(l);
  return renderPage(
    <Page locale={l} title={title} path="/commission/training" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t(l, 'training.commission.intro', { title: pick(p.course.title, l) })}</p>
      {p.reminded ? (
        <Notice text={t(l, 'training.commission.reminded', { n: p.reminded.n, mailed: p.reminded.mailed })} />
      ) : null}
      <ul class="actions">
        <li>
          <a href={`${base}.csv`} download>
            {t(l, 'training.commission.export')}
          </a>
        </li>
        <li>
          <form method="post" action={`${base}/reminders`} class="inline">
            <CsrfField token={p.csrf} />
            <button type="submit">{t(l, 'training.commission.remind')}</button>
          </form>
        </li>
      </ul>
      <h2>{t(l, 'training.commission.byRole')}</h2>
      <DataTable
        locale={l}
        columns={countColumns(l, t(l, 'training.col.role'), (k) => roleLabel(l, k))}
        rows={p.byRole}
        rowKey={(c) => c.key}
      />
      <h2>{t(l, 'training.commission.byOrganisation')}</h2>
      <DataTable
        locale={l}
        columns={countColumns(l, t(l, 'training.col.organisation'), (k) => organisationLabel(l, k))}
        rows={p.byOrganisation}
        rowKey={(c) => c.key}
      />
      <h2>{t(l, 'training.commission.byPerson')}</h2>
      <DataTable
        locale={l}
        columns={personColumns(l)}
        rows={p.people}
        rowKey={(r) => r.userId}
        empty={t(l, 'training.commission.none')}
      />
    </Page>,
  );
}
