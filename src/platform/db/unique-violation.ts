// Both databases refuse a duplicate in a unique index with their own error: PostgreSQL with SQLSTATE
// 23505, SQLite with SQLITE_CONSTRAINT_UNIQUE. Services that race for one place (an idempotency key, a
// statement received twice) tell that refusal from other failures with this one test.

/** Whether an error is the database refusing a duplicate in a unique index. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : '';
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed|duplicate key value/i.test(message)
  );
}
