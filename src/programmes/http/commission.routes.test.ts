// The commission's programme form over HTTP on the demo: only the administrator may attach a
// programme; its text is required in one language at least, a file that is not a PDF is refused with
// what was typed kept, and a second save without a file keeps the PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commissionElection,
  DEMO,
  expectOnlyAdminPosts,
  pdfBytes,
  signedMultipart,
  startCommissionServer,
  summary,
  text,
  type CommissionServer,
} from '../../../test/portal/commission-support.ts';
import { createElection } from '../../elections/index.ts';
import { registerParty } from '../../parties/index.ts';
import { findProgramme } from '../index.ts';

const E = 'programmes-2030';
const PARTY = 'PR-0101';

describe('commission form of programmes', () => {
  let s: CommissionServer;
  beforeAll(async () => {
    s = await startCommissionServer();
    const ctx = s.server.ctx;
    const made = await createElection(ctx, commissionElection(E), 'test');
    if (!made.ok) throw new Error(made.error.map((p) => p.message).join('; '));
    const name = { ky: 'Программа партиясы', ru: 'Партия программ', en: 'Programme party' };
    await registerParty(
      ctx,
      {
        electionId: E,
        party: {
          registrationNumber: PARTY,
          name,
          shortName: name,
          leader: '',
          foundedOn: null,
          address: '',
          phone: '',
          website: '',
          logoBlobKey: null,
        },
      },
      'test',
    );
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const url = `/en/commission/elections/${E}/parties/${PARTY}/programme`;
  const send = (fields: Array<[string, string]>, file?: { name: string; type: string; bytes: Buffer }) =>
    s.inject({
      method: 'POST',
      url,
      ...signedMultipart(s.admin, fields, file ? { field: 'pdf', ...file } : undefined),
    });

  it('lets only the administrator attach a programme', async () => {
    const demo = `/en/commission/elections/${DEMO}/parties/${encodeURIComponent(s.demoParty)}/programme`;
    await expectOnlyAdminPosts(s, [{ url: demo, body: (w) => signedMultipart(w, [['textRu', 'Программа']]) }]);
  });

  it('attaches a programme with its PDF, refusing a file that is not a PDF', async () => {
    const empty = await send([
      ['textKy', ' '],
      ['textRu', ''],
      ['textEn', ''],
    ]);
    expect(empty.statusCode).toBe(422);
    expect(summary(empty.body)).toEqual([
      'Programme text in Kyrgyz: Enter the programme’s text in at least one language.',
    ]);
    const exe = await send([['textRu', 'Текст']], {
      name: 'programme.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('MZ\x90\x00not a pdf'),
    });
    expect(summary(exe.body)).toEqual(['Original (PDF): Only a PDF file can be attached.']);
    expect(exe.body).toContain('Текст</textarea>'); // the text typed comes back
    expect(await findProgramme(s.server.ctx.db, E, PARTY)).toBeUndefined();

    const ok = await send(
      [
        ['textKy', 'Программа'],
        ['textRu', 'Программа партии'],
        ['textEn', ''],
      ],
      { name: 'programme.pdf', type: 'application/pdf', bytes: await pdfBytes() },
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/en/commission/elections/${E}/parties/${PARTY}?done=programme#programme`);
    const saved = await findProgramme(s.server.ctx.db, E, PARTY);
    expect(saved?.text).toEqual({ ky: 'Программа', ru: 'Программа партии', en: '' });
    expect(saved?.pdfBlobKey).toMatch(/^[0-9a-f]{64}$/);
    const page = await s.inject({
      url: (ok.headers.location ?? '').split('#')[0] ?? '',
      headers: { cookie: s.admin.cookie },
    });
    expect(page.body).toContain(`href="/blobs/${saved?.pdfBlobKey}"`);
    expect(text(page.body)).toContain('Text in: Kyrgyz, Russian');
    expect(text(page.body)).toContain('The programme was saved.');
    // A second save without a file keeps the PDF.
    expect((await send([['textRu', 'Новая редакция']])).statusCode).toBe(303);
    expect((await findProgramme(s.server.ctx.db, E, PARTY))?.pdfBlobKey).toBe(saved?.pdfBlobKey);
  });

  it('answers 404 for the form of a party that does not stand in the election', async () => {
    const r = await s.inject({
      method: 'POST',
      url: `/en/commission/elections/${E}/parties/NO-SUCH/programme`,
      ...signedMultipart(s.admin, [['textRu', 'x']]),
    });
    expect(r.statusCode).toBe(404);
  });
});
