// Files made from public records: a party's candidate list as CSV, XLSX or JSON, and a whole
// election as Popolo JSON. Pure builders over public types (PublicCandidate has no PIN), so what a
// download can contain is decided by its input type, not by care in each route.
import type { Election, Party, PublicCandidate } from '../../domain/election.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../domain/candidate-columns.ts';
import type { PopoloExportT } from './popolo.schemas.ts';
import { csvDocument } from '../../platform/csv.ts';
import type { PackageField, PackageTable } from '../../platform/capability.ts';

/**
 * The columns of a downloaded list: the import file's columns, so a download can be re-read by the
 * same tools, minus the PIN, plus the status fields the commission changes after the import.
 */
export const CANDIDATE_EXPORT_COLUMNS = [
  ...CANDIDATE_IMPORT_COLUMNS.filter((c): c is Exclude<typeof c, 'pin'> => c !== 'pin'),
  'status',
  'withdrawn_on',
] as const;
export type CandidateExportColumn = (typeof CANDIDATE_EXPORT_COLUMNS)[number];

type Cell = string | number;

function cellOf(c: PublicCandidate, column: CandidateExportColumn): Cell {
  switch (column) {
    case 'list_position':
      return c.listPosition;
    case 'name_ky':
      return c.nameKy;
    case 'name_ru':
      return c.nameRu;
    case 'name_latin':
      return c.nameLatin;
    case 'birth_date':
      return c.birthDate;
    case 'sex':
      return c.sex;
    case 'occupation':
      return c.occupation;
    case 'place_of_residence':
      return c.placeOfResidence;
    case 'ethnic_minority':
      return c.ethnicMinority ? 1 : 0;
    case 'disability':
      return c.disability ? 1 : 0;
    case 'status':
      return c.status;
    case 'withdrawn_on':
      return c.withdrawnOn ?? '';
  }
}

/** UTF-8 with a byte-order mark, through the one CSV writer (quoting, formulas neutralised). */
export function candidatesCsv(list: readonly PublicCandidate[]): string {
  return csvDocument(
    CANDIDATE_EXPORT_COLUMNS,
    list.map((c) => CANDIDATE_EXPORT_COLUMNS.map((col) => cellOf(c, col))),
  );
}

export async function candidatesXlsx(list: readonly PublicCandidate[], title: string): Promise<Buffer> {
  // ExcelJS is loaded at the first workbook, not when the server starts: it is large and most downloads are CSV.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Talapker';
  // Fixed document dates: the workbook says nothing about when it was downloaded.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('candidates', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CANDIDATE_EXPORT_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c.startsWith('name') || c === 'occupation' ? 32 : 14,
  }));
  ws.getRow(1).font = { bold: true };
  // exceljs writes strings as shared strings, never as formulas, so no neutralising is needed here.
  for (const c of list) ws.addRow(CANDIDATE_EXPORT_COLUMNS.map((col) => cellOf(c, col)));
  wb.title = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function listFilename(electionId: string, reg: string, ext: 'csv' | 'xlsx' | 'json'): string {
  return `${electionId}_${reg}_candidates.${ext}`;
}

const PERSON_NAME_FORMS = [
  { key: 'nameKy', lang: 'ky', note: 'Kyrgyz, Cyrillic script' },
  { key: 'nameRu', lang: 'ru', note: 'Russian, Cyrillic script' },
  { key: 'nameLatin', lang: 'ky-Latn', note: 'Latin script' },
] as const;

const PARTY_LANGS = [
  { lang: 'ky', label: 'Kyrgyz' },
  { lang: 'ru', label: 'Russian' },
  { lang: 'en', label: 'English' },
] as const;

