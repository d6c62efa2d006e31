// The open-data page of an election: the files every capability offers, gathered from their
// `dataFiles` (addresses only), beside the election and its parties read once; and the election's
// data package, built from the tables the capabilities offer.
import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { DataFiles, DataSet } from '../../platform/capability.ts';
import { localeSchema, type Locale } from '../../domain/election.ts';
import { notFound, publicGet, sendDownload, sendHtml, type RouteDef } from '../../platform/web/index.ts';
import { getDataPackage } from '../data-package.service.ts';
import { getDataPageSubject } from '../downloads.service.ts';
import { DataPage, DataSection } from '../views/data.page.tsx';

const ElectionParams = z.object({ locale: localeSchema, id: z.string() });

export function dataPageRoutes<A extends string, R>(offered: readonly DataFiles[]): RouteDef<A, R>[] {
  return [
    publicGet(
      'downloads.data',
      '/:locale/elections/:id/data',
      ElectionParams,
      async ({ ctx, reply, locale, params }) => {
        const subject = await getDataPageSubject(ctx, params.id);
        if (!subject) return notFound(reply, locale);
        const id = subject.election.id;
        const electionSets: DataSet[] = offered.flatMap((d) => d.election?.(id, locale) ?? []);
        const parties = subject.parties.map((party) => ({
          party,
          sets: offered.flatMap((d) => d.party?.(id, party.registrationNumber, locale) ?? []),
        }));
        return sendHtml(reply, DataPage({ locale, election: subject.election, electionSets, parties }));
      },
    ),
    publicGet(
      'downloads.package',
      '/:locale/elections/:id/data/package.zip',
      ElectionParams,
      async ({ ctx, reply, locale, params }) => {
        const pkg = await getDataPackage(ctx, offered, params.id, locale);
        if (!pkg) return notFound(reply, locale);
        reply
          .header('etag', `"${pkg.sha256}"`)
          .header('last-modified', new Date(pkg.createdAt).toUTCString())
          .header('content-length', String(pkg.size));
        return sendDownload(reply, { type: 'application/zip', filename: pkg.filename, body: pkg.body });
      },
    ),
  ];
}

/** The election page's pointer to the open-data page. */
export async function dataElectionSection(
  _ctx: AppContext,
  electionId: string,
  locale: Locale,
): Promise<ComponentChildren> {
  return <DataSection locale={locale} electionId={electionId} />;
}
