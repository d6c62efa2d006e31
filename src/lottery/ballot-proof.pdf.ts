// The ballot proof: a PDF that shows the parties in their drawn order the way the ballot will,
// so that parties and observers can check names, numbers and logos before printing. Every page
// says in three languages that it is a proof and not a ballot.
import { createRequire } from 'node:module';
import svgToPdf from 'svg-to-pdfkit';

/** A party's logo as stored: a raster (PNG, JPEG) drawn as is, or an SVG drawn as vectors. */
export type ProofLogo = { kind: 'raster'; bytes: Buffer } | { kind: 'svg'; text: string };

export interface BallotProofLine {
  ballotNumber: number;
  nameKy: string;
  nameRu: string;
  logo?: ProofLogo;
}

export interface BallotProofInput {
  electionTitle: { ky: string; ru: string };
  /** Election day, ISO 'YYYY-MM-DD'. */
  electionDate: string;
  size: 'A4' | 'A3';
  lines: BallotProofLine[];
  againstAll: { ballotNumber: number; labelKy: string; labelRu: string };
  /** Stamped as the PDF's creation date; without it pdfkit uses the current time. */
  producedAt?: Date;
  /**
   * Set when the draw only illustrates the ceremony: the order printed is not the real ballot
   * order, and the header says so in Kyrgyz and Russian with the draw's own note.
   */
  illustration?: { ky: string; ru: string };
}

/** The heading of an illustration's notice on the proof. */
export const ILLUSTRATION_MARK = 'ИЛЛЮСТРАЦИЯ — чыныгы тартип эмес / ИЛЛЮСТРАЦИЯ — не настоящий порядок';

export const PROOF_MARKS = ['ҮЛГҮ — бюллетень эмес', 'ОБРАЗЕЦ — не бюллетень', 'PROOF — not a ballot'] as const;

// DejaVu Sans has every Kyrgyz letter (ң ө ү); the PDF standard fonts have none of them.
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const PAGE = { A4: [595.28, 841.89], A3: [841.89, 1190.55] } as const;
const INK = '#111111';
const MARK_RED = '#b00020';

/** Sizes in points for A4; A3 is the same design scaled up, so a proof reads the same at both sizes. */
const A4_LAYOUT = {
  margin: 36,
  bannerHeight: 30,
  bannerFont: 9.5,
  titleFont: 15,
  subtitleFont: 11.5,
  dateFont: 10,
  footerFont: 8,
  footerHeight: 18,
  rowMin: 34,
  rowMax: 58,
  nameKyFont: 12.5,
  nameRuFont: 10,
  numberFont: 18,
  watermarkFont: 34,
};
type Layout = typeof A4_LAYOUT;

function layoutFor(size: 'A4' | 'A3'): Layout {
  const scale = PAGE[size][0] / PAGE.A4[0];
  return Object.fromEntries(Object.entries(A4_LAYOUT).map(([k, v]) => [k, v * scale])) as Layout;
}

/** '2026-10-15' → '15.10.2026', the way dates are written on Kyrgyz and Russian ballots. */
function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`election date is not an ISO date: ${iso}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

interface Row {
  ballotNumber: number;
  primary: string;
  secondary: string;
  logo?: ProofLogo;
  againstAll: boolean;
}

type Doc = PDFKit.PDFDocument;

const HSL = /hsla?\(\s*(-?[\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%\s*(?:[,/]\s*[\d.]+%?\s*)?\)/g;

/** `hsl()` colours as `#rrggbb`: the SVG drawer knows hex and rgb() only, and would paint hsl() black. */
export function hslAsHex(svg: string): string {
  return svg.replace(HSL, (_m, h: string, s: string, l: string) => {
    const sat = Math.min(1, Number(s) / 100);
    const light = Math.min(1, Number(l) / 100);
    const hue = ((Number(h) % 360) + 360) % 360;
    const a = sat * Math.min(light, 1 - light);
    const channel = (n: number) => {
      const k = (n + hue / 30) % 12;
      const v = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
      return Math.round(v * 255)
        .toString(16)
        .padStart(2, '0');
    };
    return `#${channel(0)}${channel(8)}${channel(4)}`;
  });
}

/**
 * A logo fitted into its square cell, centred. An SVG is drawn as vectors, so it prints sharp at any
 * size; one the drawer cannot read leaves the cell empty rather than failing the whole proof.
 */
function drawLogo(doc: Doc, logo: ProofLogo, x: number, y: number, side: number): void {
  if (logo.kind === 'raster') {
    doc.image(logo.bytes, x, y, { fit: [side, side], align: 'center', valign: 'center' });
    return;
  }
  try {
    doc.save();
    svgToPdf(doc, hslAsHex(logo.text), x, y, {
      width: side,
      height: side,
      preserveAspectRatio: 'xMidYMid meet',
      assumePt: true,
      // Text inside a logo (initials) is set in the proof's own font, which has Cyrillic.
      fontCallback: () => 'bold',
      // What the drawer cannot read it skips; the proof is no place to report a logo's flaws.
      warningCallback: () => undefined,
    });
  } catch {
    // An unreadable SVG: the cell stays empty, as for a party without a logo.
  } finally {
    doc.restore();
  }
}

