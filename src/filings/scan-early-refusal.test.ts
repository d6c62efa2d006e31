// A huge upload that is no scan is refused from its first bytes: the rest of it is never read.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { bearerAs, buildAuthTestApp } from '../accounts/test-support.ts';
import { filingTestContext, mountFilingApi, PARTY_A, setupFilingElection } from './filing.test-support.ts';
import type { AppContext } from '../platform/app-context.ts';

let ctx: AppContext;
let app: FastifyInstance;

beforeAll(async () => {
  const db = openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  ctx = filingTestContext(db, { TALAPKER_UPLOAD_LIMIT_MB: '300' }).ctx;
  await setupFilingElection(ctx);
  app = await buildAuthTestApp(ctx, async (a) => {
    await mountFilingApi(a, ctx);
  });
});
afterAll(async () => {
  await app.close();
  await ctx.db.destroy();
});

it('refuses a 200 MB file that is not a PDF, JPEG or PNG after reading only its first megabytes', async () => {
  const token = await bearerAs(ctx, 'party_treasurer', ['filings:write'], { party: PARTY_A.registrationNumber });
  const boundary = '----talapker-big';
  const MB = 1024 * 1024;
  let sent = 0;
  const body = Readable.from(
    (function* () {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      for (let i = 0; i < 200; i++) {
        sent += MB;
        yield Buffer.alloc(MB, 0x41);
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    })(),
  );
  const started = Date.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/filings/scans',
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...token.headers },
  });
  expect(res.statusCode).toBe(422);
  expect(res.json().error.problems[0].code).toBe('scan.type_refused');
  expect(res.headers.connection).toBe('close');
  expect(sent).toBeLessThan(20 * MB);
  expect(Date.now() - started).toBeLessThan(5000);
});
