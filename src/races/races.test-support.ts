// Helpers for the races' tests: an election with one registered party on a database the test opened,
// and the district and candidate files of a small race.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import { loadConfig } from '../platform/config.ts';
import { LocalBlobStore } from '../platform/blobs/local-blob-store.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import type { Election, Party } from '../domain/election.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../elections/index.ts';
import { registerParty } from '../parties/index.ts';
import { importDistrictCandidates, importDistricts } from './races.service.ts';

export const RACE_ELECTION: Election = {
  id: 'races-2031',
  kind: 'parliamentary',
  name: { ky: 'Округдар шайлоосу 2031', ru: 'Выборы по округам 2031', en: 'District test election 2031' },
  electionDay: '2031-11-28',
  calledOn: '2031-08-01',
  campaignStart: '2031-10-28',
  campaignEnd: '2031-11-26',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'campaign',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

export const RACE_PARTY: Party = {
  registrationNumber: 'RP-001',
  name: { ky: 'Округ партиясы', ru: 'Партия округов', en: 'District Party' },
  shortName: { ky: 'ОП', ru: 'ПО', en: 'DP' },
  leader: '',
  foundedOn: '2010-01-01',
  address: 'Бишкек',
  phone: '',
  website: '',
  logoBlobKey: null,
};

export const DISTRICTS_CSV = [
  'code,name_ky,name_ru,name_en,kind,parent_region,seats',
  '01,Биринчи округ,Первый округ,First constituency,constituency,Бишкек,1',
  '02,Экинчи округ,Второй округ,,constituency,Чүй,1',
  '03,Ош шаардык кеңеши,Ошский городской кенеш,Osh city council,municipality,Ош,45',
].join('\n');

export const CANDIDATES_CSV = [
  'district_code,last_name,first_name,patronymic,nomination,party_registration_number,status',
  '01,Асанов,Бакыт,Маратович,party,RP-001,registered',
  '01,Токтогулова,Айгүл,,self,,registered',
  '01,Беков,Нурлан,,self,,withdrawn',
  '02,Жумабекова,Гүлнара,,self,,refused',
].join('\n');

export interface RaceTestContext {
  ctx: AppContext;
  close(): void;
}

/** A context over the given database, with a fixed clock and blobs in a temporary folder. */
export function raceTestContext(db: Kysely<Database>, env: Record<string, string> = {}): RaceTestContext {
  const dir = mkdtempSync(join(tmpdir(), 'talapker-races-'));
  const ctx: AppContext = {
    db,
    blobs: new LocalBlobStore(join(dir, 'blobs')),
    config: loadConfig({ TALAPKER_DATA_DIR: dir, ...env }),
    now: () => new Date('2031-11-01T06:00:00Z'),
    events: new EventBus(),
    memo: new Memo(),
  };
  return { ctx, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The election and its party, through the commission's services. */
export async function setupRaceElection(ctx: AppContext): Promise<void> {
  await ensureBuiltInRulesProfiles(ctx);
  const e = await createElection(ctx, RACE_ELECTION, 'test');
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  const p = await registerParty(ctx, { electionId: RACE_ELECTION.id, party: RACE_PARTY, ballotNumber: null }, 'test');
  if (!p.ok) throw new Error(JSON.stringify(p.error));
}

/** The election with its districts and candidates taken in from the two files above. */
export async function setupRaceWithCandidates(ctx: AppContext): Promise<void> {
  await setupRaceElection(ctx);
  const input = (text: string) => ({ electionId: RACE_ELECTION.id, text, actor: 'test' });
  for (const r of [
    await importDistricts(ctx, input(DISTRICTS_CSV)),
    await importDistrictCandidates(ctx, input(CANDIDATES_CSV)),
  ])
    if (!r.ok) throw new Error(JSON.stringify(r.error));
}
