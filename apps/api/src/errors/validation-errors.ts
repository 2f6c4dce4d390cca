import type { ValidationError } from 'class-validator';
import { LarderError } from '@larder/common';

/** Every failed check of a body or query DTO, nested fields named by their path (`scenario.swaps.0.meal`). */
function problems(errors: readonly ValidationError[], parent = ''): { field: string; problem: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({ field, problem }));
    return [...own, ...problems(error.children ?? [], field)];
  });
}

/** The global validation pipe's errors as one coded VALIDATION_FAILED answer, like every other bad input. */
export function validationFailed(errors: ValidationError[]): LarderError {
  const found = problems(errors);
  return new LarderError('VALIDATION_FAILED', found.map(({ problem }) => problem).join('; ') || 'the request is not valid', { fields: [...new Set(found.map(({ field }) => field))] });
}
