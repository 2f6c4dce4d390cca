import { LarderError } from './larder-error';

/** A query string as Express parses it: a value may be a string, a repeated array or nested. */
export type RawQuery = Readonly<Record<string, unknown>>;

export function invalidQueryParameter(name: string, problem: string): LarderError {
  return new LarderError('VALIDATION_FAILED', `query parameter "${name}" ${problem}`, { parameter: name });
}

/** The parameter's one value, or undefined when absent or empty; given twice is an error. */
export function singleQueryParameter(query: RawQuery, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidQueryParameter(name, 'must be given once');
  return value;
}

/** The parameter read by `parse` (a date parser, say), its error named after the parameter. */
export function parsedQueryParameter<T>(query: RawQuery, name: string, parse: { expected: string; read: (value: string) => T }): T | undefined {
  const value = singleQueryParameter(query, name);
  if (value === undefined) return undefined;
  try {
    return parse.read(value);
  } catch (error) {
    throw invalidQueryParameter(name, `must be ${parse.expected}, got ${JSON.stringify(value)}: ${(error as Error).message}`);
  }
}
