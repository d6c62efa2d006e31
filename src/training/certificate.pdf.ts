// The certificate of a passed course: one A4 landscape page with the holder's name, the course and its
// version, the date and the verification code, and where anyone can check the code. Set in DejaVu
// Sans, which has every Kyrgyz letter (ң ө ү) the PDF standard fonts lack.
import { createRequire } from 'node:module';
import { buffer } from 'node:stream/consumers';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface CertificateInput {
  lang: string;
  /** "Certificate", in the holder's language. */
  heading: string;
  holderName: string;
  /** "has passed the course". */
  passedText: string;
  courseTitle: string;
  /** Labelled lines: version, date, code. */
  facts: ReadonlyArray<{ label: string; value: string }>;
  /** Where the code is checked, as a sentence. */
  checkAt: string;
  producedAt: Date;
}

export async function renderCertificate(input: CertificateInput): Promise<Buffer> {
  // Loaded at the first certificate rather than at start: pdfkit is large and most processes never need it.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    lang: input.lang,
    displayTitle: true,
    info: {
      Title: `${input.heading}: ${input.holderName}`,
      Subject: input.courseTitle,
      CreationDate: input.producedAt,
    },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  // The document is a readable stream: read to its end, it is the file.
  const done = buffer(doc);
  const width = doc.page.width - 112;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke('#1d4f91');
  doc.moveDown(2);
  doc.font('bold').fontSize(30).fillColor('#1d4f91').text(input.heading, { align: 'center', width });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(22).fillColor('#111111').text(input.holderName, { align: 'center', width });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(14).text(input.passedText, { align: 'center', width });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(17).text(`«${input.courseTitle}»`, { align: 'center', width });
  doc.moveDown(1.5);
  for (const f of input.facts) {
    doc.font('regular').fontSize(12).text(`${f.label}: `, { align: 'center', width, continued: true });
    doc.font('bold').text(f.value);
  }
  doc.moveDown(2);
  doc.font('regular').fontSize(10).fillColor('#444444').text(input.checkAt, { align: 'center', width });
  doc.end();
  return done;
}
