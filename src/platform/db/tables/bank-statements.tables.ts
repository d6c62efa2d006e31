// Table types of the bank-statements capability (see its migration).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BankStatementsTables {}
