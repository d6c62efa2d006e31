// The open-data page on SQLite and PostgreSQL: in every language it lists the election's files and
// each party's, in ballot order, and every file it links to downloads; the election page points to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { ALA, BEK, FIN_ELECTION, FIN_NOW, loadFinanceFixture } from '../../../test/finance/finance-fixture.ts';
import { buildServer } from '../../server.ts';
import { loadConfig } from '../../platform/config.ts';
import { LocalBlobStore } from '../../platform/blobs/local-blob-store.ts';
import { EventBus } from '../../platform/event-bus.ts';
import { Memo } from '../../platform/memo.ts';

const E = FIN_ELECTION.id;
const LOCALES = ['ky', 'ru', 'en'] as const;

/** The addresses of the page's download links (`<a … download>`), unescaped. */
const downloadLinks = (html: string) =>
  [...html.matchAll(/<a href="([^"]+)" download>/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));

describeEachDatabase('open-data page', (get) => {
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    const db = get().db;
    await loadFinanceFixture(db);
    dir = mkdtempSync(join(tmpdir(), 'talapker-data-page-'));
    app = await buildServer({
      db,
      blobs: new LocalBlobStore(join(dir, 'blobs')),
      config: loadConfig({ TALAPKER_DATA_DIR: dir }),
      now: () => FIN_NOW,
      events: new EventBus(),
      memo: new Memo(),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(LOCALES)('lists the files of the election and of each party, and each downloads (%s)', async (l) => {
    const res = await app.inject({ method: 'GET', url: `/${l}/elections/${E}/data` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain(`/api/v1/elections/${E}/popolo.json`);
    for (const p of [ALA, BEK]) {
      const reg = encodeURIComponent(p.registrationNumber);
      expect(html).toContain(p.name[l]);
      expect(html).toContain(`/api/v1/elections/${E}/parties/${reg}/candidates.xlsx`);
      expect(html).toContain(`/${l}/elections/${E}/receipts.csv?party=${reg}`);
      expect(html).toContain(`/api/v1/elections/${E}/parties/${reg}/bank.csv`);
    }
    const links = downloadLinks(html);
    // Popolo, the two itemised listings and six finance tables in three formats, donors, payees,
    // breakdown: 1 + 6 + 18 + 3 for the election, then per party a list, the listings, three explore
    // files and the bank's two.
    expect(links.length).toBeGreaterThanOrEqual(28 + 2 * 14);
    for (const href of new Set(links)) {
      const file = await app.inject({ method: 'GET', url: href });
      expect(file.statusCode, href).toBe(200);
      expect(file.headers['content-type'], href).not.toMatch(/text\/html/);
    }
  });

  it('is linked from the election page, and answers 404 for no such election', async () => {
    const page = await app.inject({ method: 'GET', url: `/ru/elections/${E}` });
    expect(page.body).toContain(`href="/ru/elections/${E}/data"`);
    const none = await app.inject({ method: 'GET', url: '/ru/elections/no-such-election/data' });
    expect(none.statusCode).toBe(404);
  });
});
