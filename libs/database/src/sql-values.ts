/**
 * A number from a row of a raw query: PostgreSQL's int8 and numeric arrive as strings, and a SQL
 * NULL (an empty sum, a missing join) counts as 0.
 */
export function sqlNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
