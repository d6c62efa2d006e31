// Scans that are only images are read by OCR in the background and found by the search: a PNG and an
// image-only PDF, each rendered here from a known phrase in Russian Cyrillic and Latin, uploaded through the
// filing API, filed, read by the job, then searched for on the public page and shown beside the scan.
// Without Tesseract the job records nothing and the server says once that OCR is off.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { bearerAs, buildAuthTestApp } from '../accounts/test-support.ts';
import type { AppContext } from '../platform/app-context.ts';
import { buildServer } from '../server.ts';
import { filingRoutes } from './http/site.ts';
import { filingsCapability } from './index.ts';
import { detectOcr, OCR_OFF_NOTICE, ocrOf } from './ocr.ts';
import { drainScanTexts } from './scan-text-jobs.ts';
import {
  asInput,
  filingTestContext,
  mountFilingApi,
  multipart,
  PARTY_A,
  setupFilingElection,
  TINY_PNG,
  validFiling,
  type FilingTestContext,
} from './filing.test-support.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const run = promisify(execFile);
const A = PARTY_A.registrationNumber;

// The engine is on every machine that runs the suite (.ci/run installs it); without it only its tests skip.
const installed = (await detectOcr()).engine;

/** A PDF page with the lines in a font that has Cyrillic; as an image only, when `image` is given. */
async function pdfPage(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A PNG of the lines, as a scanner would make it: the page typeset, then rasterised (no text layer). */
async function pngWithText(lines: string[]): Promise<Buffer> {
  const pdf = await pdfPage((doc) => {
    doc.registerFont('text', FONT).font('text').fontSize(18);
    for (const l of lines) doc.text(l);
  });
  const dir = await mkdtemp(join(tmpdir(), 'talapker-ocr-test-'));
  try {
    await writeFile(join(dir, 'page.pdf'), pdf);
    await run('pdftoppm', ['-png', '-r', '150', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
    return await readFile(join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PDF that holds only a picture of the text: what a scanner that writes PDF makes. */
const imageOnlyPdf = async (png: Buffer) => pdfPage((doc) => doc.image(png, 20, 20, { width: 380 }));

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ');

async function upload(app: FastifyInstance, headers: Record<string, string>, name: string, bytes: Buffer) {
  const body = multipart([], { field: 'file', name, type: 'application/octet-stream', bytes });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/filings/scans',
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
  expect(res.statusCode).toBe(201);
  return res.json().data as { sha256: string; fileName: string; mediaType: string; size: number };
}

describeEachDatabase('OCR of image scans', (get) => {
  let t: FilingTestContext;
  let ctx: AppContext;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = filingTestContext(get().db);
    ctx = t.ctx;
    await setupFilingElection(ctx);
    app = await buildAuthTestApp(ctx, async (a) => {
      await filingRoutes(a, ctx);
      await mountFilingApi(a, ctx);
    });
  });
  afterAll(async () => {
    await app?.close();
    t?.close();
  });

  it.skipIf(!installed)(
    'reads an uploaded PNG and an image-only PDF, finds them by their words, and shows the text beside the scan',
    async () => {
      const token = await bearerAs(ctx, 'party_treasurer', ['filings:write', 'filings:submit'], { party: A });
      const png = await pngWithText(['Счёт за плакаты', 'Invoice ZEBRA 7731']);
      const pdf = await imageOnlyPdf(await pngWithText(['Аренда сцены', 'Rent of GIRAFFE stage']));
      const scans = [
        await upload(app, token.headers, 'invoice-scan.png', png),
        await upload(app, token.headers, 'rent-scan.pdf', pdf),
      ];
      expect(scans.map((s) => s.mediaType)).toEqual(['image/png', 'application/pdf']);
      const doc = { ...asInput(validFiling(A, { periodFrom: '2030-09-16' })), attachments: scans };
      const filed = await app.inject({
        method: 'POST',
        url: '/api/v1/filings',
        payload: doc,
        headers: { ...token.headers, 'idempotency-key': 'ocr-scan' },
      });
      expect(filed.statusCode).toBe(201);

      const search = async (locale: string, q: string) =>
        text((await app.inject({ url: `/${locale}/reports/search?q=${encodeURIComponent(q)}` })).body);
      // Not before the background job has read the images.
      expect(await search('ru', 'плакаты')).not.toContain('invoice-scan.png');

      const read = await drainScanTexts(ctx);
      expect(read.map((r) => [r.source, r.sha256])).toEqual(scans.map((s) => ['ocr', s.sha256]));
      expect(read[0]!.engine).toMatch(/^tesseract \d+\.\d+.* (kir\+)?rus\+eng$/);

      const cyrillic = await search('ru', 'плакаты');
      expect(cyrillic).toContain('invoice-scan.png');
      expect(cyrillic).toContain('распознано машиной');
      expect(await search('en', 'zebra')).toContain('invoice-scan.png');
      expect(await search('ky', 'сцены')).toContain('rent-scan.pdf');
      expect(await search('en', 'giraffe')).toContain('rent-scan.pdf');
      expect(await search('en', 'zebra')).not.toContain('rent-scan.pdf');

      // A second upload of the same bytes is not read again.
      await upload(app, token.headers, 'again.png', png);
      expect(await drainScanTexts(ctx)).toEqual([]);

      const page = await app.inject({ url: `/en/reports/${filed.json().data.id}` });
      expect(page.statusCode).toBe(200);
      const details = [...page.body.matchAll(/<details class="scan-text" data-source="ocr">([\s\S]*?)<\/details>/g)];
      expect(details).toHaveLength(2);
      expect(text(details[0]![1]!)).toMatch(/Machine-read text .*ZEBRA 7731/);
    },
  );

  it.skipIf(!installed)('reads an upload in the worker the server runs beside it', async () => {
    const worker = filingsCapability().work!(ctx, (e) => {
      throw e;
    });
    try {
      const token = await bearerAs(ctx, 'party_treasurer', ['filings:write'], { party: A });
      const png = await pngWithText(['Worker platypus 5150']);
      const { sha256 } = await upload(app, token.headers, 'worker.png', png);
      const readBy = Date.now() + 60_000;
      let row;
      while (
        !(row = await ctx.db.selectFrom('scan_texts').selectAll().where('sha256', '=', sha256).executeTakeFirst())
      ) {
        if (Date.now() > readBy) throw new Error('the worker did not read the scan');
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(row).toMatchObject({ source: 'ocr', text: expect.stringContaining('platypus 5150') });
    } finally {
      await worker.stop();
    }
  });

  it('records nothing without Tesseract, and the server says once that OCR is off', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const ocr = { tesseract: join(tmpdir(), 'no-such-folder', 'tesseract') };
    // Fastify takes a destination stream beside the level; the server's option names only the level.
    const logger = { level: 'warn', stream };
    const server = await buildServer(ctx, { logger, capabilities: [filingsCapability({ ocr })] });
    try {
      await server.ready();
      await ocrOf(ctx, ocr);
      const token = await bearerAs(ctx, 'party_treasurer', ['filings:write'], { party: A });
      const first = await upload(server, token.headers, 'unread.png', TINY_PNG);
      expect(await drainScanTexts(ctx, ocr)).toEqual([]);
      await upload(server, token.headers, 'unread-again.png', Buffer.concat([TINY_PNG, Buffer.from([0])]));
      expect(await drainScanTexts(ctx, ocr)).toEqual([]);
      const rows = await ctx.db.selectFrom('scan_texts').select('sha256').where('sha256', '=', first.sha256).execute();
      expect(rows).toEqual([]);
      const jobs = await ctx.db.selectFrom('jobs').select('status').where('dedupe_key', '=', first.sha256).execute();
      expect(jobs).toEqual([{ status: 'done' }]);
      const notices = lines.map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(notices.filter((n) => n.msg === OCR_OFF_NOTICE)).toEqual([
        expect.objectContaining({ level: 40, msg: OCR_OFF_NOTICE }),
      ]);
    } finally {
      await server.close();
    }
  });
});
