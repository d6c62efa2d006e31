// HTTP for the ballot-order lottery: the public record of each draw (public.routes.tsx) and the
// commission's console (console.routes.tsx); and the lottery's section on the election page.
import type { FastifyInstance } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { lotterySummaryOf } from '../draw-record.service.ts';
import { ElectionLotterySection } from '../views/election-lottery.section.tsx';
import { publicLotteryRoutes } from './public.routes.tsx';
import { consoleRoutes } from './console.routes.tsx';

/** Needs authPlugin (principal, CSRF) and a form-body parser registered first, as every guarded route does. */
export function lotteryRoutes(app: FastifyInstance, ctx: AppContext): void {
  publicLotteryRoutes(app, ctx);
  consoleRoutes(app, ctx);
}

/** The lottery's section on the election page, so that every election links to its lottery. */
export async function lotteryElectionSection(
  ctx: AppContext,
  electionId: string,
  locale: Locale,
): Promise<ComponentChildren> {
  const { current, count, status } = await lotterySummaryOf(ctx, electionId);
  return (
    <ElectionLotterySection locale={locale} electionId={electionId} status={status} current={current} count={count} />
  );
}
