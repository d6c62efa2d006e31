// What a search shows its hits under is held while the data version stays, on SQLite and PostgreSQL: the
// same labels until an activity record moves the version, then a party registered and an election called
// since are among them (and the party is found by its name).
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { LocalBlobStore } from '../platform/blobs/local-blob-store.ts';
import { loadConfig } from '../platform/config.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import { electionRow } from '../elections/election.test-support.ts';
import { findInPool } from './core/name-pool.ts';
import { searchLabels } from './search-labels.ts';

const NOW = '2030-01-01T00:00:00.000Z';

describeEachDatabase('the labels a search holds while the data stays', (get) => {
  it('are made again once an activity record moves the data version', async () => {
    const { db } = get();
    const ctx: AppContext = {
      db,
      blobs: new LocalBlobStore('unused-blobs'),
      config: loadConfig({}),
      now: () => new Date(NOW),
      events: new EventBus(),
      memo: new Memo(),
    };
    const recorded = (entityId: string) =>
      recordActivity(db, { actor: 't', action: 'test', entityType: 'party', entityId });
    await db.insertInto('elections').values(electionRow('e-2030', '2030-10-06')).execute();
    await recorded('e-2030');

    const first = await searchLabels(ctx);
    expect(first.electionIds).toEqual(['e-2030']);
    expect(first.partyNames.size).toBe(0);
    expect(await searchLabels(ctx)).toBe(first);

    const name = { ky: 'Жаңы Жол', ru: 'Новый Путь', en: 'New Road' };
    await db
      .insertInto('parties')
      .values({
        registration_number: 'P-1',
        name_ky: name.ky,
        name_ru: name.ru,
        name_en: name.en,
        short_name_ky: '',
        short_name_ru: '',
        short_name_en: '',
        leader: '',
        founded_on: null,
        address: '',
        phone: '',
        website: '',
        logo_blob_key: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await db.insertInto('elections').values(electionRow('e-2031', '2031-10-05')).execute();
    await db
      .insertInto('participations')
      .values({
        election_id: 'e-2031',
        party_registration_number: 'P-1',
        ballot_number: null,
        status: 'registered',
        status_date: null,
        status_reason: '',
        updated_at: NOW,
      })
      .execute();
    expect(await searchLabels(ctx)).toBe(first);

    await recorded('P-1');
    const next = await searchLabels(ctx);
    expect(next.electionIds).toEqual(['e-2031', 'e-2030']);
    expect(next.partyNames.get('P-1')).toEqual(name);
    // No short name: the full name is the label in every language.
    expect(next.partyLabels.ru.get('P-1')).toEqual(name);
    expect(findInPool(next.partyPool, 'Novyi Put').map((h) => h.item.latestElectionId)).toEqual(['e-2031']);
  });
});
