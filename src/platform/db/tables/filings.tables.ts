// Table types of the filings capability (see its migration).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FilingsTables {}
