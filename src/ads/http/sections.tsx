// The election page's way in to the ad page, shown once a report has been taken in for the election.
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { reportsOfElection } from '../ads.repository.ts';
import { adsPath } from '../views/ads.page.tsx';
import { t } from '../ads.messages.ts';

export async function adsElectionSection(
  ctx: AppContext,
  electionId: string,
  locale: Locale,
): Promise<ComponentChildren> {
  if ((await reportsOfElection(ctx.db, electionId)).length === 0) return null;
  const l = locale;
  return (
    <section aria-labelledby="online-ads">
      <h2 id="online-ads">{t(l, 'ads.title')}</h2>
      <p>{t(l, 'ads.section.lead')}</p>
      <p>
        <a href={`/${l}${adsPath(electionId)}`}>{t(l, 'ads.section.link')}</a>
      </p>
    </section>
  );
}
