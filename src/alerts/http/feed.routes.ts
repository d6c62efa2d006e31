// The public Atom feeds of one party and of one donor in an election. Cached like the finance feeds:
// a reader polls, and a filed report reaches the feed within the cache's minute.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import { notFound, PUBLIC_CACHE, publicGet, type RouteDef } from '../../platform/web/index.ts';
import { ATOM_MEDIA_TYPE } from '../../finance/index.ts';
import { donorFilingsFeed, partyFilingsFeed } from '../feed.service.ts';

const PartyFeedParams = z.object({ locale: localeSchema, id: z.string(), reg: z.string() });
const DonorFeedParams = z.object({ locale: localeSchema, id: z.string(), who: z.string() });

function sendFeed(reply: FastifyReply, locale: Locale, xml: string | undefined) {
  if (xml === undefined) return notFound(reply, locale);
  return reply.header('content-type', ATOM_MEDIA_TYPE).header('cache-control', PUBLIC_CACHE).send(xml);
}

const origin = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;

/** A public feed: `write` gives its XML, or undefined for an election, party or donor that is not there. */
function feedRoute<S extends z.ZodObject<{ locale: typeof localeSchema; id: z.ZodString } & Record<string, z.ZodType>>>(
  id: string,
  url: string,
  params: S,
  write: (ctx: AppContext, l: Locale, origin: string, p: z.output<S>) => Promise<string | undefined>,
): RouteDef {
  return publicGet(id, url, params, async ({ ctx, req, reply, locale, params: p }) =>
    sendFeed(reply, locale, await write(ctx, locale, origin(req), p as z.output<S>)),
  );
}

export function feedRoutes(): readonly RouteDef[] {
  return [
    feedRoute('alerts.party.feed', '/:locale/elections/:id/parties/:reg/feed.atom', PartyFeedParams, (ctx, l, o, p) =>
      partyFilingsFeed(ctx, l, o, p.id, p.reg),
    ),
    feedRoute('alerts.donor.feed', '/:locale/elections/:id/donors/:who/feed.atom', DonorFeedParams, (ctx, l, o, p) =>
      donorFilingsFeed(ctx, l, o, p.id, p.who),
    ),
  ];
}
