// Configuration from the environment, read once at the edge and validated.
import { z } from 'zod';
import { resolve } from 'node:path';
import { isIP } from 'node:net';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  TALAPKER_DATA_DIR: z.string().default('data'),
  TALAPKER_PUBLIC_URL: z.string().optional(),
  TALAPKER_UPLOAD_LIMIT_MB: z.coerce.number().positive().default(50),
  TALAPKER_S3_ENDPOINT: z.string().optional(),
  TALAPKER_S3_BUCKET: z.string().optional(),
  TALAPKER_S3_REGION: z.string().default('us-east-1'),
  TALAPKER_TRUST_PROXY: z.string().optional(),
  TALAPKER_PAGE_CACHE_REFRESH_MS: z.coerce.number().int().min(100).default(1000),
  TALAPKER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  TALAPKER_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).optional(),
  TALAPKER_HSTS_MAX_AGE: z.coerce.number().int().min(0).default(31_536_000),
  TALAPKER_REQUIRE_TOTP_STAFF: flag.optional(),
  TALAPKER_SESSION_IDLE_MINUTES: z.coerce.number().positive().optional(),
  TALAPKER_SESSION_MAX_HOURS: z.coerce.number().positive().optional(),
  TALAPKER_TOTP_KEY: z.string().optional(),
  TALAPKER_IDENTITY_KEY: z.string().optional(),
  TALAPKER_LOG_KEY: z.string().optional(),
  TALAPKER_LOG_KEY_FILE: z.string().optional(),
  TALAPKER_SMTP_URL: z.string().optional(),
  TALAPKER_SMTP_HOST: z.string().optional(),
  TALAPKER_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  TALAPKER_SMTP_FROM: z.string().optional(),
  TALAPKER_TRAINING_REQUIREMENTS: z.string().optional(),
  TALAPKER_MAP_TILES: z.string().optional(),
  TALAPKER_MAP_ATTRIBUTION: z.string().trim().max(300).optional(),
  TALAPKER_LOOKUP_LIMIT: z.coerce.number().int().positive().default(20),
  TALAPKER_DEMO_VOTERS: z.coerce.number().int().min(0).max(20_000_000).default(3_500_000),
  TALAPKER_META_ADS_TOKEN: z.string().optional(),
  TALAPKER_META_ADS_COUNTRY: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'TALAPKER_META_ADS_COUNTRY must be a two-letter country code')
    .default('KG'),
  TALAPKER_META_ADS_EVERY: z.coerce.number().min(0).default(0),
  TALAPKER_META_ADS_API: z.string().url().default('https://graph.facebook.com/v21.0'),
  NODE_ENV: z.string().optional(),
});

/**
 * `auto`: the Secure flag follows the request's protocol (X-Forwarded-Proto from a trusted proxy);
 * `always`: every cookie is Secure. Unset: `always` when the public address is https or in production.
 */
export type CookieSecure = 'auto' | 'always' | 'never';

/** The settings of accounts that an operator chooses; the rest are the law of the portal. */
export interface AccountConfig {
  cookieSecure: CookieSecure;
  requireTotpForCommissionStaff: boolean | undefined;
  sessionIdleMinutes: number | undefined;
  sessionMaxHours: number | undefined;
  /** The key that encrypts TOTP secrets at rest (AES-256-GCM): 32 bytes, given as 64 hex digits or base64. */
  totpKey: Buffer | undefined;
}

/**
 * The mail server that sends password reset links and sign-in notices: a URL (`smtp://user:pass@host:587`,
 * `smtps://…:465`), or a host and port. Unset: no mail, and people ask an administrator to reset a password.
 */
export interface SmtpConfig {
  url: string | undefined;
  host: string | undefined;
  port: number;
  /** The sender, e.g. `Talapker <no-reply@talapker.example>`. */
  from: string;
}

function smtpConfig(e: z.infer<typeof envSchema>, publicUrl: string | undefined): SmtpConfig | undefined {
  const url = e.TALAPKER_SMTP_URL?.trim() || undefined;
  const host = e.TALAPKER_SMTP_HOST?.trim() || undefined;
  if (!url && !host) return undefined;
  const from = e.TALAPKER_SMTP_FROM?.trim();
  if (!from) throw new Error('TALAPKER_SMTP_FROM is needed with TALAPKER_SMTP_URL or TALAPKER_SMTP_HOST');
  // Links in mail are built from the configured address, never from a request's Host header,
  // which anyone can set to their own site and so receive someone else's reset link.
  if (!publicUrl) throw new Error('TALAPKER_PUBLIC_URL is needed for the links in mail when SMTP is set');
  return { url, host, port: e.TALAPKER_SMTP_PORT, from };
}

/**
 * The secret behind the public identifiers of donors and payees (a keyed hash of their PIN or INN): at
 * least 32 characters. Unset: each installation makes one and keeps it in its data folder (see
 * `src/explore/identity-key.ts`).
 */
