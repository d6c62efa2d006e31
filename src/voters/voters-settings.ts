// The operator's settings of voter services, read from the environment at the edge with zod:
// - TALAPKER_MAP_TILES: the map tiles' URL template (`https://…/{z}/{x}/{y}.png`); unset, the stations
//   page is a list without a map, and nothing is loaded from elsewhere.
// - TALAPKER_MAP_ATTRIBUTION: the tiles' attribution line, shown on the map.
// - TALAPKER_LOOKUP_LIMIT: lookups (and other voter forms) per client address per minute (default 20).
// - TALAPKER_DEMO_VOTERS: the length of the demo's synthetic voter list, generated in the background
//   after the server listens (default 3,500,000); the demo itself loads a short list at once.
import { z } from 'zod';

const schema = z.object({
  TALAPKER_MAP_TILES: z
    .string()
    .trim()
    .regex(/^https:\/\/[^\s"'<>]+\{z\}[^\s"'<>]*$/, 'an https URL template with {z}, {x} and {y}')
    .optional()
    .catch(undefined),
  TALAPKER_MAP_ATTRIBUTION: z.string().trim().max(300).optional().catch(undefined),
  TALAPKER_LOOKUP_LIMIT: z.coerce.number().int().positive().default(20).catch(20),
  TALAPKER_DEMO_VOTERS: z.coerce.number().int().min(0).max(20_000_000).default(3_500_000).catch(3_500_000),
});

export interface VoterSettings {
  mapTiles: string | undefined;
  mapAttribution: string;
  lookupLimitPerMinute: number;
  demoVoters: number;
}

export function voterSettings(env: Record<string, string | undefined> = process.env): VoterSettings {
  const e = schema.parse(env);
  return {
    mapTiles: e.TALAPKER_MAP_TILES,
    mapAttribution: e.TALAPKER_MAP_ATTRIBUTION ?? '',
    lookupLimitPerMinute: e.TALAPKER_LOOKUP_LIMIT,
    demoVoters: e.TALAPKER_DEMO_VOTERS,
  };
}

/** The tiles' origin, for the map page's Content-Security-Policy. */
export function tilesOrigin(template: string): string {
  return new URL(template.replace(/\{[a-z]+\}/g, '0')).origin;
}
