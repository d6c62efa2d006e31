// Mail to account owners (password reset links, sign-in notices) through the configured SMTP server.
// Without SMTP settings nothing is sent and the pages say to ask an administrator instead.
import nodemailer from 'nodemailer';
import type { AppContext } from '../platform/app-context.ts';
import type { SmtpConfig } from '../platform/config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Whether mail can be sent, and links built: both need the settings `loadConfig` checks together. */
export const canSendMail = (ctx: AppContext): boolean => ctx.config.smtp !== undefined && !!ctx.config.publicUrl;

function transportOf(smtp: SmtpConfig) {
  if (smtp.url) return nodemailer.createTransport(smtp.url);
  return nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: smtp.port === 465 });
}

/**
 * Sends one message. The caller does not wait for it: how long a mail server takes must not tell a
 * visitor whether an account exists. A failure is reported on standard error and otherwise dropped;
 * the person can ask again.
 */
export function sendMailInBackground(ctx: AppContext, mail: Mail): Promise<void> {
  const smtp = ctx.config.smtp;
  if (!smtp) return Promise.resolve();
  return transportOf(smtp)
    .sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text })
    .then(
      () => undefined,
      (e: unknown) => {
        process.stderr.write(`mail to an account owner failed: ${e instanceof Error ? e.message : String(e)}\n`);
      },
    );
}