export function parseIdentityKey(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if (v.length < 32) throw new Error('TALAPKER_IDENTITY_KEY must be at least 32 characters');
  return v;
}

export function parseTotpKey(value: string | undefined): Buffer | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (key.length !== 32)
    throw new Error('TALAPKER_TOTP_KEY must be 32 bytes: 64 hexadecimal digits or 44 characters of base64');
  return key;
}

/**
 * The proxies whose X-Forwarded-For (and -Proto, -Host) is believed: none (false), the nearest n hops, or
 * those at the listed addresses and CIDR ranges. Anyone can send the header, so by default nobody is
 * believed and the client's address is the socket's: the per-address sign-in limit and the audit log
 * depend on it.
 */
export type TrustProxy = false | number | string[];

function isAddressOrRange(s: string): boolean {
  const [address = '', bits, ...rest] = s.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * The HTTP server's form of it. A number becomes "trust the nearest n hops" (Fastify itself trusts no one
 * for a number); the portal must then be reachable only through those proxies.
 */
export function trustProxyOption(tp: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof tp !== 'number') return tp;
  return (_address, hop) => hop < tp;
}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '') return false;
  if (/^\d+$/.test(v)) return Number(v) === 0 ? false : Number(v);
  const list = v.split(',').map((x) => x.trim());
  const bad = list.filter((x) => !isAddressOrRange(x));
  if (bad.length > 0) {
    throw new Error(
      `TALAPKER_TRUST_PROXY must be a number of proxy hops or a comma-separated list of IP addresses and CIDR ranges; not: ${bad.map((x) => JSON.stringify(x)).join(', ')}`,
    );
  }
  return list;
}

/**
 * What a role must have before the sensitive screens open: two-step sign-in, and a course passed within
 * a number of months (none: once passed, always). Roles and course ids are the capabilities' own words;
 * the training capability checks them.
 */
export interface TrainingRequirement {
  role: string;
  totp: boolean;
  courses: Array<{ id: string; withinMonths: number | undefined }>;
}

/** The course every commission role takes, and how long a pass counts, unless the installation says otherwise. */
export const DEFAULT_TRAINING_REQUIREMENTS =
  'commission_admin=totp,cyber-hygiene@12;commission_analyst=cyber-hygiene@12';

/**
 * `role=item,item;role=…` where an item is `totp`, `<course-id>` or `<course-id>@<months>`; `off` or empty:
 * no requirement. Unset: the default in production (`NODE_ENV=production`), none elsewhere, so that a
 * development installation or a test opens every screen unless it asks for the requirements.
 */
export function parseTrainingRequirements(value: string | undefined, production: boolean): TrainingRequirement[] {
  const v = (value ?? (production ? DEFAULT_TRAINING_REQUIREMENTS : '')).trim();
  if (v === '' || v === 'off') return [];
  return v
    .split(';')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [role = '', items = '', ...rest] = part.split('=').map((x) => x.trim());
      if (!/^[a-z_]+$/.test(role) || rest.length > 0)
        throw new Error(`TALAPKER_TRAINING_REQUIREMENTS: cannot read ${JSON.stringify(part)}`);
      const req: TrainingRequirement = { role, totp: false, courses: [] };
      for (const item of items.split(',').map((x) => x.trim())) {
        const m = /^([a-z0-9-]+)(?:@(\d{1,3}))?$/.exec(item);
        if (!m?.[1]) throw new Error(`TALAPKER_TRAINING_REQUIREMENTS: cannot read ${JSON.stringify(item)}`);
        if (m[1] === 'totp' && m[2] === undefined) req.totp = true;
        else req.courses.push({ id: m[1], withinMonths: m[2] === undefined ? undefined : Number(m[2]) });
      }
      return req;
    });
}

/** The operator's settings of voter services. */
export interface VoterConfig {
  /** The map tiles' URL template (`https://…/{z}/{x}/{y}.png`); unset: the stations page is a list without a map. */
  mapTiles: string | undefined;
  /** The tiles' attribution line, shown on the map. */
  mapAttribution: string;
  /** Lookups (and other voter forms) per client address per minute, in each instance. */
  lookupLimitPerMinute: number;
  /** The length of the demo's full synthetic voter list, generated in the background after the server listens. */
  demoVoters: number;
}

/**
 * Only https, so the map page's Content-Security-Policy can name the tiles' origin and the visitor's
 * browser asks no one over plain http; `{z}` is what makes it a template rather than one picture.
 */
