// The treasurer's pages as the draft routes answer with them: the workspace and the draft editor, each
// with the values and errors of a refused form when there is one (422), and the notice after a redirect.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { h } from 'preact';
import {
  ConfirmPage,
  fieldsToRepost,
  notFound,
  pick,
  sendPrivateHtml,
  type FieldError,
} from '../../platform/web/index.ts';
import { can } from '../../accounts/index.ts';
import type { FormFields } from '../core/draft.ts';
import { loadDraft, loadTreasurerHome } from '../draft.service.ts';
import { DraftPage, type FailedForm } from '../views/draft.page.tsx';
import { TreasurerHomePage } from '../views/treasurer-home.page.tsx';
import { t } from '../filing.messages.ts';
import { partyName, reportKindLabel } from '../views/common.tsx';
import { treasurerCrumbs } from '../views/form-errors.ts';
import type { LineSection } from '../core/filing.ts';
import { me } from './access.ts';
import { doneText } from './replies.ts';

export const draftUrl = (locale: Locale, draftId: number, rest = '') => `/${locale}/treasurer/drafts/${draftId}${rest}`;

/** The workspace, with the errors of a refused "new report" form when there are some. */
export async function renderHome(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  failed?: { errors: FieldError[]; values: FormFields },
) {
  const principal = me(req);
  const own = principal.partyRegistrationNumber;
  const home = await loadTreasurerHome(ctx, own);
  const html = TreasurerHomePage({
    locale,
    csrfToken: reply.generateCsrf(),
    principal,
    ...home,
    canWrite: can(principal, 'filing.draft.write', { partyRegistrationNumber: own }),
    ...(failed ? { errors: failed.errors, values: failed.values } : {}),
    done: doneText(locale, req.query),
  });
  return sendPrivateHtml(reply, html, failed ? 422 : 200);
}

/** The draft page, with a refused form's values and errors when there are some. */
export async function renderDraft(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  draftId: number,
  failed?: FailedForm,
) {
  const view = await loadDraft(ctx, draftId);
  if (!view) return notFound(reply, locale);
  const principal = me(req);
  const resource = { partyRegistrationNumber: view.chain.partyRegistrationNumber };
  const html = DraftPage({
    locale,
    csrfToken: reply.generateCsrf(),
    view,
    idempotencyKey: randomUUID(),
    canWrite: can(principal, 'filing.draft.write', resource),
    canSubmit: can(principal, 'filing.submit', resource),
    ...(failed ? { failed } : {}),
    done: doneText(locale, req.query),
  });
  return sendPrivateHtml(reply, html, failed ? 422 : 200);
}

/** An action on a draft that cannot be undone, and so is asked about first. */
export type DraftConfirmation =
  { kind: 'submit' } | { kind: 'discard' } | { kind: 'deleteLine'; section: LineSection; lineId: string };

/**
 * The confirmation step of submitting, discarding or deleting a line (the first post, without
 * `confirmed=1`): what is about to happen, and the same form again. Nothing is written.
 */
export async function renderDraftConfirmation(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  draftId: number,
  what: DraftConfirmation,
) {
  const view = await loadDraft(ctx, draftId);
  if (!view) return notFound(reply, locale);
  const kind = reportKindLabel(locale, view.chain.reportKind);
  const party = partyName(locale, view.party, view.chain.partyRegistrationNumber);
  const draftTitle = t(locale, 'filings.draft.title', { kind, party });
  const title =
    what.kind === 'deleteLine'
      ? t(locale, 'filings.confirm.deleteLine.title', { id: what.lineId })
      : t(locale, `filings.confirm.${what.kind}.title`);
  const text =
    what.kind === 'submit'
      ? t(locale, 'filings.submit.intro')
      : what.kind === 'discard'
        ? t(locale, 'filings.confirm.discard.text')
        : t(locale, 'filings.confirm.deleteLine.text', { id: what.lineId });
  const back = what.kind === 'deleteLine' ? `#h-${what.section}` : what.kind === 'submit' ? '#submit' : '';
  const html = ConfirmPage({
    locale,
    title,
    path: `/treasurer/drafts/${draftId}`,
    crumbs: [...treasurerCrumbs(locale), { href: draftUrl(locale, draftId), label: draftTitle }, { label: title }],
    action: req.url,
    fields: fieldsToRepost(req.body),
    csrfToken: reply.generateCsrf(),
    yesLabel: t(locale, 'filings.confirm.yes'),
    backHref: draftUrl(locale, draftId, back),
    backLabel: t(locale, 'filings.confirm.back'),
    children: [h('p', {}, h('strong', {}, draftTitle), ` · ${pick(view.election.name, locale)}`), h('p', {}, text)],
  });
  return sendPrivateHtml(reply, html);
}
