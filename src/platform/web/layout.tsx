// The page frame shared by all public pages: language switcher, navigation, the synthetic-data
// notice, and the document head. Pages are plain HTML and work with JavaScript off.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { LOCALES, type Locale } from '../../domain/election.ts';
import { t } from '../i18n/portal.messages.ts';
import type { NavLink } from '../capability.ts';
import { currentStaffNav } from './staff-nav.ts';
import { faviconPath } from './site-files.ts';

export const siteCss = readFileSync(new URL('./site.css', import.meta.url));
/** Versioned by content so browsers and CDNs may cache it for a year. */
export const siteCssPath = `/static/site.${createHash('sha256').update(siteCss).digest('hex').slice(0, 10)}.css`;

export interface Crumb {
  href?: string;
  label: string;
}

export interface LayoutProps {
  locale: Locale;
  title: string;
  /** The same page's path without the locale prefix, for the language switcher. */
  path: string;
  crumbs?: Crumb[] | undefined;
  /** Show the notice that the data is synthetic (demo elections). */
  synthetic?: boolean | undefined;
  description?: string | undefined;
  /** Extra elements of the document head (feeds, a page's own script). */
  head?: ComponentChildren;
  /** The signed-in user's staff screens: a second navigation in the header, only when given. */
  staff?: readonly NavLink[] | undefined;
  children: ComponentChildren;
}

const LANG_NAMES: Record<Locale, string> = { ky: 'Кыргызча', ru: 'Русский', en: 'English' };

export function Layout(p: LayoutProps) {
  const l = p.locale;
  const staff = p.staff ?? currentStaffNav();
  return (
    <html lang={l}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} — ${t(l, 'site.name')}`}</title>
        {p.description ? <meta name="description" content={p.description} /> : null}
        <link rel="icon" href={faviconPath} type="image/svg+xml" />
        <link rel="stylesheet" href={siteCssPath} />
        {LOCALES.map((x) => (
          <link rel="alternate" hrefLang={x} href={`/${x}${p.path}`} key={x} />
        ))}
        {p.head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t(l, 'nav.skip')}
        </a>
        <header class="site">
          <a class="brand" href={`/${l}/`}>
            {t(l, 'site.name')}
          </a>
          <nav aria-label={t(l, 'site.name')}>
            <ul>
              <li>
                <a href={`/${l}/`}>{t(l, 'nav.elections')}</a>
              </li>
              <li>
                <a href={`/${l}/search`}>{t(l, 'nav.search')}</a>
              </li>
              <li>
                <a href="/api/docs">{t(l, 'nav.api')}</a>
              </li>
              <li>
                <a href={`/${l}/account`} rel="nofollow">
                  {t(l, 'nav.account')}
                </a>
              </li>
            </ul>
          </nav>
          {/* The one search box, on every page: a GET form, so it works without JavaScript. */}
          <form
            class="site-search"
            method="get"
            action={`/${l}/search`}
            role="search"
            aria-label={t(l, 'nav.searchBox')}
          >
            <label for="site-q" class="sr-only">
              {t(l, 'nav.searchBox')}
            </label>
            <input id="site-q" name="q" type="search" autocomplete="off" />
            <button type="submit">{t(l, 'nav.search')}</button>
          </form>
          <ul class="langs" aria-label={t(l, 'nav.language')}>
            {LOCALES.map((x) => (
              <li key={x}>
                <a href={`/${x}${p.path}`} lang={x} hrefLang={x} aria-current={x === l ? 'true' : undefined}>
                  {LANG_NAMES[x]}
                </a>
              </li>
            ))}
          </ul>
          {staff && staff.length > 0 ? (
            <nav class="staff" aria-label={t(l, 'web.nav.staff')}>
              <ul>
                {staff.map((x) => (
                  <li key={x.href}>
                    <a href={x.href}>{x.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        {p.synthetic ? (
          <p class="notice" role="note">
            {t(l, 'synthetic.notice')}
          </p>
        ) : null}
        <main id="main">
          {p.crumbs && p.crumbs.length > 0 ? (
            <nav class="crumbs" aria-label={t(l, 'nav.breadcrumbs')}>
              <ol>
                {p.crumbs.map((c, i) => (
                  <li key={i}>
                    {c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          {p.children}
        </main>
        <footer class="site">
          <p>{t(l, 'footer.about')}</p>
        </footer>
      </body>
    </html>
  );
}

export function renderPage(vnode: preact.VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}
