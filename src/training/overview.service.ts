// The commission's overview of training (per person, role and organisation; its CSV; reminders) and the
// administrators' security review of the accounts. Both read the accounts' facts through the accounts
// capability and judge them with the pure core.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { csvDocument } from '../platform/csv.ts';
import {
  accountFacts,
  canSendMail,
  liveTokenFacts,
  sendMailInBackground,
  type AccountFacts,
} from '../accounts/index.ts';
import type { Locale } from '../domain/election.ts';
import { pick } from '../platform/web/index.ts';
import type { Course } from './core/course.ts';
import { organisationOf, type PersonCompletion } from './core/completion.ts';
import { missingRequirements } from './core/requirements.ts';
import { DEFAULT_THRESHOLDS, securityPosture, type PostureItem } from './core/posture.ts';
import { certificatesOf, passesOf } from './training.repository.ts';
import { isoDay, requirementsOf, standingFrom } from './training.service.ts';
import { t } from './training.messages.ts';
import { myTrainingPath } from './views/paths.ts';

const DAY = 86_400_000;

async function activeAccounts(ctx: AppContext): Promise<AccountFacts[]> {
  const now = ctx.now();
  const since = new Date(now.getTime() - DEFAULT_THRESHOLDS.failureDays * DAY).toISOString();
  return accountFacts(ctx.db, now.toISOString(), since);
}

/** Every enabled account's progress through the course and what its role still lacks. */
export async function courseCompletion(ctx: AppContext, course: Course): Promise<PersonCompletion[]> {
  const people = (await activeAccounts(ctx)).filter((a) => !a.disabled);
  const [passes, certificates] = await Promise.all([passesOf(ctx.db, course.id), certificatesOf(ctx.db, course.id)]);
  const today = isoDay(ctx.now());
  const requirements = requirementsOf(ctx);
  return people.map((a) => {
    const mine = certificates.filter((c) => c.userId === a.id);
    const months = requirements
      .filter((r) => r.role === a.role)
      .flatMap((r) => r.courses.filter((c) => c.id === course.id).map((c) => c.withinMonths))
      .find((m) => m !== undefined);
    const s = standingFrom(course, passes.get(a.id) ?? [], mine, today, months);
    const passedOn = { [course.id]: s.certificate?.issuedOn };
    const missing = missingRequirements(
      requirements.map((r) => ({ ...r, courses: r.courses.filter((c) => c.id === course.id) })),
      { role: a.role, totpEnabled: a.totpEnabled, passedOn },
      today,
    );
    return {
      userId: a.id,
      login: a.login,
      displayName: a.displayName,
      role: a.role,
      organisation: organisationOf(a),
      lessonsPassed: s.progress.passedCount,
      lessons: course.lessons.length,
      certifiedOn: s.certificate?.issuedOn,
      missing: missing.length,
    };
  });
}

export function organisationLabel(l: Locale, organisation: string): string {
  if (organisation.startsWith('party:')) return t(l, 'training.commission.party', { reg: organisation.slice(6) });
  if (organisation.startsWith('bank:')) return t(l, 'training.commission.bank', { bank: organisation.slice(5) });
  return t(l, 'training.commission.commission');
}

/** The per-person table as CSV, in the reader's language for the headings. */
export function completionCsv(l: Locale, rows: readonly PersonCompletion[]): string {
  return csvDocument(
    ['login', 'name', 'role', 'organisation', 'lessons_passed', 'lessons', 'certified_on', 'requirements_missing'],
    rows.map((r) => [
      r.login,
      r.displayName,
      r.role,
      organisationLabel(l, r.organisation),
      r.lessonsPassed,
      r.lessons,
      r.certifiedOn ?? '',
      r.missing,
    ]),
  );
}

/**
 * Reminds everyone enabled who has not passed the course: an activity record per person, and a mail
 * where the person has an address and the installation can send mail.
 */
export async function remindUncertified(
  ctx: AppContext,
  course: Course,
  actor: string,
  l: Locale,
): Promise<{ reminded: number; mailed: number }> {
  const rows = (await courseCompletion(ctx, course)).filter((r) => r.certifiedOn === undefined);
  const emails = new Map((await activeAccounts(ctx)).map((a) => [a.id, a.email]));
  const mail = canSendMail(ctx);
  let mailed = 0;
  const now = ctx.now();
  for (const r of rows) {
    await recordActivity(
      ctx.db,
      {
        actor,
        action: 'training.reminded',
        entityType: 'user',
        entityId: String(r.userId),
        after: { course: course.id, version: course.version },
      },
      now,
    );
    const to = emails.get(r.userId);
    if (mail && to) {
      const link = `${ctx.config.publicUrl ?? ''}${myTrainingPath(l)}`;
      void sendMailInBackground(ctx, {
        to,
        subject: t(l, 'training.reminder.subject'),
        text: t(l, 'training.reminder.body', { title: pick(course.title, l), link }),
      });
      mailed++;
    }
  }
  return { reminded: rows.length, mailed };
}

export async function postureReview(ctx: AppContext): Promise<PostureItem[]> {
  const now = ctx.now();
  const [accounts, tokens] = await Promise.all([activeAccounts(ctx), liveTokenFacts(ctx.db, now.toISOString())]);
  return securityPosture(accounts, tokens, now);
}
