// A filing names its scans by hash; a hash is no secret (a filed scan's hash is in its public URL), so
// knowing one must not let a party attach what another party uploaded. Attachments must be the filer's
// own: scans its party uploaded, or attached to one of its party's drafts or filed versions. Through
// the API, with two parties' tokens, on every database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { bearerAs, buildAuthTestApp } from '../accounts/test-support.ts';
import { filingRoutes } from './index.ts';
import { createDraft, discardDraft } from './draft.service.ts';
import { attachScan } from './scan.service.ts';
import {
  asInput,
  FILING_ELECTION,
  filingTestContext,
  mountFilingApi,
  multipart,
  PARTY_A,
  PARTY_B,
  pdfWithText,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from './filing.test-support.ts';

const A = PARTY_A.registrationNumber;
const B = PARTY_B.registrationNumber;

interface Scan {
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
}

describeEachDatabase('whose scans a filing may attach', (get) => {
  let t: FilingTestContext;
  let app: FastifyInstance;
  let tokenA: { headers: { authorization: string } };
  let tokenB: { headers: { authorization: string } };

  beforeAll(async () => {
    t = filingTestContext(get().db);
    await setupFilingElection(t.ctx);
    app = await buildAuthTestApp(t.ctx, async (a) => {
      await filingRoutes(a, t.ctx);
      await mountFilingApi(a, t.ctx);
    });
    tokenA = await bearerAs(t.ctx, 'party_treasurer', ['filings:write', 'filings:submit'], { party: A });
    tokenB = await bearerAs(t.ctx, 'party_treasurer', ['filings:write', 'filings:submit'], { party: B });
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  const upload = async (
    token: { headers: { authorization: string } },
    lines: string[],
    name: string,
  ): Promise<Scan> => {
    const body = multipart([], { field: 'file', name, type: 'application/pdf', bytes: await pdfWithText(lines) });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/filings/scans',
      payload: body.payload,
      headers: { ...body.headers, ...token.headers },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data as Scan;
  };
  let serial = 0;
  const file = (
    token: { headers: { authorization: string } },
    reg: string,
    periodFrom: string,
    attachments: Scan[],
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'POST',
      url: '/api/v1/filings',
      payload: { ...asInput(validFiling(reg, { periodFrom })), attachments },
      headers: { ...tokenOf(token), 'idempotency-key': `ownership-${++serial}` },
    });
  const tokenOf = (token: { headers: { authorization: string } }) => token.headers;
  const refusedCodes = (res: LightMyRequestResponse) =>
    (res.json().error.problems as Array<{ code: string }>).map((p) => p.code);
  const filingCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('filings')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("refuses another party's upload, named by its hash, and stores nothing", async () => {
    const theirs = await upload(tokenB, ['SYNTHETIC', 'Party Beta payment order PP-B-1'], 'beta.pdf');
    const before = await filingCount();
    const res = await file(tokenA, A, '2030-09-05', [theirs]);
    expect(res.statusCode, res.body).toBe(422);
    expect(refusedCodes(res)).toEqual(['submit.attachment_unknown']);
    // Said as if the file did not exist: whether another party holds it is not told.
    expect(res.body).toContain('has not been uploaded');
    expect(await filingCount()).toBe(before);
    // Its own party may attach it.
    expect((await file(tokenB, B, '2030-09-05', [theirs])).statusCode).toBe(201);
  });

  it("refuses a scan of another party's draft", async () => {
    const draft = await createDraft(
      t.ctx,
      {
        electionId: FILING_ELECTION.id,
        partyRegistrationNumber: B,
        reportKind: 'final',
        periodFrom: '2030-09-26',
        periodTo: '2030-10-04',
      },
      'user:b',
    );
    if (!draft.ok) throw new Error(JSON.stringify(draft.error));
    const scan = await attachScan(
      t.ctx,
      draft.value.draftId,
      Readable.from([await pdfWithText(['Beta draft scan'])]),
      'beta-draft.pdf',
      'user:b',
    );
    if (!scan.ok) throw new Error(JSON.stringify(scan.error));
    const { sha256, fileName, mediaType, size } = scan.value;
    const res = await file(tokenA, A, '2030-09-06', [{ sha256, fileName, mediaType, size }]);
    expect(res.statusCode, res.body).toBe(422);
    expect(refusedCodes(res)).toEqual(['submit.attachment_unknown']);
  });

  it('takes its own uploads, the same bytes uploaded by both parties, and its own filed scans again in an amendment', async () => {
    const mine = await upload(tokenA, ['SYNTHETIC', 'Party Alpha payment order PP-A-1'], 'alpha.pdf');
    const shared = await upload(tokenB, ['The same invoice, sent to both'], 'shared.pdf');
    const sharedToo = await upload(tokenA, ['The same invoice, sent to both'], 'shared.pdf');
    expect(sharedToo.sha256).toBe(shared.sha256);
    // A scan of its own draft, too.
    const draft = await createDraft(
      t.ctx,
      {
        electionId: FILING_ELECTION.id,
        partyRegistrationNumber: A,
        reportKind: 'final',
        periodFrom: '2030-09-26',
        periodTo: '2030-10-04',
      },
      'user:a',
    );
    if (!draft.ok) throw new Error(JSON.stringify(draft.error));
    const drafted = await attachScan(
      t.ctx,
      draft.value.draftId,
      Readable.from([await pdfWithText(['Alpha draft scan'])]),
      'alpha-draft.pdf',
      'user:a',
    );
    if (!drafted.ok) throw new Error(JSON.stringify(drafted.error));
    const { sha256, fileName, mediaType, size } = drafted.value;
    const fromDraft: Scan = { sha256, fileName, mediaType, size };
    const first = await file(tokenA, A, '2030-09-07', [mine, sharedToo, fromDraft]);
    expect(first.statusCode, first.body).toBe(201);
    // With the draft gone, that scan is the party's through its filed version: an amendment names it again.
    const discarded = await discardDraft(t.ctx, draft.value.draftId, 'user:a');
    expect(discarded.ok).toBe(true);
    const amended = await file(tokenA, A, '2030-09-07', [fromDraft]);
    expect(amended.statusCode, amended.body).toBe(201);
    expect(amended.json().data.version).toBe(2);
    // Party Beta still may not.
    expect((await file(tokenB, B, '2030-09-08', [fromDraft])).statusCode).toBe(422);
  });
});
