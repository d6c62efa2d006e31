// Snapshots of the public record as anonymous visitors see it: the HTML of a fixed set of demo pages
// in every language and the OpenAPI document. Restructuring the code must leave them as they are;
// the site header (navigation), the stylesheet's content hash and inline <style> blocks are left out of the comparison, so
// that navigation may change without every snapshot changing with it.
import type { FastifyInstance } from 'fastify';

export const SNAPSHOT_CLOCK = '2026-11-20T06:00:00.000Z';
const MAX_PAGES = 420;

/** What of a page is compared: everything but the site header and the stylesheet's hashed path. */
export function comparablePage(html: string): string {
  return (
    html
      .replace(/<header class="site">[\s\S]*?<\/header>/, '<header class="site"></header>')
      // A public form's CSRF token is new on every visit.
      .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""')
      .replace(/\/static\/site\.[0-9a-f]+\.css/g, '/static/site.css')
      .replace(/<link rel="stylesheet" href="\/static\/[^"]+"\/?>/g, '')
      // Styles move into the one stylesheet; where they are written is not part of the record.
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
  );
}

const isPage = (href: string): boolean =>
  href.startsWith('/') &&
  !href.startsWith('//') &&
  !href.startsWith('/api/') &&
  !href.startsWith('/static/') &&
  !href.startsWith('/blobs/') &&
  !/\.(csv|xlsx|json|pdf|png|svg|atom|xml|zip)(\?|$)/.test(href) &&
  !/\/(account|treasurer|commission|bank)(\/|$|\?)/.test(href) &&
  !href.includes('/scans/') &&
  // The log's pages show signatures, hashes and times of this very demo load: different on every run.
  !/^\/(ky|ru|en)\/log(\/|$|\?)/.test(href);

/**
 * The pages to snapshot: a breadth-first walk from the three home pages over anonymous links, taking at
 * most a few pages of each shape (candidate pages, report pages…) so the set stays small but covers every
 * kind of page.
 */
export async function discoverPublicPages(app: FastifyInstance): Promise<string[]> {
  const queue = ['/ky/', '/ru/', '/en/', '/ky/search?q=%D0%90%D0%B9%D0%B3%D2%AF%D0%BB', '/en/search?q=asanov'];
  const seen = new Set(queue);
  const perShape = new Map<string, number>();
  const pages: string[] = [];
  while (queue.length > 0 && pages.length < MAX_PAGES) {
    const url = queue.shift() as string;
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
    pages.push(url);
    const hrefs = [...res.body.matchAll(/href="([^"#]+)/g)]
      .map((m) => m[1]!.replace(/&amp;/g, '&'))
      .filter(isPage)
      .sort();
    for (const href of hrefs) {
      if (seen.has(href)) continue;
      seen.add(href);
      // Numbers and hashed identifiers (donors, payees) are the variable parts of a page's shape.
      const shape = href
        .replace(/[0-9a-f]{16,}/g, 'H')
        .replace(/\d+/g, 'N')
        .replace(/\?.*$/, '?');
      const n = perShape.get(shape) ?? 0;
      if (n >= 3) continue;
      perShape.set(shape, n + 1);
      queue.push(href);
    }
  }
  return pages;
}
