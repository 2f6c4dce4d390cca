/**
 * Errors Larder raises on purpose carry a stable code; the API maps codes to HTTP statuses in one
 * filter, and the CLI prints the message, so a user always reads what is wrong, not a stack trace.
 */
export type LarderErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'UNAVAILABLE'
  /** A full disk or a file-size limit while writing a file (a report). */
  | 'STORAGE_FULL'
  /** A change out of the usual range: sent again with `confirm: true` it is made; `details.reasons` say why. */
  | 'CONFIRMATION_REQUIRED';

export class LarderError extends Error {
  constructor(
    readonly code: LarderErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'LarderError';
  }
}

export const HTTP_STATUS_BY_CODE: Record<LarderErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FORMAT: 415,
  UNAVAILABLE: 503,
  STORAGE_FULL: 507,
  CONFIRMATION_REQUIRED: 409,
};
