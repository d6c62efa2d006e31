// The frame of every page: the site header (with the staff navigation when the visitor has staff
// screens), the synthetic-data notice, breadcrumbs, and the stylesheet. Wraps Layout; an anonymous public
// page (no `staff`) renders exactly as Layout does.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import type { NavLink } from '../capability.ts';
import { Layout, type Crumb } from './layout.tsx';

export type { Crumb };

export interface PageProps {
  locale: Locale;
  title: string;
  /** The page's path without the locale prefix, for the language switcher. */
  path: string;
  crumbs?: Crumb[] | undefined;
  /** Show the notice that the data is synthetic (demo elections). */
  synthetic?: boolean | undefined;
  description?: string | undefined;
  /** Extra elements of the document head (feeds, a page's own script). */
  head?: ComponentChildren;
  /** The signed-in user's staff screens (from the capabilities' `staffLinks`). */
  staff?: readonly NavLink[] | undefined;
  children: ComponentChildren;
}

export function Page(p: PageProps) {
  return (
    <Layout
      locale={p.locale}
      title={p.title}
      path={p.path}
      crumbs={p.crumbs}
      synthetic={p.synthetic}
      description={p.description}
      head={p.head}
      staff={p.staff}
    >
      {p.children}
    </Layout>
  );
}
