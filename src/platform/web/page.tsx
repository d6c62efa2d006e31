// The frame of every page: the site header (with the staff navigation when the visitor has staff
// screens), the synthetic-data notice, breadcrumbs, and the stylesheet. Wraps Layout; an anonymous public
// page (no `staff`) renders exactly as Layout does.
import { Layout, type Crumb, type LayoutProps } from './layout.tsx';

export type { Crumb };

export type PageProps = LayoutProps;

export function Page(p: PageProps) {
  return <Layout {...p} />;
}