/** Proof banner across the top of the page: red frame, all three marks on one line. */
function drawBanner(doc: Doc, x: number, y: number, width: number, l: Layout): void {
  doc.save().lineWidth(1.2).rect(x, y, width, l.bannerHeight).fillAndStroke('#fde8ea', MARK_RED).restore();
  doc.font('bold').fontSize(l.bannerFont).fillColor(MARK_RED);
  const text = PROOF_MARKS.join('   ·   ');
  doc.text(text, x, y + (l.bannerHeight - doc.currentLineHeight()) / 2, { width, align: 'center', lineBreak: false });
}

/** The big diagonal mark, drawn last and translucent so that it covers the lines without hiding them. */
function drawWatermark(doc: Doc, pageWidth: number, pageHeight: number, l: Layout): void {
  const angle = (-Math.atan2(pageHeight, pageWidth) * 180) / Math.PI;
  const [cx, cy] = [pageWidth / 2, pageHeight / 2];
  const lineGap = l.watermarkFont * 1.35;
  doc
    .save()
    .rotate(angle, { origin: [cx, cy] })
    .fillOpacity(0.16)
    .fillColor(MARK_RED)
    .font('bold')
    .fontSize(l.watermarkFont);
  const width = Math.hypot(pageWidth, pageHeight) * 0.8;
  PROOF_MARKS.forEach((mark, i) => {
    doc.text(mark, cx - width / 2, cy + (i - 1) * lineGap - l.watermarkFont / 2, {
      width,
      align: 'center',
      lineBreak: false,
    });
  });
  doc.restore();
}

