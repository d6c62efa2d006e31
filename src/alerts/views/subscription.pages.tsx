// The public pages of e-mail notices: the form that asks for them, and the confirmation and
// unsubscribe pages the mailed links open. Those two change nothing on a GET (mail scanners follow
// links): the visitor presses the button, which POSTs the token.
import type { Election, Locale } from '../../domain/election.ts';
import { CsrfField, Input, Notice, Page, pick, renderPage } from '../../platform/web/index.ts';
import { t } from '../alerts.messages.ts';

export const subscribePath = (l: Locale, electionId: string) =>
  `/${l}/elections/${encodeURIComponent(electionId)}/alerts`;

export function SubscribePage(p: {
  locale: Locale;
  csrf: string;
  election: Election;
  party: string | undefined;
  partyName: string | undefined;
  canMail: boolean;
  notice?: { kind: 'done' | 'warn'; text: string } | undefined;
  email?: string | undefined;
}) {
  const l = p.locale;
  const title = t(l, 'alerts.subscribe.title');
  const what = p.partyName ? `${p.partyName} — ${pick(p.election.name, l)}` : pick(p.election.name, l);
  return renderPage(
    <Page
      locale={l}
      title={title}
      path={`/elections/${encodeURIComponent(p.election.id)}/alerts${p.party ? `?party=${encodeURIComponent(p.party)}` : ''}`}
      synthetic={p.election.synthetic}
    >
      <h1>{title}</h1>
      <p class="muted">{what}</p>
      {p.notice ? <Notice kind={p.notice.kind} text={p.notice.text} /> : null}
      {p.canMail ? (
        <>
          <p>{t(l, 'alerts.subscribe.lead')}</p>
          <form method="post" action={subscribePath(l, p.election.id)}>
            <CsrfField token={p.csrf} />
            {p.party ? <input type="hidden" name="party" value={p.party} /> : null}
            <Input
              locale={l}
              name="email"
              type="email"
              label={t(l, 'alerts.subscribe.email')}
              required
              value={p.email}
            />
            <button type="submit">{t(l, 'alerts.subscribe.submit')}</button>
          </form>
        </>
      ) : (
        <p>{t(l, 'alerts.subscribe.noMail')}</p>
      )}
    </Page>,
  );
}

/** The page of a mailed link: a button that POSTs its token, or the outcome. */
export function TokenPage(p: {
  locale: Locale;
  csrf: string;
  kind: 'confirm' | 'unsubscribe';
  token: string;
  outcome?: { ok: boolean } | undefined;
}) {
  const l = p.locale;
  const title = t(l, p.kind === 'confirm' ? 'alerts.confirm.title' : 'alerts.unsubscribe.title');
  const done = t(l, p.kind === 'confirm' ? 'alerts.confirm.done' : 'alerts.unsubscribe.done');
  return renderPage(
    <Page locale={l} title={title} path={`/alerts/${p.kind}`}>
      <h1>{title}</h1>
      {p.outcome ? (
        <Notice kind={p.outcome.ok ? 'done' : 'warn'} text={p.outcome.ok ? done : t(l, 'alerts.confirm.invalid')} />
      ) : (
        <form method="post" action={`/${l}/alerts/${p.kind}`}>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="token" value={p.token} />
          <button type="submit">
            {t(l, p.kind === 'confirm' ? 'alerts.confirm.button' : 'alerts.unsubscribe.button')}
          </button>
        </form>
      )}
    </Page>,
  );
}
