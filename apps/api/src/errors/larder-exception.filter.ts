import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { HTTP_STATUS_BY_CODE, LarderError } from '@larder/common';

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
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(500).json({ error: 'INTERNAL', message: 'Internal error; the server log has the details.' });
  }
}
