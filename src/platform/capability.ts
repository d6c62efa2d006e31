// What a capability (elections, filings, bank statements, the lottery…) gives the application. The
// server and the CLI loop over the list in `src/capabilities.ts`; nothing registers itself on import.
import type { FastifyInstance } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppContext } from './app-context.ts';
import type { Locale } from '../domain/election.ts';
import type { EventBus } from './event-bus.ts';
import type { RunningWorker } from './jobs/index.ts';
import type { ApiInstance } from './api/api-instance.ts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/** A section another capability adds to the election page (finance totals, the lottery…). */
export type ElectionSection = (ctx: AppContext, electionId: string, locale: Locale) => Promise<ComponentChildren>;
/** A section another capability adds to a party's page in an election. */
export type PartySection = (
  ctx: AppContext,
  electionId: string,
  registrationNumber: string,
  locale: Locale,
) => Promise<ComponentChildren>;

/** A section another capability adds to a district's page (the candidates' funds…). */
export type DistrictSection = (
  ctx: AppContext,
  electionId: string,
  districtCode: string,
  locale: Locale,
) => Promise<ComponentChildren>;

/** A file anyone may download: one format of a data set. */
export interface DataFile {
  href: string;
  /** The format's short name as people know it: `CSV`, `XLSX`, `JSON`. */
  format: string;
}

/** One table or one body of data, offered in one or more formats; words in the page's language. */
export interface DataSet {
  title: string;
  description?: string;
  files: DataFile[];
}

/**
 * The data sets a capability offers as files, for the election's open-data page: those of the whole
 * election, and those of each party in it. Addresses only: nothing is read to list them, so a file may
 * be empty (or, for what the commission publishes later, answer 404 until it does).
 */
export interface DataFiles {
  election?(electionId: string, locale: Locale): DataSet[];
  party?(electionId: string, registrationNumber: string, locale: Locale): DataSet[];
  /** The capability's tables in the election's data package (one ZIP of CSV files and their description). */
  tables?(ctx: AppContext, electionId: string, locale: Locale): Promise<PackageTable[]>;
}

/** A column of a data-package table, described as the Frictionless Table Schema describes a field. */
export interface PackageField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date';
  description?: string;
  /** What a number counts: `KGS` for som, `tyiyn` for its integer hundredths. */
  unit?: 'KGS' | 'tyiyn';
}

/** A cell of a data-package table: text, a number, or a decimal amount kept as its digits. */
export type PackageCell = string | number | { readonly decimal: string };

/** A table of an election's data package: its columns and its rows, batch by batch, never all at once. */
export interface PackageTable {
  /** The file's stem and the resource's name: lower case, digits and hyphens. */
  name: string;
  title: string;
  description: string;
  fields: readonly PackageField[];
  batches(): AsyncIterable<readonly (readonly PackageCell[])[]>;
}

/** The sections every capability adds to the shared pages, in their `order`, and the data they offer. */
export interface PageSections {
  election: ElectionSection[];
  party: PartySection[];
  district: DistrictSection[];
  /** Every capability's data files, in the order of the capability list. */
  data: DataFiles[];
}

/** A link in the signed-in navigation to one of a capability's staff screens. */
export interface NavLink {
  href: string;
  label: string;
}

/** Whether the signed-in user may take `action` (on their own party's resources where it applies). */
export type May = (action: string) => boolean;

export interface Capability {
  /** Kebab-case, unique: also the subscriber name on the event bus. */
  name: string;
  /** The capability's message catalogue(s), for the completeness check over all languages. */
  messages?: ReadonlyArray<Record<string, Record<Locale, string>>>;
  /** Site routes: pages, forms, downloads. `sections` are the other capabilities' page sections. */
  routes?(app: FastifyInstance, ctx: AppContext, sections: PageSections): void | Promise<void>;
  /** The capability's part of the public API, under its own OpenAPI tag. */
  api?: {
    tag: { name: string; description: string };
    register(api: ApiInstance, ctx: AppContext): void | Promise<void>;
  };
  /**
   * Sections this capability adds to the election, party and district pages; `order` places them among the other
   * capabilities' sections (lower first), so the page's reading order does not depend on the list's.
   */
  sections?: { election?: ElectionSection; party?: PartySection; district?: DistrictSection; order: number };
  /**
   * Demo content, loaded after the base demo (elections, parties, candidates, programmes) in the order of
   * the capability list, so a capability's demo may build on those before it; returns a summary.
   */
  demo?(ctx: AppContext): Promise<string>;
  /**
   * The capability's staff screens that the signed-in user may use, for the navigation every staff
   * page carries, so that nobody has to know a URL.
   */
  staffLinks?(locale: Locale, may: May): NavLink[];
  /**
   * Hooks on every request of the application, installed before any capability's routes so that they
   * reach all of them (a requirement checked before the sensitive screens of other capabilities).
   */
  requestHooks?(app: FastifyInstance, ctx: AppContext): void | Promise<void>;
  /** Subscriptions to other capabilities' events. */
  subscribe?(events: EventBus, ctx: AppContext): void;
  /**
   * Background work a serving process runs beside the server (a job queue's worker); every instance may
   * run it, since jobs are claimed. Stopped, letting the job in hand finish, when the process shuts down.
   */
  work?(ctx: AppContext, onError: (e: unknown) => void): RunningWorker;
  /** The records this capability enters in the public transparency log. */
  logged?: LoggedRecords;
  /** The files this capability offers for download, listed on each election's open-data page. */
  dataFiles?: DataFiles;
}

/** A record a capability entered in the public transparency log: what kind, when, under which public id. */
export interface LoggedRef {
  kind: string;
  at: string;
  ref: string;
}

/**
 * The records a capability enters in the transparency log, read back from the database: the public form
 * of each (what its leaf hashes), so that a verifier can check the database still says what was logged,
 * and every such record already stored, so that a database older than the log can be entered in it.
 */
export interface LoggedRecords {
  kinds: readonly string[];
  recordOf(db: Kysely<Database>, kind: string, ref: string): Promise<unknown>;
  existing(db: Kysely<Database>): Promise<LoggedRef[]>;
}

/** Every capability's page sections, in their `order`. */
export function pageSectionsOf(capabilities: readonly Capability[]): PageSections {
  const placed = capabilities.flatMap((c) => (c.sections ? [c.sections] : [])).sort((a, b) => a.order - b.order);
  return {
    election: placed.flatMap((s) => (s.election ? [s.election] : [])),
    party: placed.flatMap((s) => (s.party ? [s.party] : [])),
    district: placed.flatMap((s) => (s.district ? [s.district] : [])),
    data: capabilities.flatMap((c) => (c.dataFiles ? [c.dataFiles] : [])),
  };
}
