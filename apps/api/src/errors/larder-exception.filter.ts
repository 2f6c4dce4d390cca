import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { HTTP_STATUS_BY_CODE, LarderError } from '@larder/common';
import { isConnectionLost } from '@larder/database';

/** PostgreSQL's class 22, data exception: out-of-range numbers, invalid text for a type, bad byte sequences. */
function isDataException(exception: unknown): boolean {
  const code = (exception as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (exception as { code?: unknown })?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** The one place where errors become HTTP answers: coded errors keep their message, the rest are hidden. */
@Catch()
export class LarderExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof LarderError) {
      response.status(HTTP_STATUS_BY_CODE[exception.code]).json({ error: exception.code, message: exception.message, details: exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      response.status(exception.getStatus()).json({ error: exception.name, message });
      return;
    }
    if (isDataException(exception)) {
      // A value PostgreSQL cannot take (an id past the integer range, bad bytes): the request's fault, not ours.
      this.logger.warn(`refused a request value: ${(exception as Error).message}`);
      response.status(400).json({ error: 'VALIDATION_FAILED', message: `a value in the request is not valid: ${(exception as Error).message}` });
      return;
    }
    if (isConnectionLost(exception)) {
      this.logger.error(`database connection lost: ${(exception as Error).message}`);
      response
        .status(HTTP_STATUS_BY_CODE.UNAVAILABLE)
        .json({ error: 'UNAVAILABLE', message: 'The database connection was lost; nothing of this request was kept if it was one transaction. Try again shortly.' });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(500).json({ error: 'INTERNAL', message: 'Internal error; the server log has the details.' });
  }
}
