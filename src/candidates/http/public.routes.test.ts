// The public page of a candidate over HTTP on the demo: in every language, the name in every script,
// the party and the election, never the PIN; 404 for what is not a candidate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../test/support/demo-server.ts';
import { LOCALES } from '../../domain/election.ts';
import { t } from '../candidate.messages.ts';

describe('public page of a candidate', () => {
  let server: DemoServer;
  let candidate = { id: 0, pin: '', nameKy: '', nameRu: '', nameLatin: '', electionId: '' };
  beforeAll(async () => {
    server = await startDemoServer();
    const row = await server.ctx.db
      .selectFrom('candidates')
      .select(['id', 'pin', 'name_ky', 'name_ru', 'name_latin', 'election_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    candidate = {
      id: Number(row.id),
      pin: row.pin,
      nameKy: row.name_ky,
      nameRu: row.name_ru,
      nameLatin: row.name_latin,
      electionId: row.election_id,
    };
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });
  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it('shows the candidate in every language with the names in every script, the party and the election, but no PIN', async () => {
    for (const l of LOCALES) {
      const res = await get(`/${l}/candidates/${candidate.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      for (const name of [candidate.nameKy, candidate.nameRu, candidate.nameLatin]) expect(res.body).toContain(name);
      expect(res.body).toContain(t(l, 'candidate.party'));
      expect(res.body).toContain(`href="/${l}/elections/${candidate.electionId}"`);
      expect(res.body).not.toContain(candidate.pin);
    }
  });

  it('answers 404 for an id that is no candidate’s, and for an unknown language', async () => {
    for (const url of [
      '/en/candidates/abc',
      '/en/candidates/99999999',
      '/en/candidates/1.5',
      `/xx/candidates/${candidate.id}`,
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});
