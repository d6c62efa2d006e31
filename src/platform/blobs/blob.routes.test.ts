// /blobs/<sha256> serves a stored file to anyone only while a published record refers to it: a party's
// logo, a programme's PDF, a scan of a filed report. A draft's scans, a scan removed from a draft, a scan
// uploaded by API and not (yet) filed, any other stored file: 404 there, on every database. A draft's
// scans are its party's and the commission's, through the draft's own route.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { buildAuthTestApp, loginAs, type SignedIn } from '../../accounts/test-support.ts';
import { filingRoutes } from '../../filings/index.ts';
import { createDraft } from '../../filings/draft.service.ts';
import { attachScan, removeScan, storeScan } from '../../filings/scan.service.ts';
import { submitFiling } from '../../filings/submission.service.ts';
import {
  asInput,
  FILING_ELECTION,
  filingTestContext,
  PARTY_A,
  PARTY_B,
  pdfWithText,
  TINY_PNG,
  validFiling,
  type FilingTestContext,
} from '../../filings/filing.test-support.ts';
import { findParty, updateParty } from '../../parties/party.repository.ts';
import { attachProgramme } from '../../programmes/programme.service.ts';
import { blobRoutes } from './blob.routes.ts';
import { storeBlob } from './blob.service.ts';
import { isPublishedBlob } from './blob.repository.ts';

const A = PARTY_A.registrationNumber;
const E = FILING_ELECTION.id;
const LOGO = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>',
);

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describeEachDatabase('who may fetch a stored file', (get) => {
  let t: FilingTestContext;
  let app: FastifyInstance;
  let treasurerA: SignedIn;
  let treasurerB: SignedIn;
  let commission: SignedIn;

  beforeAll(async () => {
    t = filingTestContext(get().db);
    const { setupFilingElection } = await import('../../filings/filing.test-support.ts');
    await setupFilingElection(t.ctx);
    app = await buildAuthTestApp(t.ctx, async (a) => {
      blobRoutes(a, t.ctx);
      await filingRoutes(a, t.ctx);
    });
    treasurerA = await loginAs(app, t.ctx, 'party_treasurer', { party: A });
    treasurerB = await loginAs(app, t.ctx, 'party_treasurer', { party: PARTY_B.registrationNumber });
    commission = await loginAs(app, t.ctx, 'commission_analyst');
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  const blob = (sha: string, who?: SignedIn) =>
    app.inject({ method: 'GET', url: `/blobs/${sha}`, headers: who ? { cookie: who.cookie } : {} });
  const status = async (sha: string, who?: SignedIn) => (await blob(sha, who)).statusCode;

  it("serves a party's logo and a programme's PDF", async () => {
    const logo = must(await storeBlob(t.ctx, LOGO, { originalName: 'logo.svg', allowed: ['image/svg+xml'] }));
    const party = await findParty(t.ctx.db, A);
    if (!party) throw new Error('no party');
    expect(await status(logo.sha256)).toBe(404);
    await updateParty(t.ctx.db, { ...party, logoBlobKey: logo.sha256 }, t.ctx.now().toISOString());
    const res = await blob(logo.sha256);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.body).toBe(LOGO.toString());

    const pdf = await pdfWithText(['Programme of Party Alpha']);
    const programme = must(
      await attachProgramme(
        t.ctx,
        { electionId: E, partyRegistrationNumber: A, text: { ky: 'x', ru: 'x', en: 'x' }, pdf },
        'test',
      ),
    );
    expect(await status(programme.pdfBlobKey ?? '')).toBe(200);
  });

  it('serves no stored file that nothing published refers to', async () => {
    const orphan = must(await storeBlob(t.ctx, TINY_PNG, { originalName: 'x.png', allowed: ['image/png'] }));
    expect(await status(orphan.sha256)).toBe(404);
    expect(await status(orphan.sha256, commission)).toBe(404);
    expect(await isPublishedBlob(t.ctx.db, orphan.sha256)).toBe(false);
  });

  it("keeps a draft's scans to its party and the commission, and publishes them once filed", async () => {
    const draft = must(
      await createDraft(
        t.ctx,
        {
          electionId: E,
          partyRegistrationNumber: A,
          reportKind: 'final',
          periodFrom: '2030-09-26',
          periodTo: '2030-10-04',
        },
        'user:t',
      ),
    );
    const scan = must(
      await attachScan(
        t.ctx,
        draft.draftId,
        Readable.from([await pdfWithText(['Draft scan: SYNTHETIC payment order PP-0099'])]),
        'draft.pdf',
        'user:t',
      ),
    );
    const removed = must(
      await attachScan(
        t.ctx,
        draft.draftId,
        Readable.from([await pdfWithText(['Removed scan'])]),
        'removed.pdf',
        'user:t',
      ),
    );
    must(await removeScan(t.ctx, draft.draftId, removed.sha256, 'user:t'));

    // By hash, nobody: not the public, not another party, not even the draft's own party.
    for (const who of [undefined, treasurerB, treasurerA, commission]) {
      expect(await status(scan.sha256, who)).toBe(404);
      expect(await status(removed.sha256, who)).toBe(404);
    }
    // Through the draft: its party and the commission; not another party.
    const draftScan = (who?: SignedIn) =>
      app.inject({
        method: 'GET',
        url: `/treasurer/drafts/${draft.draftId}/scans/${scan.sha256}`,
        headers: who ? { cookie: who.cookie } : {},
      });
    expect((await draftScan(treasurerA)).statusCode).toBe(200);
    expect((await draftScan(commission)).statusCode).toBe(200);
    expect([403, 404]).toContain((await draftScan(treasurerB)).statusCode);
    expect((await draftScan()).statusCode).not.toBe(200);

    // A scan uploaded for a filing sent by API is not public either until it is filed.
    const uploaded = must(await storeScan(t.ctx, Readable.from([await pdfWithText(['API scan'])]), 'api.pdf'));
    expect(await status(uploaded.sha256)).toBe(404);

    // Filed, the draft's scan is part of the public record.
    const doc = asInput(validFiling(A));
    doc.attachments = [{ sha256: scan.sha256, fileName: scan.fileName, mediaType: scan.mediaType, size: scan.size }];
    must(await submitFiling(t.ctx, doc, { actor: 'user:t', idempotencyKey: null }));
    expect(await status(scan.sha256)).toBe(200);
    expect(await status(removed.sha256)).toBe(404);
    expect(await isPublishedBlob(t.ctx.db, scan.sha256)).toBe(true);
  });
});
