// API downloads: a party's whole candidate list as CSV, XLSX or JSON, and the whole election as
// Popolo JSON. Whole files rather than pages, for spreadsheets and for tools that load everything.
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Election, PublicCandidate } from '../../domain/election.ts';
import { notFound, weakEtag, type ApiInstance } from '../../platform/api/api-http.ts';
import {
  ElectionPathParams,
  PartyPathParams,
  lookupResponses,
  lookupFailures,
} from '../../platform/api/common.schemas.ts';
import { XLSX_MEDIA_TYPE, contentDisposition } from '../../platform/api/file-download.ts';
import { toCandidateResource } from '../../candidates/index.ts';
import { PopoloExport } from '../core/popolo.schemas.ts';
import { buildPopolo, candidatesCsv, candidatesXlsx, listFilename } from '../core/candidate-exports.ts';
import { getPartyListFile, getWholeElection } from '../downloads.service.ts';
import { CandidateListFile } from './download.schemas.ts';

export const DOWNLOADS_API_TAG = { name: 'Downloads', description: 'Whole lists and whole elections as files.' };

async function wholeList(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<{ election: Election; list: PublicCandidate[] }> {
  const file = await getPartyListFile(ctx, electionId, reg);
  switch (file.found) {
    case 'no-election':
      throw notFound(`There is no election "${electionId}".`);
    case 'no-party':
      throw notFound(`Party "${reg}" does not stand in election "${electionId}".`);
    case 'list':
      return file;
  }
}

const LIST_NOTE =
  'The whole list in list order, withdrawn candidates included, public fields only. Columns are those of the import file (without `pin`) plus `status` and `withdrawn_on`.';

export function downloadApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/parties/:registrationNumber/candidates.csv',
    {
      schema: {
        operationId: 'downloadPartyCandidatesCsv',
        tags: ['Downloads'],
        summary: "Download a party's candidate list as CSV",
        description: `${LIST_NOTE} UTF-8 with a byte-order mark so that Excel shows Cyrillic correctly; booleans are 1/0.`,
        params: PartyPathParams,
        response: {
          200: {
            description: 'CSV file (UTF-8 with BOM, comma-separated, header row).',
            content: { 'text/csv': { schema: z.string().describe('CSV text.') } },
          },
          ...lookupFailures,
        },
      },
    },
    async (req, reply) => {
      const { electionId, registrationNumber } = req.params;
      const { list } = await wholeList(ctx, electionId, registrationNumber);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(listFilename(electionId, registrationNumber, 'csv')))
        .send(candidatesCsv(list));
    },
  );

  api.get(
    '/v1/elections/:electionId/parties/:registrationNumber/candidates.xlsx',
    {
      schema: {
        operationId: 'downloadPartyCandidatesXlsx',
        tags: ['Downloads'],
        summary: "Download a party's candidate list as XLSX",
        description: `${LIST_NOTE} One worksheet, \`candidates\`, with a header row.`,
        params: PartyPathParams,
        response: {
          200: {
            description: 'XLSX workbook.',
            content: {
              [XLSX_MEDIA_TYPE]: {
                schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('XLSX workbook (binary).'),
              },
            },
          },
          ...lookupFailures,
        },
      },
    },
    async (req, reply) => {
      const { electionId, registrationNumber } = req.params;
      const { list } = await wholeList(ctx, electionId, registrationNumber);
      const body = await candidatesXlsx(list, `${electionId} ${registrationNumber}`);
      return (
        reply
          .header('content-type', XLSX_MEDIA_TYPE)
          // The zip inside an XLSX stamps each part with the time of writing, so hashing the bytes would
          // give a new ETag every few seconds; the same cells (the CSV of the list) give the same one.
          .header('etag', weakEtag('xlsx', candidatesCsv(list)))
          .header('content-disposition', contentDisposition(listFilename(electionId, registrationNumber, 'xlsx')))
          .send(body)
      );
    },
  );

  api.get(
    '/v1/elections/:electionId/parties/:registrationNumber/candidates.json',
    {
      schema: {
        operationId: 'downloadPartyCandidatesJson',
        tags: ['Downloads'],
        summary: "Download a party's candidate list as one JSON file",
        description: `${LIST_NOTE.split(' Columns')[0]} Fields as in the Candidate resource.`,
        params: PartyPathParams,
        response: lookupResponses('The whole list.', CandidateListFile),
      },
    },
    async (req, reply) => {
      const { electionId, registrationNumber } = req.params;
      const { election, list } = await wholeList(ctx, electionId, registrationNumber);
      return reply
        .header('content-disposition', contentDisposition(listFilename(electionId, registrationNumber, 'json')))
        .send({
          electionId,
          partyRegistrationNumber: registrationNumber,
          synthetic: election.synthetic,
          candidates: list.map(toCandidateResource),
        });
    },
  );
  popoloApi(api, ctx);
}

function popoloApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/popolo.json',
    {
      schema: {
        operationId: 'downloadElectionPopolo',
        tags: ['Downloads'],
        summary: 'Download the whole election as Popolo JSON',
        description:
          'Persons (candidates, names in every script), organizations (parties, classification `party`), memberships (candidacies: role `candidate`, list position, dates) and the election as an event. `meta.synthetic` says when the candidates are invented.',
        params: ElectionPathParams,
        response: lookupResponses('The election as Popolo JSON.', PopoloExport),
      },
    },
    async (req, reply) => {
      const whole = await getWholeElection(ctx, req.params.electionId);
      if (!whole) throw notFound(`There is no election "${req.params.electionId}".`);
      const { election, ballot, lists } = whole;
      return reply
        .header('content-disposition', contentDisposition(`${election.id}_popolo.json`))
        .send(buildPopolo(election, ballot, lists));
    },
  );
}
