// An election's data package: every public table as a CSV file, and `datapackage.json` describing the
// files, their columns, types and units in the Frictionless Data "Tabular Data Package" form, so that
// tools (frictionless, pandas, R's frictionless) load the whole election with the types right.
import type { PackageCell, PackageField, PackageTable } from '../../platform/capability.ts';
import { csvNumeral, csvRecords, type CsvValue } from '../../platform/csv.ts';

/** What the package says of itself besides its tables. */
export interface PackageHeader {
  electionId: string;
  /** The election's name in the package's language. */
  title: string;
  locale: string;
  /** When the package was built, ISO 8601. */
  created: string;
  /** The data version it was built from (the newest entry of the activity log), so a reader can tell two apart. */
  dataVersion: number;
  /** The portal's address of the election, when known. */
  homepage?: string;
}

type TableHead = Pick<PackageTable, 'name' | 'title' | 'description' | 'fields'>;

/** `kg-2020-parliament` as a package name: lower case, digits and `-._` only. */
export const packageName = (electionId: string) =>
  electionId.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'election';

export function packageDescriptor(head: PackageHeader, tables: readonly TableHead[]) {
  return {
    profile: 'tabular-data-package',
    name: packageName(head.electionId),
    title: head.title,
    created: head.created,
    ...(head.homepage ? { homepage: head.homepage } : {}),
    keywords: ['elections', 'campaign finance', 'Kyrgyzstan'],
    'talapker:dataVersion': head.dataVersion,
    'talapker:locale': head.locale,
    resources: tables.map((t) => ({
      profile: 'tabular-data-resource',
      name: t.name,
      path: `${t.name}.csv`,
      title: t.title,
      description: t.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', header: true, doubleQuote: true },
      schema: { fields: t.fields.map(fieldDescriptor) },
    })),
  };
}

function fieldDescriptor(f: PackageField) {
  return {
    name: f.name,
    type: f.type,
    ...(f.type === 'date' ? { format: 'default' } : {}),
    ...(f.description ? { description: f.description } : {}),
    // Not in the Table Schema itself, which allows extra properties: the unit a number counts.
    ...(f.unit ? { unit: f.unit } : {}),
  };
}

const csvValue = (c: PackageCell): CsvValue => (typeof c === 'object' ? csvNumeral(c.decimal) : c);

/** The header line of a table's CSV file. */
export const csvHeader = (t: Pick<PackageTable, 'fields'>) => csvRecords([t.fields.map((f) => f.name)]);

/** Rows of a table as CSV records, through the one writer (quoting, formulas neutralised). */
export const csvRows = (rows: readonly (readonly PackageCell[])[]) => csvRecords(rows.map((r) => r.map(csvValue)));
