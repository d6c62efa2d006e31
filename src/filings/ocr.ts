// The OCR port and its one adapter, Tesseract run as a separate program (Debian's `tesseract-ocr` with its
// `kir`, `rus` and `eng` data). An image scan is read as it is; a PDF with no text layer is turned into one
// PNG per page by `pdftoppm` (poppler-utils) first. The programs are looked for once per app and command:
// without Tesseract, OCR is off and says so once through the server's log; it is never tried.
//
// Each run is bounded: files over a size cap are not read, each program call has a timeout and an output
// cap, and only the first pages of a PDF are read. The engine runs single-threaded, so that reading a scan
// in the background never takes every core from the server beside it.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../platform/app-context.ts';
import { engineVersion, installedLanguages, tidyOcrText } from './core/ocr-text.ts';

export interface OcrOptions {
  /** The Tesseract program: a name looked up in PATH or a path (tests point it at one that is not there). */
  tesseract?: string;
  /** The pdftoppm program, for image-only PDFs. */
  pdftoppm?: string;
  /** Per program call. */
  timeoutMs?: number;
  /** Files larger than this are not read. */
  maxBytes?: number;
  /** Pages of a PDF read at most. */
  maxPages?: number;
  maxChars?: number;
}

/** An OCR engine that is installed: what it is called in the records, and the reading itself. */
export interface OcrEngine {
  /** The engine, its version and its languages, e.g. `tesseract 5.3.0 kir+rus+eng`. */
  readonly name: string;
  /** Whether image-only PDFs can be read (pdftoppm is there). */
  readonly readsPdf: boolean;
  /** The text of an image (PNG, JPEG, TIFF) or of an image-only PDF; undefined when it was not read. */
  read(bytes: Uint8Array, mediaType: string): Promise<string | undefined>;
}

/** The engine when it is there; otherwise none. `notices` are for the server's log, said once. */
export interface OcrAvailability {
  engine: OcrEngine | undefined;
  notices: string[];
}

export const OCR_OFF_NOTICE = 'OCR is off: tesseract is not installed';
export const OCR_PDF_OFF_NOTICE = 'OCR of image-only PDFs is off: pdftoppm is not installed';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/tiff']);
const DEFAULTS = {
  tesseract: 'tesseract',
  pdftoppm: 'pdftoppm',
  timeoutMs: 120_000,
  maxBytes: 30 * 1024 * 1024,
  maxPages: 20,
  maxChars: 200_000,
} satisfies Required<OcrOptions>;

/** Runs a program without a shell; rejects on a non-zero exit, a timeout or too much output. */
function run(file: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        timeout: timeoutMs,
        maxBuffer: 8 * 1024 * 1024,
        encoding: 'utf8',
        // One thread: OpenMP's default takes every core, and this runs beside the server.
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (error, stdout, stderr) => (error ? reject(error) : resolve({ stdout, stderr })),
    );
  });
}

const notInstalled = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

class TesseractEngine implements OcrEngine {
  constructor(
    readonly name: string,
    readonly readsPdf: boolean,
    private readonly languages: string,
    private readonly o: Required<OcrOptions>,
  ) {}

  async read(bytes: Uint8Array, mediaType: string): Promise<string | undefined> {
    const isPdf = mediaType === 'application/pdf';
    if (bytes.length > this.o.maxBytes || !(IMAGE_TYPES.has(mediaType) || (isPdf && this.readsPdf))) return undefined;
    const dir = await mkdtemp(join(tmpdir(), 'talapker-ocr-'));
    try {
      const input = join(dir, isPdf ? 'scan.pdf' : 'scan');
      await writeFile(input, bytes);
      const images = isPdf ? await this.pages(input, dir) : [input];
      const texts: string[] = [];
      for (const image of images) texts.push(await this.readImage(image));
      return tidyOcrText(texts.join('\n'), this.o.maxChars);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async readImage(path: string): Promise<string> {
    const { stdout } = await run(this.o.tesseract, [path, 'stdout', '-l', this.languages], this.o.timeoutMs);
    return stdout;
  }

  /** One PNG per page (the first `maxPages`), at a resolution the engine reads well. */
  private async pages(pdf: string, dir: string): Promise<string[]> {
    const prefix = join(dir, 'page');
    await run(
      this.o.pdftoppm,
      ['-png', '-r', '200', '-f', '1', '-l', String(this.o.maxPages), pdf, prefix],
      this.o.timeoutMs,
    );
    return (await readdir(dir))
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => join(dir, f));
  }
}

/** Looks for the programs: the engine when Tesseract and at least one of its languages are there. */
export async function detectOcr(opts: OcrOptions = {}): Promise<OcrAvailability> {
  const o = { ...DEFAULTS, ...opts };
  let version: string | undefined;
  let languages: string[] = [];
  try {
    const v = await run(o.tesseract, ['--version'], 10_000);
    // Older versions print the version on standard error.
    version = engineVersion(`${v.stdout}\n${v.stderr}`);
    const l = await run(o.tesseract, ['--list-langs'], 10_000);
    languages = installedLanguages(`${l.stdout}\n${l.stderr}`.trim());
  } catch (e) {
    return {
      engine: undefined,
      notices: [notInstalled(e) ? OCR_OFF_NOTICE : `OCR is off: tesseract does not start (${String(e)})`],
    };
  }
  if (!version) return { engine: undefined, notices: [OCR_OFF_NOTICE] };
  if (languages.length === 0)
    return { engine: undefined, notices: ['OCR is off: tesseract has none of the kir, rus, eng language data'] };
  let readsPdf = true;
  try {
    await run(o.pdftoppm, ['-v'], 10_000);
  } catch {
    readsPdf = false;
  }
  const lang = languages.join('+');
  return {
    engine: new TesseractEngine(`${version} ${lang}`, readsPdf, lang, o),
    notices: readsPdf ? [] : [OCR_PDF_OFF_NOTICE],
  };
}

const OCR_AREA = 'filings.ocr';

/** The app's OCR, looked for once per command (held on the context, like every cache). */
export function ocrOf(ctx: AppContext, opts: OcrOptions = {}): Promise<OcrAvailability> {
  const key = `${opts.tesseract ?? DEFAULTS.tesseract}\n${opts.pdftoppm ?? DEFAULTS.pdftoppm}`;
  const known = ctx.memo.get<Promise<OcrAvailability>>(OCR_AREA, key);
  if (known) return known;
  const found = detectOcr(opts);
  ctx.memo.set(OCR_AREA, key, found);
  return found;
}
