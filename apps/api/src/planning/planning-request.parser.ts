import { LarderError } from '@larder/common';
import { parseIsoDate } from '@larder/domain';

export type Body = Record<string, unknown>;

export function asBody(body: unknown): Body {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new LarderError('VALIDATION_FAILED', 'the request body must be a JSON object');
  return body as Body;
}

export function requiredString(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw new LarderError('VALIDATION_FAILED', `"${name}" is required (text)`);
  return value.trim();
}

export function dateValue(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new LarderError('VALIDATION_FAILED', `"${name}" is required (YYYY-MM-DD)`);
  try {
    return parseIsoDate(value);
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `"${name}": ${(error as Error).message}`);
  }
}