export function parseMapTiles(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if (!/^https:\/\/[^\s"'<>]+\{z\}[^\s"'<>]*$/.test(v))
    throw new Error('TALAPKER_MAP_TILES must be an https URL template with {z}, {x} and {y}');
  return v;
}

/**
 * Meta's Ad Library API, from which political ads are fetched for each election (reports can always be
 * uploaded by hand as well). Unset token: nothing is fetched; `everyHours` 0: only `talapker ads fetch`.
 */
export interface MetaAdsConfig {
  token: string | undefined;
  /** The country the ads reached (ISO 3166-1 alpha-2, upper case). */
  country: string;
  /** Hours between the background fetches of each election in its campaign; 0: none. */
  everyHours: number;
  /** The Graph API's address with its version, e.g. `https://graph.facebook.com/v21.0`. */
  api: string;
}

export interface Config {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  sqlitePath: string;
  uploadLimitBytes: number;
  s3: { endpoint: string | undefined; bucket: string; region: string } | undefined;
  trustProxy: TrustProxy;
  /** The server's log (JSON lines on standard output): `warn` keeps requests out of it, `info` adds them. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The portal's public address, e.g. `https://talapker.example` (links in sitemaps and e-mails). */
  publicUrl: string | undefined;
  /** Strict-Transport-Security max-age, sent on https responses; 0: none. */
  hstsMaxAge: number;
  /**
   * How often the page cache asks the database whether anything changed (ms). Writes through this
   * instance, and on PostgreSQL through any instance, are seen at once; the poll brings in the rest.
   */
  pageCacheRefreshMs: number;
  accounts: AccountConfig;
  smtp: SmtpConfig | undefined;
  /** The secret of donors' and payees' public identifiers; unset: the installation's own, in the data folder. */
  identityKey?: string | undefined;
  /** The transparency log's signing key (a signed-note `PRIVATE+KEY+…` string) or the file holding it; unset: the data folder's. */
  logKey?: { key?: string | undefined; file?: string | undefined } | undefined;
  /** Per role, what must be in place before the sensitive screens open; absent or empty: nothing. */
  trainingRequirements?: TrainingRequirement[] | undefined;
  /** Meta's Ad Library API; absent (in contexts built by hand): nothing is fetched. */
  metaAds?: MetaAdsConfig | undefined;
  voters: VoterConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const dataDir = resolve(e.TALAPKER_DATA_DIR);
  const publicUrl = e.TALAPKER_PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  return {
    databaseUrl: e.DATABASE_URL || undefined,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    sqlitePath: resolve(dataDir, 'talapker.sqlite'),
    uploadLimitBytes: Math.round(e.TALAPKER_UPLOAD_LIMIT_MB * 1024 * 1024),
    s3: e.TALAPKER_S3_BUCKET
      ? { endpoint: e.TALAPKER_S3_ENDPOINT, bucket: e.TALAPKER_S3_BUCKET, region: e.TALAPKER_S3_REGION }
      : undefined,
    trustProxy: parseTrustProxy(e.TALAPKER_TRUST_PROXY),
    logLevel: e.TALAPKER_LOG_LEVEL,
    publicUrl,
    hstsMaxAge: e.TALAPKER_HSTS_MAX_AGE,
    pageCacheRefreshMs: e.TALAPKER_PAGE_CACHE_REFRESH_MS,
    accounts: {
      cookieSecure:
        e.TALAPKER_COOKIE_SECURE ??
        (/^https:/i.test(e.TALAPKER_PUBLIC_URL ?? '') || e.NODE_ENV === 'production' ? 'always' : 'auto'),
      requireTotpForCommissionStaff: e.TALAPKER_REQUIRE_TOTP_STAFF,
      sessionIdleMinutes: e.TALAPKER_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.TALAPKER_SESSION_MAX_HOURS,
      totpKey: parseTotpKey(e.TALAPKER_TOTP_KEY),
    },
    smtp: smtpConfig(e, publicUrl),
    identityKey: parseIdentityKey(e.TALAPKER_IDENTITY_KEY),
    logKey: { key: e.TALAPKER_LOG_KEY?.trim() || undefined, file: e.TALAPKER_LOG_KEY_FILE?.trim() || undefined },
    trainingRequirements: parseTrainingRequirements(e.TALAPKER_TRAINING_REQUIREMENTS, e.NODE_ENV === 'production'),
    metaAds: {
      token: e.TALAPKER_META_ADS_TOKEN?.trim() || undefined,
      country: e.TALAPKER_META_ADS_COUNTRY.toUpperCase(),
      everyHours: e.TALAPKER_META_ADS_EVERY,
      api: e.TALAPKER_META_ADS_API.replace(/\/+$/, ''),
    },
    voters: {
      mapTiles: parseMapTiles(e.TALAPKER_MAP_TILES),
      mapAttribution: e.TALAPKER_MAP_ATTRIBUTION ?? '',
      lookupLimitPerMinute: e.TALAPKER_LOOKUP_LIMIT,
      demoVoters: e.TALAPKER_DEMO_VOTERS,
    },
  };
}