export function buildPopolo(
  election: Election,
  ballot: ReadonlyArray<{ party: Party }>,
  lists: ReadonlyMap<string, readonly PublicCandidate[]>,
): PopoloExportT {
  const out: PopoloExportT = {
    meta: {
      election_id: election.id,
      synthetic: election.synthetic,
      notice: election.synthetic
        ? 'SYNTHETIC DATA: the candidates of this election are invented for demonstration; no person here is real.'
        : 'Public record of the candidate lists as registered by the Central Election Commission; personal identification numbers are never published.',
      source: `/api/v1/elections/${encodeURIComponent(election.id)}`,
      specification: 'https://www.popoloproject.com/specs/',
    },
    events: [
      {
        id: election.id,
        name: election.name.ky,
        classification: 'general election',
        start_date: election.electionDay,
        end_date: election.electionDay,
        status: election.status,
        identifiers: [{ scheme: 'talapker-election', identifier: election.id }],
      },
    ],
    persons: [],
    organizations: [],
    memberships: [],
  };
  for (const { party } of ballot) {
    const orgId = `party-${party.registrationNumber}`;
    out.organizations.push({
      id: orgId,
      name: party.name.ky || party.name.ru || party.name.en,
      other_names: PARTY_LANGS.flatMap(({ lang, label }) =>
        [
          { name: party.name[lang], lang, note: `Full name, ${label}` },
          { name: party.shortName[lang], lang, note: `Short name, ${label}` },
        ].filter((n) => n.name !== ''),
      ),
      classification: 'party',
      identifiers: [{ scheme: 'kg-ministry-of-justice', identifier: party.registrationNumber }],
      ...(party.foundedOn ? { founding_date: party.foundedOn } : {}),
      links: party.website ? [{ url: party.website, note: 'Website' }] : [],
    });
    for (const c of lists.get(party.registrationNumber) ?? []) {
      const personId = `candidate-${c.id}`;
      out.persons.push({
        id: personId,
        name: c.nameKy,
        sort_name: c.nameLatin,
        other_names: PERSON_NAME_FORMS.map(({ key, lang, note }) => ({ name: c[key], lang, note })),
        gender: c.sex,
        birth_date: c.birthDate,
        identifiers: [{ scheme: 'talapker-candidate', identifier: String(c.id) }],
      });
      out.memberships.push({
        id: `candidacy-${c.id}`,
        person_id: personId,
        organization_id: orgId,
        on_behalf_of_id: orgId,
        role: 'candidate',
        label: `No. ${c.listPosition} on the list of ${party.shortName.en || party.shortName.ru || party.registrationNumber}`,
        list_position: c.listPosition,
        status: c.status,
        election_id: election.id,
        start_date: election.campaignStart,
        end_date: c.status !== 'registered' && c.withdrawnOn ? c.withdrawnOn : election.electionDay,
      });
    }
  }
  return out;
}

// ---- Tables of the election's data package ---------------------------------------------------------

const CANDIDATE_FIELD_TYPES: Partial<Record<CandidateExportColumn, PackageField['type']>> = {
  list_position: 'integer',
  birth_date: 'date',
  ethnic_minority: 'integer',
  disability: 'integer',
};

async function* inOneBatch<R>(rows: readonly R[]): AsyncIterable<readonly R[]> {
  yield rows;
}

/** The parties on the ballot and every list, as tables of the election's data package. */
export function candidatePackageTables(whole: {
  ballot: readonly { party: Party; participation: { ballotNumber: number | null }; candidateCount: number }[];
  lists: ReadonlyMap<string, readonly PublicCandidate[]>;
}): PackageTable[] {
  const parties: PackageTable = {
    name: 'parties',
    title: 'Parties on the ballot',
    description: 'Each party standing in the election, in ballot order, with its name in Kyrgyz, Russian and English.',
    fields: [
      { name: 'registration_number', type: 'string', description: 'The party’s registration number.' },
      { name: 'name_ky', type: 'string' },
      { name: 'name_ru', type: 'string' },
      { name: 'name_en', type: 'string' },
      { name: 'ballot_number', type: 'integer', description: 'Empty until the ballot-order lottery has run.' },
      { name: 'candidate_count', type: 'integer' },
    ],
    batches: () =>
      inOneBatch(
        whole.ballot.map((b) => [
          b.party.registrationNumber,
          b.party.name.ky,
          b.party.name.ru,
          b.party.name.en,
          b.participation.ballotNumber ?? '',
          b.candidateCount,
        ]),
      ),
  };
  const candidates: PackageTable = {
    name: 'candidates',
    title: 'Candidates',
    description:
      'Every candidate of every list in list order, withdrawn candidates included; public fields only. Flags are 1/0.',
    fields: [
      { name: 'party_registration_number', type: 'string' },
      ...CANDIDATE_EXPORT_COLUMNS.map((c) => ({ name: c, type: CANDIDATE_FIELD_TYPES[c] ?? 'string' })),
    ],
    batches: () =>
      inOneBatch(
        whole.ballot.flatMap((b) =>
          (whole.lists.get(b.party.registrationNumber) ?? []).map((c) => [
            b.party.registrationNumber,
            ...CANDIDATE_EXPORT_COLUMNS.map((col) => cellOf(c, col)),
          ]),
        ),
      ),
  };
  return [parties, candidates];
}
