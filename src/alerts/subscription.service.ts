// E-mail subscriptions with double opt-in: asking sends a one-time confirmation link (its token kept only
// as a hash) and nothing else; only a confirmed address hears of filed reports, each message with its
// unsubscribe link. The answer to a request is the same whether the address was new, pending or known,
// so the form does not tell who is subscribed. Without SMTP settings there are no e-mail subscriptions.
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../platform/app-context.ts';
import type { Locale } from '../domain/election.ts';
import { parseLocale, pick } from '../platform/web/index.ts';
import { canSendMail, sendMailInBackground } from '../accounts/index.ts';
import { findElection } from '../elections/index.ts';
import { findParticipation, findParty } from '../parties/index.ts';
import { wants, type FiledNotice } from './core/webhook.ts';
import { reportUrl } from './core/paths.ts';
import {
  confirmedSubscriptions,
  countRequestsSince,
  findByUnsubscribeToken,
  findPendingByConfirmHash,
  findSubscription,
  insertSubscription,
  setSubscriptionStatus,
} from './alerts.repository.ts';
import { t } from './alerts.messages.ts';

/** How long a confirmation link works. */
const CONFIRM_TTL_MS = 7 * 86_400_000;
/**
 * Requests per address a day that get a confirmation message: the form is open to anyone, so without a
 * cap it could fill a stranger's mailbox. Beyond it the answer is the same and nothing is sent.
 */
export const REQUESTS_PER_DAY = 3;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const token = () => randomBytes(24).toString('base64url');

export const confirmPath = (l: Locale) => `/${l}/alerts/confirm`;
export const unsubscribePath = (l: Locale) => `/${l}/alerts/unsubscribe`;

export type SubscribeOutcome = 'sent' | 'no_mail' | 'bad_email' | 'not_found';

/** Asks for a subscription: stores it pending and mails the confirmation link. */
export async function requestSubscription(
  ctx: AppContext,
  input: { email: string; electionId: string; party: string | null; locale: Locale },
): Promise<SubscribeOutcome> {
  if (!canSendMail(ctx)) return 'no_mail';
  const email = input.email.trim();
  if (email.length > 254 || !EMAIL.test(email)) return 'bad_email';
  const election = await findElection(ctx.db, input.electionId);
  const party = input.party?.trim() || null;
  if (!election || (party !== null && !(await findParticipation(ctx.db, election.id, party)))) return 'not_found';
  const now = ctx.now();
  if (
    (await countRequestsSince(ctx.db, email, new Date(now.getTime() - 86_400_000).toISOString())) >= REQUESTS_PER_DAY
  ) {
    return 'sent';
  }
  const confirm = token();
  await insertSubscription(ctx.db, {
    email,
    electionId: election.id,
    party,
    locale: input.locale,
    confirmTokenHash: hashOf(confirm),
    unsubscribeToken: token(),
    at: now.toISOString(),
  });
  const l = input.locale;
  const partyName = party ? await partyLabel(ctx, party, l) : undefined;
  const what = partyName ? `${partyName}, ${pick(election.name, l)}` : pick(election.name, l);
  await sendMailInBackground(ctx, {
    to: email,
    subject: t(l, 'alerts.mail.confirmSubject'),
    text: t(l, 'alerts.mail.confirmText', {
      what,
      link: `${ctx.config.publicUrl ?? ''}${confirmPath(l)}?token=${confirm}`,
    }),
  });
  return 'sent';
}

/** Confirms by the mailed token; false for an unknown, used or expired one. */
export async function confirmSubscription(ctx: AppContext, confirmToken: string): Promise<boolean> {
  const s = await findPendingByConfirmHash(ctx.db, hashOf(confirmToken));
  const now = ctx.now();
  if (!s || now.getTime() - Date.parse(s.createdAt) > CONFIRM_TTL_MS) return false;
  await setSubscriptionStatus(ctx.db, s.id, 'confirmed', now.toISOString());
  return true;
}

/** Stops a subscription by its unsubscribe token; false for an unknown one. */
export async function unsubscribe(ctx: AppContext, unsubscribeToken: string): Promise<boolean> {
  const s = await findByUnsubscribeToken(ctx.db, unsubscribeToken);
  if (!s) return false;
  if (s.status !== 'unsubscribed') await setSubscriptionStatus(ctx.db, s.id, 'unsubscribed', ctx.now().toISOString());
  return true;
}

async function partyLabel(ctx: AppContext, reg: string, l: Locale): Promise<string> {
  const p = await findParty(ctx.db, reg);
  return p ? pick(p.shortName, l) || pick(p.name, l) : reg;
}

/** The confirmed subscriptions that want a filing of `party`, for the mail jobs. */
export async function subscriptionsFor(ctx: AppContext, electionId: string, party: string): Promise<number[]> {
  if (!canSendMail(ctx)) return [];
  return (await confirmedSubscriptions(ctx.db, electionId)).filter((s) => wants(s, electionId, party)).map((s) => s.id);
}

/** Mails one confirmed subscriber about a filed report; nothing when it was stopped meanwhile. */
export async function mailNotice(ctx: AppContext, subscriptionId: number, notice: FiledNotice): Promise<boolean> {
  const s = await findSubscription(ctx.db, subscriptionId);
  if (!s || s.status !== 'confirmed') return false;
  const l = parseLocale(s.locale) ?? 'ky';
  const election = await findElection(ctx.db, notice.electionId);
  const party = await partyLabel(ctx, notice.party, l);
  await sendMailInBackground(ctx, {
    to: s.email,
    subject: t(l, 'alerts.mail.filedSubject', { party, version: notice.version }),
    text: t(l, 'alerts.mail.filedText', {
      party,
      election: election ? pick(election.name, l) : notice.electionId,
      version: notice.version,
      link: reportUrl(ctx.config.publicUrl, l, notice.electionId, notice.party, notice.filingId),
      unsubscribe: `${ctx.config.publicUrl ?? ''}${unsubscribePath(l)}?token=${s.unsubscribeToken}`,
    }),
  });
  return true;
}
