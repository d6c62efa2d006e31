// The mail accounts send to their owners, in Kyrgyz, Russian and English at once (the portal does
// not know which language a person reads): the notice that sign-in attempts are being slowed down,
// and the password reset link.
import type { AppContext } from '../platform/app-context.ts';
import type { UserRow } from '../platform/db/tables/accounts.tables.ts';
import { LOCALES } from '../domain/election.ts';
import { t } from './accounts.messages.ts';
import { canSendMail, sendMailInBackground } from './mailer.ts';

type Key = Parameters<typeof t>[1];

function inEveryLanguage(key: Key, values: Record<string, string | number>): string {
  return LOCALES.map((l) => t(l, key, values)).join('\n\n---\n\n');
}

const subject = (key: Key) => LOCALES.map((l) => t(l, key)).join(' / ');

/** Mails the owner that their login's attempts are now delayed; false when there is no one to mail. */
export function tellOwnerOfDelays(ctx: AppContext, user: UserRow, what: { failures: number; ip: string }): boolean {
  if (!user.email || !canSendMail(ctx)) return false;
  void sendMailInBackground(ctx, {
    to: user.email,
    subject: subject('accounts.mail.delayed.subject'),
    text: inEveryLanguage('accounts.mail.delayed.body', { login: user.login, failures: what.failures, ip: what.ip }),
  });
  return true;
}

/** Mails a reset link; the promise is for tests and is not awaited by requests. */
export function mailResetLink(ctx: AppContext, to: string, login: string, link: string, minutes: number) {
  return sendMailInBackground(ctx, {
    to,
    subject: subject('accounts.mail.reset.subject'),
    text: inEveryLanguage('accounts.mail.reset.body', { login, link, minutes }),
  });
}
