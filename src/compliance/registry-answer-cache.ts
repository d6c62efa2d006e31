// What the registries said about each campaign's donors, kept between analyses: when one new report
// arrives, the campaign is analysed again whole, but only the numbers the registries have not yet been
// asked about (against the same snapshots) go to the database. The answers are keyed by the snapshot
// ids they came from, so a new snapshot empties a campaign's entry; an answer that found nothing is kept
// too ("not found" is an answer). Only a cache: the answers given are exactly those a lookup would give.
import type { Memo } from '../platform/memo.ts';
import type { RegistrySnapshotRow } from '../platform/db/tables/compliance.tables.ts';
import type {
  Answer,
  ArrearRecord,
  EntityRecord,
  PersonRecord,
  RegistryAnswers,
  RegistryKind,
  RegistryPort,
  StateBodyRecord,
} from './core/registry.ts';

type Snapshots = Partial<Record<RegistryKind, RegistrySnapshotRow>>;
type Query = { pins: readonly string[]; inns: readonly string[] };

/** A registry that can say which snapshots it answers from, and answer from exactly those. */
export interface SnapshotRegistry extends RegistryPort {
  snapshots(): Promise<Snapshots>;
  lookupIn(snaps: Snapshots, query: Query): Promise<RegistryAnswers>;
}

const isSnapshotRegistry = (r: RegistryPort): r is SnapshotRegistry =>
  typeof (r as Partial<SnapshotRegistry>).lookupIn === 'function' &&
  typeof (r as Partial<SnapshotRegistry>).snapshots === 'function';

interface CampaignEntry {
  snapshotKey: string;
  pins: Set<string>;
  inns: Set<string>;
  persons: Map<string, Answer<PersonRecord>>;
  entities: Map<string, Answer<EntityRecord>>;
  arrears: Map<string, ReadonlyArray<Answer<ArrearRecord>>>;
  stateBodies: Map<string, Answer<StateBodyRecord>>;
}

const size = (e: CampaignEntry): number => e.pins.size + e.inns.size;

/**
 * The campaigns' entries, least recently used first, within a budget of identity numbers: a national
 * campaign asks about some 35,000 to 50,000, each answer a few hundred bytes, so the default holds half a
 * dozen such campaigns in well under 100 MB.
 */
export class RegistryAnswerCache {
  private readonly entries = new Map<string, CampaignEntry>();
  private held = 0;

  constructor(readonly budget = 250_000) {}

  take(campaign: string, snapshotKey: string): CampaignEntry | undefined {
    const e = this.entries.get(campaign);
    if (!e) return undefined;
    this.entries.delete(campaign);
    this.held -= size(e);
    return e.snapshotKey === snapshotKey ? e : undefined;
  }

  put(campaign: string, e: CampaignEntry): void {
    if (size(e) > this.budget) return;
    this.entries.set(campaign, e);
    this.held += size(e);
    for (const [key, oldest] of this.entries) {
      if (this.held <= this.budget) break;
      this.entries.delete(key);
      this.held -= size(oldest);
    }
  }
}

const MEMO_AREA = 'compliance';
const MEMO_KEY = 'registry-answers';

/** The cache of one app instance, on its memo (so two apps in one process never share answers). */
export function registryAnswerCache(memo: Memo): RegistryAnswerCache {
  let cache = memo.get<RegistryAnswerCache>(MEMO_AREA, MEMO_KEY);
  if (!cache) memo.set(MEMO_AREA, MEMO_KEY, (cache = new RegistryAnswerCache()));
  return cache;
}

const snapshotKeyOf = (snaps: Snapshots): string =>
  Object.entries(snaps)
    .map(([kind, row]) => `${kind}:${row?.id ?? ''}`)
    .sort()
    .join(',');

function emptyEntry(snapshotKey: string): CampaignEntry {
  return {
    snapshotKey,
    pins: new Set(),
    inns: new Set(),
    persons: new Map(),
    entities: new Map(),
    arrears: new Map(),
    stateBodies: new Map(),
  };
}

/** Adds what a lookup of `asked` said to the entry; every number asked is then answered, found or not. */
function remember(e: CampaignEntry, asked: Query, fresh: RegistryAnswers): void {
  for (const p of asked.pins) e.pins.add(p);
  for (const i of asked.inns) e.inns.add(i);
  for (const [k, v] of fresh.persons) e.persons.set(k, v);
  for (const [k, v] of fresh.entities) e.entities.set(k, v);
  // A number's arrears come whole from one lookup (a PIN asked again as an INN gets the same list).
  for (const [k, v] of fresh.arrears) e.arrears.set(k, v);
  for (const [k, v] of fresh.stateBodies) e.stateBodies.set(k, v);
}

/** The entry's answers for the numbers of `query` alone, as a lookup of that query would give them. */
function answersFor(e: CampaignEntry, query: Query, consulted: RegistryAnswers['consulted']): RegistryAnswers {
  const persons = new Map<string, Answer<PersonRecord>>();
  const entities = new Map<string, Answer<EntityRecord>>();
  const arrears = new Map<string, ReadonlyArray<Answer<ArrearRecord>>>();
  const stateBodies = new Map<string, Answer<StateBodyRecord>>();
  const copy = <T>(from: ReadonlyMap<string, T>, to: Map<string, T>, key: string) => {
    const v = from.get(key);
    if (v !== undefined) to.set(key, v);
  };
  for (const p of query.pins) {
    copy(e.persons, persons, p);
    copy(e.arrears, arrears, p);
  }
  for (const i of query.inns) {
    copy(e.entities, entities, i);
    copy(e.stateBodies, stateBodies, i);
    copy(e.arrears, arrears, i);
  }
  return { persons, entities, arrears, stateBodies, consulted };
}

/**
 * `registry.lookup(query)` for one campaign, asking the registry only about numbers it has not answered
 * for this campaign against the same snapshots. A registry that cannot name its snapshots (X-Road, a
 * routed mix) is asked everything, as before.
 */
export async function lookupForCampaign(
  cache: RegistryAnswerCache,
  campaign: string,
  registry: RegistryPort,
  query: Query,
): Promise<RegistryAnswers> {
  if (!isSnapshotRegistry(registry)) return registry.lookup(query);
  const snaps = await registry.snapshots();
  const snapshotKey = snapshotKeyOf(snaps);
  const entry = cache.take(campaign, snapshotKey) ?? emptyEntry(snapshotKey);
  const asked: Query = {
    pins: query.pins.filter((p) => !entry.pins.has(p)),
    inns: query.inns.filter((i) => !entry.inns.has(i)),
  };
  const fresh = await registry.lookupIn(snaps, asked);
  remember(entry, asked, fresh);
  cache.put(campaign, entry);
  return answersFor(entry, query, fresh.consulted);
}
