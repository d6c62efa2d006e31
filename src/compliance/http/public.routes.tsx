// The public side of the findings: the election's register page and the section of a party's page.
// Both show nothing until the commission has published the election's findings: the register answers
// 404, the section is left out of the party page.
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { notFound, publicGet, sendHtml, type RouteDef } from '../../platform/web/index.ts';
import type { Action, Resource } from '../../accounts/index.ts';
import { getElection } from '../../elections/index.ts';
import { getPartyNames } from '../../parties/index.ts';
import { loadPublishedFindings } from '../publication.service.ts';
import { FindingsPartySection } from '../views/party.section.tsx';
import { RegisterPage } from '../views/register.page.tsx';
import { ElectionParams } from './schemas.ts';

export function publicRoutes(): RouteDef<Action, Resource>[] {
  return [
    publicGet('compliance.register', '/:locale/elections/:id/findings', ElectionParams, async (input) => {
      const { ctx, reply, locale, params } = input;
      const election = await getElection(ctx, params.id);
      if (!election) return notFound(reply, locale);
      const published = await loadPublishedFindings(ctx, election.id);
      if (!published) return notFound(reply, locale);
      const names = await getPartyNames(ctx);
      return sendHtml(reply, RegisterPage({ locale, election, published, partyNames: names }));
    }),
  ];
}

/** The findings section of a party's page in an election; nothing before publication. */
export async function findingsPartySection(
  ctx: AppContext,
  electionId: string,
  reg: string,
  locale: Locale,
): Promise<ComponentChildren> {
  const published = await loadPublishedFindings(ctx, electionId, reg);
  if (!published) return null;
  return <FindingsPartySection locale={locale} electionId={electionId} published={published} />;
}
