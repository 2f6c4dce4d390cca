import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { HTTP_STATUS_BY_CODE, LarderError } from '@larder/common';
import { isConnectionLost } from '@larder/database';

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
    if (isConnectionLost(exception)) {
      this.logger.error(`database connection lost: ${(exception as Error).message}`);
      response.status(HTTP_STATUS_BY_CODE.UNAVAILABLE).json({ error: 'UNAVAILABLE', message: 'The database connection was lost; nothing of this request was kept if it was one transaction. Try again shortly.' });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(500).json({ error: 'INTERNAL', message: 'Internal error; the server log has the details.' });
  }
}
