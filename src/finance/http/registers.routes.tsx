// Site routes of the registers of gifts in kind and of loans: each page and its downloads, one route a
// format (`…/in-kind.csv`), as the itemised listings have them.
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound, renderPage, route, sendDownload, sendHtml, type RouteDef } from '../../platform/web/index.ts';
import { DOWNLOAD_FORMATS, type DownloadFormat } from '../core/download-tables.ts';
import { MEDIA_TYPES, type DownloadFile } from '../download.service.ts';
import { inKindFile, inKindRegister, loansFile, loansRegister } from '../registers.service.ts';
import { InKindPage, LoansPage } from '../views/registers.page.tsx';
import { ElectionParams } from './schemas.ts';

function sendFile(reply: FastifyReply, locale: Locale, file: DownloadFile | undefined) {
  if (!file) return notFound(reply, locale);
  return sendDownload(reply, {
    type: MEDIA_TYPES[file.format],
    filename: `${file.filename}.${file.format}`,
    body: file.body,
  });
}

type RegisterFile = (
  ctx: AppContext,
  electionId: string,
  l: Locale,
  format: DownloadFormat,
) => Promise<DownloadFile | undefined>;

function downloadRoutes(name: string, file: RegisterFile): RouteDef[] {
  return DOWNLOAD_FORMATS.map((format) =>
    route({
      id: `finance.${name}.${format}`,
      method: 'GET',
      url: `/:locale/elections/:id/${name}.${format}`,
      access: { kind: 'public' },
      params: ElectionParams,
      handler: async ({ ctx, reply, locale, params }) =>
        sendFile(reply, locale, await file(ctx, params.id, locale, format)),
    }),
  );
}

export const REGISTER_ROUTES: RouteDef[] = [
  route({
    id: 'finance.in-kind',
    method: 'GET',
    url: '/:locale/elections/:id/in-kind',
    access: { kind: 'public' },
    params: ElectionParams,
    handler: async ({ ctx, reply, locale, params }) => {
      const found = await inKindRegister(ctx, params.id, locale);
      if (!found) return notFound(reply, locale);
      return sendHtml(reply, renderPage(<InKindPage locale={locale} {...found} />));
    },
  }),
  ...downloadRoutes('in-kind', inKindFile),
  route({
    id: 'finance.loans',
    method: 'GET',
    url: '/:locale/elections/:id/loans',
    access: { kind: 'public' },
    params: ElectionParams,
    handler: async ({ ctx, reply, locale, params }) => {
      const found = await loansRegister(ctx, params.id, locale);
      if (!found) return notFound(reply, locale);
      return sendHtml(reply, renderPage(<LoansPage locale={locale} {...found} />));
    },
  }),
  ...downloadRoutes('loans', loansFile),
];
