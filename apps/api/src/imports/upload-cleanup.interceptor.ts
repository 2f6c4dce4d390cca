import { rm } from 'node:fs/promises';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, from, map, mergeMap, Observable, throwError } from 'rxjs';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { tooLarge } from '@larder/ingestion';

/**
 * Wraps the multipart reader: the uploaded temp file is deleted whatever happens, and multer's
 * terse "File too large" becomes the message naming the limit and its setting.
 */
@Injectable()
export class UploadCleanupInterceptor implements NestInterceptor {
  constructor(@Inject(LARDER_CONFIG) private readonly config: LarderConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { file?: { path?: string } }>();
    const cleanup = () => from(request.file?.path ? rm(request.file.path, { force: true }) : Promise.resolve());
    return next.handle().pipe(
      catchError((error: unknown) => cleanup().pipe(mergeMap(() => throwError(() => (error instanceof PayloadTooLargeException ? tooLarge(this.config.imports.maxBytes) : error))))),
      mergeMap((value: unknown) => cleanup().pipe(map(() => value))),
    );
  }
}