function drawHeader(doc: Doc, input: BallotProofInput, x: number, y: number, width: number, l: Layout): number {
  doc.fillColor(INK).font('bold').fontSize(l.titleFont);
  doc.text(input.electionTitle.ky, x, y, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(l.subtitleFont)
    .text(input.electionTitle.ru, x, doc.y + 2, { width, align: 'center' });
  doc.fontSize(l.dateFont).fillColor('#333333');
  doc.text(`Шайлоо күнү / День выборов: ${formatDate(input.electionDate)}`, x, doc.y + 4, { width, align: 'center' });
  if (input.illustration) {
    doc.fillColor('#b00020').font('bold').fontSize(l.dateFont);
    doc.text(ILLUSTRATION_MARK, x, doc.y + 4, { width, align: 'center' });
    doc.font('regular').fontSize(l.dateFont * 0.85);
    doc.text(`${input.illustration.ky} / ${input.illustration.ru}`, x, doc.y + 2, { width, align: 'center' });
    doc.fillColor(INK);
  }
  return doc.y;
}

/**
 * The largest font scale (1 down to 0.6) at which both names fit the cell; long names then wrap.
 * A name is never cut: a missing word on a proof is the very error the proof is for.
 */
function fitNames(doc: Doc, row: Row, width: number, height: number, l: Layout): number {
  for (let k = 1; k > 0.6; k -= 0.05) {
    const h =
      doc
        .font('bold')
        .fontSize(l.nameKyFont * k)
        .heightOfString(row.primary, { width }) +
      doc
        .font('regular')
        .fontSize(l.nameRuFont * k)
        .heightOfString(row.secondary, { width });
    if (h + 2 <= height) return k;
  }
  return 0.6;
}

function drawRow(doc: Doc, row: Row, x: number, y: number, width: number, height: number, l: Layout): void {
  const pad = height * 0.12;
  const cell = height - 2 * pad;
  if (row.againstAll) doc.save().rect(x, y, width, height).fill('#f2f2f2').restore();

  // Ballot number in its own square.
  doc
    .save()
    .lineWidth(1)
    .rect(x + pad, y + pad, cell, cell)
    .stroke(INK)
    .restore();
  doc
    .font('bold')
    .fontSize(Math.min(l.numberFont, cell * 0.55))
    .fillColor(INK);
  doc.text(String(row.ballotNumber), x + pad, y + (height - doc.currentLineHeight()) / 2, {
    width: cell,
    align: 'center',
    lineBreak: false,
  });

  // The logo column is kept even when empty, so that the names line up down the ballot.
  const logoX = x + 2 * pad + cell;
  if (row.logo) drawLogo(doc, row.logo, logoX, y + pad, cell);

  const markSide = cell * 0.8;
  const markX = x + width - pad * 2 - markSide;
  doc
    .save()
    .lineWidth(1.6)
    .rect(markX, y + (height - markSide) / 2, markSide, markSide)
    .stroke(INK)
    .restore();

  const textX = logoX + cell + pad * 1.5;
  const textWidth = markX - pad * 2 - textX;
  const k = fitNames(doc, row, textWidth, height - pad, l);
  const kyHeight = doc
    .font('bold')
    .fontSize(l.nameKyFont * k)
    .heightOfString(row.primary, { width: textWidth });
  const ruHeight = doc
    .font('regular')
    .fontSize(l.nameRuFont * k)
    .heightOfString(row.secondary, { width: textWidth });
  const top = y + (height - kyHeight - ruHeight - 1) / 2;
  doc
    .font('bold')
    .fontSize(l.nameKyFont * k)
    .fillColor(INK)
    .text(row.primary, textX, top, { width: textWidth });
  doc
    .font('regular')
    .fontSize(l.nameRuFont * k)
    .fillColor('#222222')
    .text(row.secondary, textX, top + kyHeight + 1, { width: textWidth });
}

function drawFooter(doc: Doc, page: number, pages: number, x: number, y: number, width: number, l: Layout): void {
  doc.font('regular').fontSize(l.footerFont).fillColor('#555555');
  const text = `${PROOF_MARKS.join(' · ')}   —   Бет / Страница / Page ${page} / ${pages}`;
  doc.text(text, x, y, { width, align: 'center', lineBreak: false });
}

/**
 * Splits rows into pages of equal size (so "Against all" is never left alone on a last page),
 * with as few pages as the smallest row height allows; rows grow to fill a short ballot.
 */
function paginate(rowCount: number, available: number, l: Layout): { perPage: number; rowHeight: number } {
  const pages = Math.ceil(rowCount / Math.max(1, Math.floor(available / l.rowMin)));
  const perPage = Math.ceil(rowCount / pages);
  return { perPage, rowHeight: Math.min(l.rowMax, available / perPage) };
}

/** Renders the proof; parties in ascending ballot number, "Against all" last. */
export async function renderBallotProof(input: BallotProofInput): Promise<Buffer> {
  const [pageWidth, pageHeight] = PAGE[input.size];
  const l = layoutFor(input.size);
  const rows: Row[] = [
    ...[...input.lines]
      .sort((a, b) => a.ballotNumber - b.ballotNumber)
      .map((line) => ({
        ballotNumber: line.ballotNumber,
        primary: line.nameKy,
        secondary: line.nameRu,
        logo: line.logo,
        againstAll: false,
      })),
    {
      ballotNumber: input.againstAll.ballotNumber,
      primary: input.againstAll.labelKy,
      secondary: input.againstAll.labelRu,
      againstAll: true,
    },
  ];

  // pdfkit is loaded at the first proof, not when the server starts: few processes ever draw one, and
  // every one would carry it in memory. (The SVG drawer above is small and loads nothing of pdfkit's.)
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: input.size,
    margin: 0, // we place everything ourselves; a page margin would make pdfkit add pages on its own
    autoFirstPage: false,
    lang: 'ky',
    displayTitle: true,
    info: {
      Title: `${PROOF_MARKS[0]}: ${input.electionTitle.ky}`,
      Subject: PROOF_MARKS.join(' / '),
      ...(input.producedAt ? { CreationDate: input.producedAt } : {}),
    },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const x = l.margin;
  const width = pageWidth - 2 * l.margin;
  const startPage = (): number => {
    doc.addPage();
    drawBanner(doc, x, l.margin, width, l);
    return drawHeader(doc, input, x, l.margin + l.bannerHeight + l.margin / 3, width, l) + l.margin / 3;
  };
  // The header is the same on every page, so the first one tells how much room the rows have.
  const tableTop = startPage();
  const tableBottom = pageHeight - l.margin - l.footerHeight;
  const { perPage, rowHeight } = paginate(rows.length, tableBottom - tableTop, l);
  const pages = Math.ceil(rows.length / perPage);

  for (let page = 0; page < pages; page++) {
    if (page > 0) startPage();
    const pageRows = rows.slice(page * perPage, (page + 1) * perPage);
    pageRows.forEach((row, i) => drawRow(doc, row, x, tableTop + i * rowHeight, width, rowHeight, l));
    // Rules between rows, a heavier one above "Against all", and a frame round the table.
    doc.save().strokeColor(INK);
    pageRows.forEach((row, i) => {
      if (i === 0) return;
      doc.lineWidth(row.againstAll ? 1.8 : 0.6);
      doc
        .moveTo(x, tableTop + i * rowHeight)
        .lineTo(x + width, tableTop + i * rowHeight)
        .stroke();
    });
    doc
      .lineWidth(1.2)
      .rect(x, tableTop, width, pageRows.length * rowHeight)
      .stroke()
      .restore();
    drawFooter(doc, page + 1, pages, x, pageHeight - l.margin - l.footerFont, width, l);
    drawWatermark(doc, pageWidth, pageHeight, l);
  }
  doc.end();
  return done;
}
