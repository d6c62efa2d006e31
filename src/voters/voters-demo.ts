// The demo's voter services: about 2,500 synthetic polling stations (about 50 abroad), mobile groups with
// visits before the demo's coming election, a short synthetic voter list loaded at once (its first voters
// are the known ones of `KNOWN_DEMO_VOTERS`), requests to change the voting address in every state, and a
// job that the serving process's worker hands to a child process (`talapker demo voters`) to replace the
// short list with the full one (TALAPKER_DEMO_VOTERS voters, 3.5 million by default) from the same
// seed: nobody waits for it, and the server neither stalls nor grows while millions of rows are written.
import { setImmediate } from 'node:timers/promises';
import type { AppContext } from '../platform/app-context.ts';
import { JobQueue, startWorker, type RunningWorker } from '../platform/jobs/index.ts';
import { childEnv, runTalapker } from '../platform/talapker-child.ts';
import { searchKey } from '../domain/transliteration.ts';
import { KNOWN_DEMO_VOTERS, syntheticStations, syntheticVoter } from './core/synthetic.ts';
import { HOME_COUNTRY } from './core/station-rows.ts';
import { addMobileGroup, upsertStations, type NewMobileGroup } from './stations.repository.ts';
import { currentSnapshot } from './voter-list.repository.ts';
import { insertRequest } from './address-change.repository.ts';
import { decide } from './address-change.service.ts';
import { VoterListWriter } from './voter-list.service.ts';
import { nextElection } from './voters-election.ts';

export const DEMO_SEED = 20_270_301;
/** The short list the demo loads at once: enough for every page and test, quick to write. */
export const DEMO_SHORT_LIST = 3_000;
const DEMO_AS_OF = '2026-11-01';
const SHORT_SOURCE = 'demo (short list)';
const FULL_SOURCE = 'demo (full list)';
const ACTOR = 'demo-loader';
export const DEMO_LIST_QUEUE = 'voters.demo-list';

function stationSplit(seed: number): { home: string[]; abroad: string[] } {
  const stations = syntheticStations(seed);
  return {
    home: stations.filter((s) => s.country === HOME_COUNTRY).map((s) => s.number),
    abroad: stations.filter((s) => s.country !== HOME_COUNTRY).map((s) => s.number),
  };
}

/** Writes voters 0 … size−1 of the synthetic list as the new current list. */
export async function loadSyntheticList(
  ctx: AppContext,
  size: number,
  source: string,
  seed = DEMO_SEED,
  signal?: AbortSignal,
): Promise<VoterListWriter> {
  const { home, abroad } = stationSplit(seed);
  const w = await VoterListWriter.start(ctx, { asOf: DEMO_AS_OF, source, actor: ACTOR });
  try {
    for (let i = 0; i < size; i++) {
      // Once a batch the event loop gets a turn (SQLite writes are synchronous, so without it a signal
      // would never be heard) and an interrupted load is abandoned whole; the current list stays.
      if (i % 10_000 === 0) {
        await setImmediate();
        signal?.throwIfAborted();
      }
      await w.add(syntheticVoter(seed, i, home, abroad));
    }
    await w.finish(0, ACTOR);
  } catch (e) {
    await w.abandon();
    throw e;
  }
  return w;
}

const group = (
  country: string,
  city: string,
  address: [string, string, string],
  visits: Array<[string, string]>,
  services: NewMobileGroup['services'] = ['biometrics', 'address-change'],
): NewMobileGroup => ({
  country,
  city,
  address: { ky: address[0], ru: address[1], en: address[2] },
  services,
  visits: visits.map(([startsOn, endsOn]) => ({ startsOn, endsOn, hours: '09:00–18:00' })),
});

const MOBILE_GROUPS: readonly NewMobileGroup[] = [
  group(
    'RU',
    'Moscow',
    ['Кыргызстандын элчилиги', 'Посольство Кыргызстана', 'Embassy of Kyrgyzstan'],
    [
      ['2026-10-10', '2026-10-12'],
      ['2027-01-16', '2027-01-18'],
      ['2027-02-06', '2027-02-08'],
    ],
  ),
  group(
    'RU',
    'Yekaterinburg',
    ['Башкы консулдук', 'Генеральное консульство', 'Consulate General'],
    [['2027-01-23', '2027-01-24']],
  ),
  group(
    'RU',
    'Novosibirsk',
    ['Маданий борбор', 'Культурный центр', 'Cultural centre'],
    [['2027-01-30', '2027-01-31']],
    ['biometrics'],
  ),
  group(
    'KZ',
    'Almaty',
    ['Башкы консулдук', 'Генеральное консульство', 'Consulate General'],
    [['2027-01-09', '2027-01-11']],
  ),
  group(
    'TR',
    'Istanbul',
    ['Башкы консулдук', 'Генеральное консульство', 'Consulate General'],
    [
      ['2026-11-14', '2026-11-15'],
      ['2027-01-20', '2027-01-22'],
    ],
  ),
  group(
    'US',
    'New York',
    ['БУУдагы өкүлчүлүк', 'Представительство при ООН', 'Mission to the UN'],
    [['2027-01-25', '2027-01-26']],
  ),
  group(
    'US',
    'Chicago',
    ['Коомдук борбор', 'Общественный центр', 'Community centre'],
    [['2027-01-28', '2027-01-28']],
    ['biometrics'],
  ),
  group('KR', 'Seoul', ['Элчилик', 'Посольство', 'Embassy'], [['2027-02-01', '2027-02-03']]),
  group(
    'IT',
    'Naples',
    ['Диаспора борбору', 'Центр диаспоры', 'Diaspora centre'],
    [['2027-02-05', '2027-02-06']],
    ['biometrics'],
  ),
  group('DE', 'Berlin', ['Элчилик', 'Посольство', 'Embassy'], [['2027-02-10', '2027-02-11']], ['address-change']),
];

