// Public pages of voter services: the lookup (its answer only to a POST, so a PIN is never in an address
// or a log line), the stations with their map, the mobile groups with their calendars, the request to
// change the voting address and its status. The POSTs are limited per client.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { bishkekDay } from '../../domain/report-deadlines.ts';
import {
  defineRoutes,
  notFound,
  parseLocale,
  publicGet,
  renderPage,
  route,
  sendDownload,
  sendHtml,
  sendPrivateHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { readLookupQuery } from '../core/lookup.ts';
import { groupCalendar } from '../core/icalendar.ts';
import { listStillLoading, lookupVoter } from '../lookup.service.ts';
import {
  listMobileGroups,
  listStations,
  listStationsPage,
  stationPlaces,
  type StationFilter,
  type StationKey,
} from '../stations.repository.ts';
import { LookupPage } from '../views/lookup.page.tsx';
import { LEAFLET_PATH, MAP_SCRIPT_PATH, StationsPage } from '../views/stations.page.tsx';
import { MobileGroupsPage } from '../views/mobile-groups.page.tsx';
import { errorsOf } from '../views/parts.tsx';
import { t } from '../voters.messages.ts';
import { STATIONS_MAP_SCRIPT } from './map-script.ts';
import { LimitReached, limitPerClient } from './rate-limit.ts';
import { ADDRESS_CHANGE_FORMS, ADDRESS_CHANGE_POSTS, limitedAddressChangePage } from './address-change.routes.tsx';
import { HOME_COUNTRY } from '../core/station-rows.ts';
import { LocaleOnly, localeForm, localePage } from './public-route.ts';

/** Stations per page of a filtered list: a region such as Bishkek has hundreds. */
export const STATIONS_PER_PAGE = 50;

/** The `after` of a stations page's address: where the previous page ended, opaque to the visitor. */
function encodeStationKey(k: StationKey): string {
  return Buffer.from(JSON.stringify([k.country, k.city, k.number]), 'utf8').toString('base64url');
}

const StationKeyToken = z
  .string()
  .max(400)
  .transform((token, c): StationKey => {
    try {
      const parts: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      if (Array.isArray(parts) && parts.length === 3 && parts.every((x) => typeof x === 'string')) {
        const [country, city, number] = parts as [string, string, string];
        return { country, city, number };
      }
    } catch {
      // Not JSON: the same answer as any other unreadable token.
    }
    c.addIssue({ code: 'custom', message: 'not a page of this list' });
    return z.NEVER;
  });

const LookupForm = z.object({ pin: z.string().max(40), surname: z.string().max(100) });
const StationsQuery = z.object({
  region: z.string().max(60).optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  city: z.string().max(60).optional().catch(undefined),
  // A token nobody could have been given starts the list again rather than refusing the page.
  after: StationKeyToken.optional().catch(undefined),
});
const CalendarParams = LocaleOnly.extend({ id: z.coerce.number().int().positive() });

async function lookupPage(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  extra: Omit<Parameters<typeof LookupPage>[0], 'locale' | 'csrf' | 'loading'> = {},
  status = 200,
) {
  const page = <LookupPage locale={l} csrf={reply.generateCsrf()} loading={await listStillLoading(ctx)} {...extra} />;
  return sendPrivateHtml(reply, renderPage(page), status);
}

const LOOKUP_ROUTES: readonly RouteDef[] = [
  localeForm('voters.lookup.answer', '/:locale/voters/lookup', LookupForm, async ({ ctx, reply, locale, form }) => {
    const q = form.ok ? readLookupQuery(form.value.pin, form.value.surname) : form;
    if (!q.ok) return lookupPage(ctx, reply, locale, { errors: errorsOf(locale, q.error, ['pin', 'surname']) }, 422);
    const answer = await lookupVoter(ctx, q.value);
    return lookupPage(ctx, reply, locale, { answer, letters: q.value.letters }, answer.found ? 200 : 404);
  }),
];

/** The tiles' origin, for the map page's Content-Security-Policy. */
function tilesOrigin(template: string): string {
  return new URL(template.replace(/\{[a-z]+\}/g, '0')).origin;
}

/** The address of the stations page for this filter, starting after `after` when given. */
function stationsHref(l: Locale, f: StationFilter, after?: StationKey): string {
  const q = new URLSearchParams();
  for (const key of ['region', 'country', 'city'] as const) if (f[key]) q.set(key, f[key]);
  if (after) q.set('after', encodeStationKey(after));
  return `/${l}/voters/stations?${q.toString()}`;
}

async function stationsPage(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  { after, ...f }: StationFilter & { after?: StationKey | undefined },
) {
  const settings = ctx.config.voters;
  const filtered = Boolean(f.region || f.country || f.city);
  // A filtered list comes a page at a time; the map, when there is one, still shows all it selects.
  const [places, page, all] = await Promise.all([
    stationPlaces(ctx.db),
    filtered ? listStationsPage(ctx.db, f, after, STATIONS_PER_PAGE) : undefined,
    !filtered || settings.mapTiles ? listStations(ctx.db, f) : undefined,
  ]);
  const stations = page ? page.stations : (all ?? []).filter((s) => s.country !== HOME_COUNTRY);
  const regionCounts = filtered
    ? undefined
    : places.regions.flatMap((region) => {
        const count = (all ?? []).filter((s) => s.country === HOME_COUNTRY && s.districtCommission === region).length;
        return count > 0 ? [{ region, count }] : [];
      });
  const map =
    settings.mapTiles && all
      ? { tiles: settings.mapTiles, attribution: settings.mapAttribution, stations: all }
      : undefined;
  const pager = page && {
    firstHref: after ? stationsHref(l, f) : null,
    nextHref: page.next ? stationsHref(l, f, page.next) : null,
  };
  const html = renderPage(
    <StationsPage
      locale={l}
      filter={f}
      places={places}
      stations={stations}
      regionCounts={regionCounts}
      map={map}
      pager={pager}
    />,
  );
  if (!settings.mapTiles) return sendHtml(reply, html);
  // The map's tiles come from the configured server: this page alone lets images from there, and is
  // kept out of the shared page cache, which would replay it without this header.
  const csp = String(reply.getHeader('content-security-policy') ?? '').replace(
    /img-src ([^;]*)/,
    (_m, v: string) => `img-src ${v} ${tilesOrigin(settings.mapTiles ?? '')}`,
  );
  return reply
    .header('content-security-policy', csp)
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(html);
}

const PAGE_ROUTES: readonly RouteDef[] = [
  localePage('voters.lookup', '/:locale/voters/lookup', ({ ctx, reply, locale }) => lookupPage(ctx, reply, locale)),
  route({
    id: 'voters.stations',
    method: 'GET',
    url: '/:locale/voters/stations',
    access: { kind: 'public' },
    params: LocaleOnly,
    query: StationsQuery,
    handler: ({ ctx, reply, locale, query }) => stationsPage(ctx, reply, locale, query),
  }),
  localePage('voters.groups', '/:locale/voters/mobile-groups', async ({ ctx, reply, locale }) => {
    const today = bishkekDay(ctx.now());
    const groups = (await listMobileGroups(ctx.db)).map((g) => ({
      ...g,
      visits: [...g.visits.filter((v) => v.endsOn >= today), ...g.visits.filter((v) => v.endsOn < today).reverse()],
    }));
    const next = (g: (typeof groups)[number]) => g.visits.find((v) => v.endsOn >= today)?.startsOn ?? '9999';
    groups.sort((a, b) => next(a).localeCompare(next(b)));
    return sendHtml(reply, renderPage(<MobileGroupsPage locale={locale} today={today} groups={groups} />));
  }),
  publicGet(
    'voters.groups.calendar',
    '/:locale/voters/mobile-groups/:id/calendar.ics',
    CalendarParams,
    async ({ ctx, req, reply, locale, params }) => {
      const g = (await listMobileGroups(ctx.db)).find((x) => x.id === params.id);
      if (!g) return notFound(reply, locale);
      const body = groupCalendar({
        groupId: g.id,
        summary: t(locale, 'voters.groups.summary', { city: g.city }),
        location: `${g.address[locale]}, ${g.city}`,
        description: g.services.map((s) => t(locale, `voters.groups.service.${s}`)).join(', '),
        visits: g.visits,
        host: req.hostname.split(':')[0] ?? 'talapker',
        stamp: ctx.now(),
      });
      return sendDownload(reply, {
        type: 'text/calendar; charset=utf-8',
        filename: `mobile-group-${g.id}.ics`,
        body,
      });
    },
  ),
];

/** The 429 of a limited form, as the page the form is on. */
async function limitedPage(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, seconds: number) {
  const l = parseLocale(req.url.split('/')[1]) ?? 'en';
  reply.header('retry-after', String(seconds));
  if (req.url.includes('/voters/lookup')) return lookupPage(ctx, reply, l, { limitedFor: seconds }, 429);
  return limitedAddressChangePage(ctx, req, reply, l, seconds);
}

const leafletDir = dirname(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.js'));
const LEAFLET_FILES = new Set([
  'leaflet.js',
  'leaflet.css',
  'images/marker-icon.png',
  'images/marker-icon-2x.png',
  'images/marker-shadow.png',
  'images/layers.png',
  'images/layers-2x.png',
]);
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
};

function assetRoutes(app: FastifyInstance): void {
  app.get<{ Params: { '*': string } }>(`${LEAFLET_PATH}/*`, async (req, reply) => {
    const file = req.params['*'];
    if (!LEAFLET_FILES.has(file)) return reply.status(404).send('Not found');
    const body = await readFile(join(leafletDir, file));
    return reply
      .header('content-type', TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=86400')
      .send(body);
  });
  app.get(MAP_SCRIPT_PATH, async (_req, reply) =>
    reply.header('content-type', TYPES.js).header('cache-control', 'public, max-age=3600').send(STATIONS_MAP_SCRIPT),
  );
}

export async function votersPublicRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  assetRoutes(app);
  await defineRoutes(app, ctx, [...PAGE_ROUTES, ...ADDRESS_CHANGE_FORMS]);
  await app.register(async (scope) => {
    await limitPerClient(scope, ctx.config.voters.lookupLimitPerMinute);
    scope.setErrorHandler(async (error, req, reply) => {
      if (error instanceof LimitReached) return limitedPage(ctx, req, reply, error.seconds);
      throw error;
    });
    await defineRoutes(scope, ctx, [...LOOKUP_ROUTES, ...ADDRESS_CHANGE_POSTS]);
  });
}

export const VOTERS_PUBLIC_ROUTES: readonly RouteDef[] = [
  ...PAGE_ROUTES,
  ...ADDRESS_CHANGE_FORMS,
  ...LOOKUP_ROUTES,
  ...ADDRESS_CHANGE_POSTS,
];
