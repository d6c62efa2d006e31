// The frame of a page about an election's money (finance totals, itemised lines, donors and payees):
// the way back through the election, the title as the heading, and under it a sentence on what the
// figures count and what they never show. One frame, so every such page reads the same way.
import type { ComponentChildren } from 'preact';
import type { Locale, Localized } from '../../domain/election.ts';
import { t } from '../i18n/portal.messages.ts';
import { pick } from './format.tsx';
import { Page, type Crumb } from './page.tsx';

export interface ElectionMoneyFrameProps {
  locale: Locale;
  election: { id: string; name: Localized; synthetic: boolean };
  /** The heading. */
  title: string;
  /** The document title, when it says more than the heading. */
  documentTitle?: string | undefined;
  path: string;
  /** The crumbs after the election's. */
  crumbs: Crumb[];
  /** What the figures count and what they never show, in the page's words. */
  basis: string;
  head?: ComponentChildren;
  children: ComponentChildren;
}

export function ElectionMoneyFrame(p: ElectionMoneyFrameProps) {
  const l = p.locale;
  const e = p.election;
  return (
    <Page
      locale={l}
      title={p.documentTitle ?? p.title}
      path={p.path}
      synthetic={e.synthetic}
      head={p.head}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}/elections/${encodeURIComponent(e.id)}`, label: pick(e.name, l) },
        ...p.crumbs,
      ]}
    >
      <h1>{p.title}</h1>
      <p class="muted">{p.basis}</p>
      {p.children}
    </Page>
  );
}