/** Requests in every state, from the short list's voters (and one PIN the list does not have). */
async function demoRequests(ctx: AppContext, electionId: string): Promise<number> {
  const { home, abroad } = stationSplit(DEMO_SEED);
  const voter = (i: number) => syntheticVoter(DEMO_SEED, i, home, abroad);
  const plans: Array<{ i: number | 'unknown'; to: string; day: string; decision?: 'approve' | 'refuse' }> = [
    { i: 3, to: '9511', day: '2026-11-12', decision: 'approve' },
    { i: 10, to: '9501', day: '2026-11-14' },
    { i: 11, to: '9516', day: '2026-11-15' },
    { i: 12, to: '9513', day: '2026-11-15', decision: 'refuse' },
    { i: 'unknown', to: '9502', day: '2026-11-16' },
  ];
  let n = 0;
  for (const p of plans) {
    const v =
      p.i === 'unknown'
        ? { ...voter(13), pin: '21212199099999', surname: 'Бекболов', surnameKey: searchKey('Бекболов') }
        : voter(p.i);
    n += 1;
    const number = `AC-DEMO-${String(n).padStart(4, '0')}`;
    await insertRequest(
      ctx.db,
      {
        number,
        election_id: electionId,
        pin: v.pin,
        surname: v.surname,
        surname_key: v.surnameKey,
        given_name: v.givenName,
        patronymic: v.patronymic,
        from_station: p.i === 'unknown' ? null : v.stationNumber,
        to_station: p.to,
        reason: n % 2 === 0 ? 'work' : 'study',
        contact: `+996 700 00${String(n).padStart(2, '0')} 00`,
        filed_on: p.day,
        filed_at: `${p.day}T06:00:00.000Z`,
      },
      ACTOR,
    );
    if (p.decision)
      await decide(
        ctx,
        number,
        p.decision === 'approve' ? { kind: 'approve' } : { kind: 'refuse', reason: 'other' },
        ACTOR,
      );
  }
  return n;
}

export async function votersDemo(ctx: AppContext): Promise<string> {
  const stations = syntheticStations(DEMO_SEED);
  const at = ctx.now().toISOString();
  await upsertStations(ctx.db, stations, at);
  for (const g of MOBILE_GROUPS) await addMobileGroup(ctx.db, g, at);
  // A list the commission imported is never replaced by synthetic people.
  if (await currentSnapshot(ctx.db))
    return `${stations.length} polling stations, ${MOBILE_GROUPS.length} mobile groups; the voter list was kept`;
  await loadSyntheticList(ctx, DEMO_SHORT_LIST, SHORT_SOURCE);
  const next = await nextElection(ctx);
  const requests = next ? await demoRequests(ctx, next.election.id) : 0;
  await new JobQueue(ctx.db, ctx.now).enqueue(DEMO_LIST_QUEUE, { seed: DEMO_SEED }, { dedupeKey: 'demo-list' });
  return `${stations.length} polling stations, ${MOBILE_GROUPS.length} mobile groups, ${DEMO_SHORT_LIST} voters (known: ${KNOWN_DEMO_VOTERS.length}), ${requests} address-change requests`;
}

/** Whether the full demo list is still to be written: only over the demo's own short list. */
async function fullListDue(ctx: AppContext): Promise<boolean> {
  const current = await currentSnapshot(ctx.db);
  return !!current && current.source === SHORT_SOURCE && ctx.config.voters.demoVoters > current.row_count;
}

/**
 * The full demo list (`talapker demo voters`): only while the current list is still the demo's short
 * one, so an imported list is never replaced by synthetic people. True when it was written.
 */
export async function loadFullDemoList(ctx: AppContext, seed = DEMO_SEED, signal?: AbortSignal): Promise<boolean> {
  if (!(await fullListDue(ctx))) return false;
  await loadSyntheticList(ctx, ctx.config.voters.demoVoters, FULL_SOURCE, seed, signal);
  return true;
}

/**
 * The serving process's worker for the job: the list is written by a child process, and a server that
 * stops interrupts it (the child abandons its unfinished list and the job is taken up at the next start).
 */
export function startDemoListWorker(ctx: AppContext, onError: (e: unknown) => void): RunningWorker {
  const interrupt = new AbortController();
  const worker = startWorker<{ seed: number }>(new JobQueue(ctx.db, ctx.now), {
    queue: DEMO_LIST_QUEUE,
    // Millions of rows take a while; nobody else should take the job over meanwhile.
    lockMs: 60 * 60_000,
    handle: async (payload) => {
      if (!(await fullListDue(ctx))) return;
      const args = ['demo', 'voters', '--seed', String(payload.seed)];
      const env = childEnv(ctx.config, { TALAPKER_DEMO_VOTERS: String(ctx.config.voters.demoVoters) });
      await runTalapker(args, env, interrupt.signal);
    },
    onError,
  });
  return {
    workerId: worker.workerId,
    wake: () => worker.wake(),
    stop: () => (interrupt.abort(), worker.stop()),
  };
}
