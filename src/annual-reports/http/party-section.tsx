// The section a party's page in an election carries once the party has filed annual reports: the years
// it reported outside campaigns, each linked to its report, so that a reader of the campaign finds them.
// Nothing is shown for a party without one, so the page of a party that never filed is unchanged.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { listLatestOfParty } from '../annual-reports.repository.ts';
import { annualPath } from '../views/parts.tsx';
import { t } from '../annual-reports.messages.ts';

export async function annualPartySection(
  ctx: AppContext,
  _electionId: string,
  reg: string,
  l: Locale,
): Promise<ComponentChildren> {
  const years = await listLatestOfParty(ctx.db, reg);
  if (years.length === 0) return null;
  return (
    <section aria-labelledby="annual-reports">
      <h2 id="annual-reports">{t(l, 'annual.section.title')}</h2>
      <ul>
        {years.map((v) => (
          <li key={v.year}>
            <a href={`/${l}${annualPath.year(reg, v.year)}`}>{t(l, 'annual.section.year', { year: v.year })}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/${l}${annualPath.party(reg)}`}>{t(l, 'annual.section.all')}</a>
      </p>
    </section>
  );
}
