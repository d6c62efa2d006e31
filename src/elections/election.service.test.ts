// The list of elections is held while the data version stays, on SQLite and PostgreSQL: read once, the
// same list until an activity record moves the version, then read again with what changed.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { LocalBlobStore } from '../platform/blobs/local-blob-store.ts';
import { loadConfig } from '../platform/config.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import { electionRow } from './election.test-support.ts';
import { anySyntheticElection, getElections } from './election.service.ts';

describeEachDatabase('the elections held while the data stays', (get) => {
  it('are read again once an activity record moves the data version, and only then', async () => {
    const { db } = get();
    const ctx: AppContext = {
      db,
      blobs: new LocalBlobStore('unused-blobs'),
      config: loadConfig({}),
      now: () => new Date(),
      events: new EventBus(),
      memo: new Memo(),
    };
    const called = async (id: string, day: string, synthetic: 0 | 1, recorded: boolean) => {
      await db
        .insertInto('elections')
        .values({ ...electionRow(id, day), synthetic })
        .execute();
      if (recorded)
        await recordActivity(db, { actor: 't', action: 'election.create', entityType: 'election', entityId: id });
    };

    await called('real-2030', '2030-10-06', 0, true);
    const first = await getElections(ctx);
    expect(first.map((e) => e.id)).toEqual(['real-2030']);
    expect(await anySyntheticElection(ctx)).toBe(false);
    expect(await getElections(ctx)).toBe(first);

    // A row that reached the table without its record is not seen: nothing told the version to move.
    await called('quiet-2031', '2031-10-05', 0, false);
    expect(await getElections(ctx)).toBe(first);

    await called('demo-2032', '2032-10-03', 1, true);
    const next = await getElections(ctx);
    expect(next.map((e) => e.id)).toEqual(['demo-2032', 'quiet-2031', 'real-2030']);
    expect(await anySyntheticElection(ctx)).toBe(true);
  });
});
