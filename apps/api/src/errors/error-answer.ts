import { HttpException, Logger } from '@nestjs/common';
import { HTTP_STATUS_BY_CODE, LarderError } from '@larder/common';
import { isConnectionLost } from '@larder/database';

export interface ErrorAnswer {
  status: number;
  body: { error: string; message: unknown; details?: unknown };
}

/** PostgreSQL's class 22, data exception: out-of-range numbers, invalid text for a type, bad byte sequences. */
function isDataException(exception: unknown): boolean {
  const code = (exception as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (exception as { code?: unknown })?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/**
 * What an error becomes for the client: coded errors keep their message, the rest are hidden and
 * logged. The exception filter sends it as the answer; a streamed answer (an import's progress) as
 * its last line, its status already sent.
 */
export function errorAnswer(exception: unknown, logger: Logger): ErrorAnswer {
  if (exception instanceof LarderError) {
    return { status: HTTP_STATUS_BY_CODE[exception.code], body: { error: exception.code, message: exception.message, details: exception.details } };
  }
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    return { status: exception.getStatus(), body: { error: exception.name, message } };
  }
  if (isDataException(exception)) {
    // A value PostgreSQL cannot take (an id past the integer range, bad bytes): the request's fault, not ours.
    logger.warn(`refused a request value: ${(exception as Error).message}`);
    return { status: 400, body: { error: 'VALIDATION_FAILED', message: `a value in the request is not valid: ${(exception as Error).message}` } };
  }
  if (isConnectionLost(exception)) {
    logger.error(`database connection lost: ${(exception as Error).message}`);
    return {
      status: HTTP_STATUS_BY_CODE.UNAVAILABLE,
      body: { error: 'UNAVAILABLE', message: 'The database connection was lost; nothing of this request was kept if it was one transaction. Try again shortly.' },
    };
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return { status: 500, body: { error: 'INTERNAL', message: 'Internal error; the server log has the details.' } };
}
