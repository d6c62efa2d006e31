// The commission's screen of political advertising for one election: upload a platform's report or the
// National Bank's rates, and decide each advertiser's link to a party — confirm a suggestion as the
// party's own page or as a supporter page, reject it, or link a page the suggestions missed.
import type { Election, Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { CsrfField, Page, pick } from '../../platform/web/index.ts';
import type { BallotEntry } from '../../parties/index.ts';
import type { AdvertiserToMatch } from '../ads.service.ts';
import { describeProblem, t } from '../ads.messages.ts';
import { adsPath } from './ads.page.tsx';

export const commissionAdsPath = (l: Locale) => `/${l}/commission/ads`;

function DecisionForm(p: {
  locale: Locale;
  csrf: string;
  election: string;
  advertiser: string;
  party: string;
  kind: 'own' | 'supporter';
  status: 'confirmed' | 'rejected';
  label: string;
}) {
  return (
    <form method="post" action={`${commissionAdsPath(p.locale)}/links`} class="inline">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="election" value={p.election} />
      <input type="hidden" name="key" value={p.advertiser} />
      <input type="hidden" name="party" value={p.party} />
      <input type="hidden" name="kind" value={p.kind} />
      <input type="hidden" name="status" value={p.status} />
      <button type="submit">{p.label}</button>
    </form>
  );
}

function UploadForm(p: { locale: Locale; csrf: string; election: string; what: 'reports' | 'rates' }) {
  const l = p.locale;
  const id = `ads-${p.what}`;
  return (
    <form method="post" action={`${commissionAdsPath(l)}/${p.what}`} enctype="multipart/form-data">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="election" value={p.election} />
      {p.what === 'reports' ? (
        <p>
          <label for="ads-period">{t(l, 'ads.upload.period')}</label>
          <br />
          <input id="ads-period" name="period" type="text" />
        </p>
      ) : null}
      <p>
        <label for={id}>{t(l, p.what === 'reports' ? 'ads.upload.file' : 'ads.upload.rates')}</label>
        <br />
        <input id={id} name="file" type="file" accept={p.what === 'reports' ? '.csv,.zip' : '.csv'} required />
      </p>
      <button type="submit">{t(l, 'ads.upload')}</button>
    </form>
  );
}

function AdvertiserRow(p: {
  locale: Locale;
  csrf: string;
  election: string;
  advertiser: AdvertiserToMatch;
  ballot: BallotEntry[];
  partyName: (reg: string) => string;
}) {
  const l = p.locale;
  const a = p.advertiser;
  const decision = { locale: l, csrf: p.csrf, election: p.election, advertiser: a.key };
  return (
    <tr>
      <th scope="row">
        {a.name}
        {a.pageId ? <span class="muted"> · {a.pageId}</span> : null}
        {a.disclaimer ? <div class="muted">{a.disclaimer}</div> : null}
      </th>
      <td>
        {a.links.map((x) => (
          <div key={x.party}>
            {p.partyName(x.party)}: {t(l, `ads.status.${x.status}`)} ({t(l, `ads.kind.${x.kind}`)})
          </div>
        ))}
      </td>
      <td>
        {a.suggestions.map((s) => (
          <div key={s.party}>
            {p.partyName(s.party)} <span class="muted">({t(l, `ads.basis.${s.basis}`)})</span>{' '}
            <DecisionForm {...decision} party={s.party} kind="own" status="confirmed" label={t(l, 'ads.confirmOwn')} />{' '}
            <DecisionForm
              {...decision}
              party={s.party}
              kind="supporter"
              status="confirmed"
              label={t(l, 'ads.confirmSupporter')}
            />{' '}
            <DecisionForm {...decision} party={s.party} kind="own" status="rejected" label={t(l, 'ads.reject')} />
          </div>
        ))}
      </td>
      <td>
        <form method="post" action={`${commissionAdsPath(l)}/links`}>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="election" value={p.election} />
          <input type="hidden" name="key" value={a.key} />
          <input type="hidden" name="status" value="confirmed" />
          <select name="party" aria-label={`${t(l, 'ads.col.party')}: ${a.name}`}>
            {p.ballot.map((b) => (
              <option value={b.party.registrationNumber}>{pick(b.party.shortName, l)}</option>
            ))}
          </select>{' '}
          <select name="kind" aria-label={`${t(l, 'ads.col.kind')}: ${a.name}`}>
            <option value="own">{t(l, 'ads.kind.own')}</option>
            <option value="supporter">{t(l, 'ads.kind.supporter')}</option>
          </select>{' '}
          <button type="submit">{t(l, 'ads.linkTo')}</button>
        </form>
      </td>
    </tr>
  );
}

export function CommissionAdsPage(p: {
  locale: Locale;
  csrf: string;
  elections: Election[];
  election: Election | undefined;
  ballot: BallotEntry[];
  advertisers: AdvertiserToMatch[];
  problems: Problem[];
  done: boolean;
}) {
  const l = p.locale;
  const e = p.election;
  const title = t(l, 'ads.commission.title');
  const partyName = (reg: string) =>
    pick(p.ballot.find((b) => b.party.registrationNumber === reg)?.party.shortName ?? { ky: reg, ru: reg, en: reg }, l);
  return (
    <Page locale={l} title={title} path="/commission/ads" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <form method="get" action={commissionAdsPath(l)}>
        <label for="ads-election">{t(l, 'ads.election')}</label>{' '}
        <select id="ads-election" name="election">
          {p.elections.map((x) => (
            <option value={x.id} selected={x.id === e?.id}>
              {pick(x.name, l)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t(l, 'ads.show')}</button>
      </form>
      {p.done ? <p role="status">{t(l, 'ads.upload.done')}</p> : null}
      {p.problems.length > 0 ? (
        <div class="error-summary" role="alert">
          <ul>
            {p.problems.map((x, i) => (
              <li key={i}>{describeProblem(l, x)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {e ? (
        <>
          <p>
            <a href={`/${l}${adsPath(e.id)}`}>{t(l, 'ads.publicPage')}</a>
          </p>
          <h2>{t(l, 'ads.upload')}</h2>
          <UploadForm locale={l} csrf={p.csrf} election={e.id} what="reports" />
          <UploadForm locale={l} csrf={p.csrf} election={e.id} what="rates" />
          <h2>{t(l, 'ads.commission.title')}</h2>
          <p class="muted">{t(l, 'ads.commission.lead')}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'ads.col.advertiser')}</th>
                  <th scope="col">{t(l, 'ads.decided')}</th>
                  <th scope="col">{t(l, 'ads.suggested')}</th>
                  <th scope="col">{t(l, 'ads.linkTo')}</th>
                </tr>
              </thead>
              <tbody>
                {p.advertisers.map((a) => (
                  <AdvertiserRow
                    key={a.key}
                    locale={l}
                    csrf={p.csrf}
                    election={e.id}
                    advertiser={a}
                    ballot={p.ballot}
                    partyName={partyName}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Page>
  );
}
