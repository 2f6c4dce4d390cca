import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { errorAnswer } from './error-answer';

/** The one place where errors become HTTP answers (`errorAnswer` decides what they say). */
@Catch()
export class LarderExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = errorAnswer(exception, this.logger);
    host.switchToHttp().getResponse<Response>().status(status).json(body);
  }
}
