import { LarderError } from '@larder/common';
import { parseIsoDate } from '@larder/domain';

export function dateValue(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new LarderError('VALIDATION_FAILED', `"${name}" is required (YYYY-MM-DD)`);
  try {
    return parseIsoDate(value);
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `"${name}": ${(error as Error).message}`);
  }
}
