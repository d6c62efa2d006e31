// Keyset pagination and filters of the candidate listings: walking `next` links with a small page
// visits every candidate exactly once in the documented order, in every sort and direction, even
// where names and birth dates repeat; cursors that do not fit are refused with `invalid_cursor`. On
// every database: SQLite always, PostgreSQL when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIG,
  BIG_SIZE,
  ELECTION,
  SMALL,
  SMALL_SIZE,
  WITHDRAWN_POSITIONS,
  json,
  startApiTestServer,
  type ApiTestServer,
} from './api-test-server.ts';
import { availableDialects } from '../support/databases.ts';

interface ApiCandidate {
  id: number;
  partyRegistrationNumber: string;
  listPosition: number;
  nameLatin: string;
  birthDate: string;
  sex: string;
  status: string;
}

for (const dialect of availableDialects()) {
  describe(`candidate listings [${dialect}]`, () => {
    let s: ApiTestServer;
    const bigListUrl = `/api/v1/elections/${ELECTION.id}/parties/${encodeURIComponent(BIG.registrationNumber)}/candidates`;
    const electionUrl = `/api/v1/elections/${ELECTION.id}/candidates`;

    beforeAll(async () => {
      s = await startApiTestServer(dialect);
    });
    afterAll(async () => s?.close());

    /** Follows `pagination.next` from `url` to the end; checks each page on the way. */
    async function walk(url: string, limit: number): Promise<ApiCandidate[]> {
      const out: ApiCandidate[] = [];
      let next: string | null = `${url}${url.includes('?') ? '&' : '?'}limit=${limit}`;
      for (let pages = 0; next !== null; pages++) {
        if (pages > 1000) throw new Error('pagination does not end');
        const res = await s.get(next);
        expect(res.statusCode, res.body).toBe(200);
        const body = json(res);
        expect(body.pagination.limit).toBe(limit);
        expect(body.data.length).toBeLessThanOrEqual(limit);
        // Only the last page may be short, and a page with a next link is never empty.
        if (body.pagination.next !== null) expect(body.data).toHaveLength(limit);
        expect(body.pagination.next === null).toBe(body.pagination.nextCursor === null);
        out.push(...body.data);
        next = body.pagination.next;
      }
      return out;
    }

    const keyOf: Record<string, (c: ApiCandidate) => string | number> = {
      position: (c) => c.listPosition,
      name: (c) => c.nameLatin,
      birthDate: (c) => c.birthDate,
    };

    /** The documented order: by the sort key, ties by id, both reversed for `desc`. */
    function expectedOrder(all: ApiCandidate[], sort: string, order: string): number[] {
      const key = keyOf[sort]!;
      const asc = [...all].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        return ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
      });
      return (order === 'asc' ? asc : asc.reverse()).map((c) => c.id);
    }

    async function wholeList(): Promise<ApiCandidate[]> {
      const res = await s.get(
        `/api/v1/elections/${ELECTION.id}/parties/${encodeURIComponent(BIG.registrationNumber)}/candidates.json`,
      );
      return json(res).candidates;
    }

    describe('walking a 200-candidate list with limit 7', () => {
      for (const sort of ['position', 'name', 'birthDate']) {
        for (const order of ['asc', 'desc']) {
          it(`visits every candidate once, sorted by ${sort} ${order}`, async () => {
            const all = await wholeList();
            expect(all).toHaveLength(BIG_SIZE);
            // The fixture must have ties, or this test would not test tie-breaking.
            if (sort !== 'position') expect(new Set(all.map(keyOf[sort]!)).size).toBeLessThan(BIG_SIZE / 4);
            const walked = await walk(`${bigListUrl}?sort=${sort}&order=${order}`, 7);
            const ids = walked.map((c) => c.id);
            expect(new Set(ids).size).toBe(ids.length);
            expect(ids).toEqual(expectedOrder(all, sort, order));
          });
        }
      }

      it('walks the whole election the same way', async () => {
        const walked = await walk(`${electionUrl}?sort=name&order=desc`, 7);
        expect(walked).toHaveLength(BIG_SIZE + SMALL_SIZE);
        expect(new Set(walked.map((c) => c.id)).size).toBe(BIG_SIZE + SMALL_SIZE);
        expect(walked.map((c) => c.id)).toEqual(expectedOrder(walked, 'name', 'desc'));
      });

      it('gives the same pages through nextCursor as through next', async () => {
        const first = json(await s.get(`${bigListUrl}?sort=birthDate&limit=7`));
        const viaLink = json(await s.get(first.pagination.next));
        const viaCursor = json(
          await s.get(`${bigListUrl}?sort=birthDate&limit=7&cursor=${encodeURIComponent(first.pagination.nextCursor)}`),
        );
        expect(viaCursor.data).toEqual(viaLink.data);
      });

      it('uses the default page size of 50 and allows 500', async () => {
        const page = json(await s.get(bigListUrl));
        expect(page.data).toHaveLength(50);
        expect(page.pagination.limit).toBe(50);
        const all = json(await s.get(`${bigListUrl}?limit=500`));
        expect(all.data).toHaveLength(BIG_SIZE);
        expect(all.pagination).toEqual({ limit: 500, nextCursor: null, next: null });
      });
    });

    describe('filters', () => {
      it('filters by sex while paginating', async () => {
        const all = await wholeList();
        const women = await walk(`${bigListUrl}?sex=female&sort=name`, 7);
        expect(women.every((c) => c.sex === 'female')).toBe(true);
        expect(women.map((c) => c.id)).toEqual(
          expectedOrder(
            all.filter((c) => c.sex === 'female'),
            'name',
            'asc',
          ),
        );
      });

      it('filters by status', async () => {
        const withdrawn = await walk(`${bigListUrl}?status=withdrawn`, 2);
        expect(withdrawn.map((c) => c.listPosition)).toEqual(WITHDRAWN_POSITIONS);
        const registered = await walk(`${bigListUrl}?status=registered&sex=male`, 50);
        expect(registered.every((c) => c.status === 'registered' && c.sex === 'male')).toBe(true);
        expect(registered.length).toBeGreaterThan(0);
      });

      it('filters the election-wide listing by party', async () => {
        const small = await walk(`${electionUrl}?party=${encodeURIComponent(SMALL.registrationNumber)}`, 7);
        expect(small).toHaveLength(SMALL_SIZE);
        expect(small.every((c) => c.partyRegistrationNumber === SMALL.registrationNumber)).toBe(true);
        expect(small.map((c) => c.listPosition)).toEqual(Array.from({ length: SMALL_SIZE }, (_, i) => i + 1));
        const none = json(await s.get(`${electionUrl}?party=NO-SUCH-PARTY`));
        expect(none.data).toEqual([]);
        expect(none.pagination.next).toBeNull();
      });

      it('keeps the filters in the next link', async () => {
        const page = json(
          await s.get(`${electionUrl}?party=${encodeURIComponent(BIG.registrationNumber)}&sex=female&limit=3`),
        );
        const next = new URL(page.pagination.next, 'http://x');
        expect(next.pathname).toBe(electionUrl);
        expect(Object.fromEntries(next.searchParams)).toMatchObject({
          party: BIG.registrationNumber,
          sex: 'female',
          limit: '3',
        });
      });
    });

    describe('bad pagination parameters', () => {
      it('refuses a cursor that is not one of ours', async () => {
        for (const cursor of [
          'garbage',
          'bm90IGpzb24',
          Buffer.from('[1]').toString('base64url'),
          Buffer.from('["a", 1.5]').toString('base64url'),
        ]) {
          const res = await s.get(`${bigListUrl}?cursor=${cursor}`);
          expect(res.statusCode).toBe(400);
          expect(json(res).error.code).toBe('invalid_cursor');
          expect(json(res).error.message).toBeTruthy();
        }
      });

      it('refuses a cursor from another sort rather than skipping rows', async () => {
        const byName = json(await s.get(`${bigListUrl}?sort=name&limit=3`)).pagination.nextCursor;
        const byPosition = json(await s.get(`${bigListUrl}?sort=position&limit=3`)).pagination.nextCursor;
        for (const [cursor, sort] of [
          [byName, 'position'],
          [byPosition, 'name'],
          [byPosition, 'birthDate'],
        ]) {
          const res = await s.get(`${bigListUrl}?sort=${sort}&cursor=${encodeURIComponent(cursor)}`);
          expect(res.statusCode).toBe(400);
          expect(json(res).error.code).toBe('invalid_cursor');
        }
      });

      it('refuses limits outside 1–500 and unknown sorts, naming each problem', async () => {
        const res = await s.get(`${bigListUrl}?limit=501&sort=age&order=up&sex=x&status=gone`);
        expect(res.statusCode).toBe(400);
        const body = json(res);
        expect(body.error.code).toBe('invalid_request');
        expect(body.error.details.map((d: { path: string[] }) => d.path[0]).sort()).toEqual([
          'limit',
          'order',
          'sex',
          'sort',
          'status',
        ]);
        for (const d of body.error.details) expect(d.in).toBe('querystring');
        for (const limit of ['0', '-1', '2.5', 'ten'])
          expect((await s.get(`${bigListUrl}?limit=${limit}`)).statusCode).toBe(400);
      });
    });
  });
}
