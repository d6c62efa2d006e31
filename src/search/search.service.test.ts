// The search ranks name keys held in memory: they must follow the candidates as they change, whether the
// change came through this process or straight into the database (another instance, a CLI import).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../test/support/demo-server.ts';
import { candidateSearchKey } from '../candidates/core/candidate-search-key.ts';
import { searchCandidates } from './search.service.ts';

describe('candidate search over keys held in memory', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('finds a renamed candidate under the new name, and no longer under the old one', async () => {
    const { ctx } = server;
    const row = await ctx.db
      .selectFrom('candidates')
      .select(['id', 'name_ru', 'updated_at'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const oldWord = row.name_ru.split(' ')[0] ?? '';
    const before = await searchCandidates(ctx, oldWord);
    expect(before.map((h) => h.candidate.id)).toContain(Number(row.id));
    expect(await searchCandidates(ctx, 'Зыгфрыдова Ксантиппа')).toEqual([]);

    const names = { nameKy: 'Зыгфрыдова Ксантиппа', nameRu: 'Зыгфрыдова Ксантиппа', nameLatin: 'Zygfrydova Ksantippa' };
    await ctx.db
      .updateTable('candidates')
      .set({
        name_ky: names.nameKy,
        name_ru: names.nameRu,
        name_latin: names.nameLatin,
        search_key: candidateSearchKey(names),
        updated_at: '2999-01-01T00:00:00.000Z',
      })
      .where('id', '=', row.id)
      .execute();

    const after = await searchCandidates(ctx, 'Zygfrydova');
    expect(after.map((h) => h.candidate.id)).toEqual([Number(row.id)]);
    expect(after[0]?.candidate.nameRu).toBe(names.nameRu);
    // A typo in the first letter is still found: every key is ranked, none filtered out by its start.
    expect((await searchCandidates(ctx, 'Sygfrydova')).map((h) => h.candidate.id)).toEqual([Number(row.id)]);
    const old = await searchCandidates(ctx, row.name_ru);
    expect(old.map((h) => h.candidate.id)).not.toContain(Number(row.id));
  });
});
