// The small files every site answers at its root: the icon browsers ask for, `robots.txt` and the
// sitemap's XML. The sitemap's addresses come from the capabilities that own the pages; this file only
// writes them out.

/** The site's icon: a ballot box in the colours of the header, small enough to send with every tab. */
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#0b4f6c"/>
<rect x="7" y="14" width="18" height="12" rx="1" fill="#fff"/>
<rect x="10" y="4" width="12" height="12" rx="1" fill="#f2c14e"/>
<rect x="11" y="13" width="10" height="2" fill="#0b4f6c"/>
</svg>
`;

export const faviconPath = '/favicon.svg';

/** Resources that rarely change: a day in browsers, a week in a CDN. */
export const SITE_FILE_CACHE = 'public, max-age=86400, s-maxage=604800';

/**
 * Sign-in and the staff screens are of no use to a crawler. The public API only reads (its writes are
 * POSTs, which crawlers do not send), so it stays open like the pages.
 */
const PRIVATE_SECTIONS = ['account', 'commission', 'treasurer', 'bank'] as const;

/** `robots.txt`: public pages may be crawled, staff screens (in every language) may not. */
export function robotsTxt(origin: string, locales: readonly string[]): string {
  const disallow = locales.flatMap((l) => PRIVATE_SECTIONS.map((p) => `Disallow: /${l}/${p}`));
  return ['User-agent: *', 'Allow: /', ...disallow, '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}

/** The site's own address for absolute links: the configured public address, else the request's. */
export function siteOrigin(publicUrl: string | undefined, req: { protocol: string; host: string }): string {
  return publicUrl ?? `${req.protocol}://${req.host}`;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export interface SitemapEntry {
  /** An absolute address. */
  loc: string;
  /** The other languages of the same page: language → absolute address. */
  alternates?: Readonly<Record<string, string>>;
}

/** A sitemap (sitemaps.org 0.9) with the language versions of each page as `xhtml:link` alternates. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const alternates = Object.entries(e.alternates ?? {}).map(
      ([lang, href]) => `<xhtml:link rel="alternate" hreflang="${escapeXml(lang)}" href="${escapeXml(href)}"/>`,
    );
    return `<url><loc>${escapeXml(e.loc)}</loc>${alternates.join('')}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
