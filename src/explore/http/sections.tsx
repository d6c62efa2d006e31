// The election page's way in to the donor and payee lists, shown once the election has filed lines.
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { hasFiledLines } from '../explore.repository.ts';
import { breakdownPath, comparePath, topPath } from '../core/paths.ts';
import { t } from '../explore.messages.ts';

export async function exploreElectionSection(
  ctx: AppContext,
  electionId: string,
  locale: Locale,
): Promise<ComponentChildren> {
  if (!(await hasFiledLines(ctx.db, electionId))) return null;
  const l = locale;
  return (
    <section aria-labelledby="who-gave">
      <h2 id="who-gave">{t(l, 'explore.section.title')}</h2>
      <p>{t(l, 'explore.section.lead')}</p>
      <p>
        <a href={`/${l}${topPath(electionId, 'donor')}`}>{t(l, 'explore.donors')}</a> ·{' '}
        <a href={`/${l}${topPath(electionId, 'payee')}`}>{t(l, 'explore.payees')}</a> ·{' '}
        <a href={`/${l}${breakdownPath(electionId)}`}>{t(l, 'explore.breakdown')}</a> ·{' '}
        <a href={`/${l}${comparePath(electionId)}`}>{t(l, 'explore.compare')}</a>
      </p>
    </section>
  );
}
