// Scans of supporting documents with an inline viewer: PDFs in a frame, images as images, each with a
// download link (and, on a draft, the actions the treasurer may take); on a filed report, the text read
// from each scan beside it.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { formatNumber } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';

function formatSize(l: Locale, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(l, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(l, Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(l, Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

export interface ScanItem {
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** Where the file is served inline. */
  href: string;
  /** Text read from it in the background, when it has been (public pages only). */
  read?: { source: 'ocr' | 'pdf-text'; text: string } | undefined;
}

/** The text read from a scan, folded under the scan; OCR's marked as machine-read, since letters may be wrong. */
function ReadText(p: { locale: Locale; read: NonNullable<ScanItem['read']> }) {
  const l = p.locale;
  const ocr = p.read.source === 'ocr';
  return (
    <details class="scan-text" data-source={p.read.source}>
      <summary>{t(l, ocr ? 'filings.scans.machineRead' : 'filings.scans.pdfText')}</summary>
      {ocr ? <p class="muted">{t(l, 'filings.scans.machineReadNote')}</p> : null}
      <div style="white-space: pre-wrap">{p.read.text}</div>
    </details>
  );
}

/** Scans with an inline viewer: PDFs in a frame, images as images; each with a download link. */
export function ScanList(p: {
  locale: Locale;
  scans: ScanItem[];
  viewer?: boolean;
  actions?: (s: ScanItem) => ComponentChildren;
}) {
  const l = p.locale;
  if (p.scans.length === 0) return <p>{t(l, 'filings.scans.none')}</p>;
  return (
    <ul class="scans">
      {p.scans.map((s) => (
        <li key={s.sha256}>
          <p>
            <strong>{s.fileName}</strong> <span class="muted">({formatSize(l, s.size)})</span> ·{' '}
            <a href={`${s.href}?download=1`} download={s.fileName}>
              {t(l, 'filings.scans.download')}
            </a>{' '}
            · <a href={s.href}>{t(l, 'filings.scans.open')}</a>
            {p.actions ? p.actions(s) : null}
          </p>
          {p.viewer === false ? null : s.mediaType === 'application/pdf' ? (
            <iframe src={s.href} title={t(l, 'filings.scans.viewerTitle', { name: s.fileName })} loading="lazy" />
          ) : (
            <img src={s.href} alt={t(l, 'filings.scans.imageAlt', { name: s.fileName })} loading="lazy" />
          )}
          {s.read && s.read.text !== '' ? <ReadText locale={l} read={s.read} /> : null}
        </li>
      ))}
    </ul>
  );
}
