import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DashboardCacheService } from '@larder/analytics';
import { canteenScope, Principal } from '@larder/auth';

/**
 * Serves a panel from the dashboard cache. The key is what decides the answer: the address with
 * its filters, and the caller's role and canteens (a manager's "all canteens" is their own).
 * Callers the controller refuses never reach the cache with an answer to share.
 */
@Injectable()
export class DashboardCacheInterceptor implements NestInterceptor {
  constructor(private readonly cache: DashboardCacheService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = request.principal;
    if (principal?.kind !== 'user') return next.handle();
    const key = JSON.stringify([principal.role, canteenScope(principal), request.originalUrl]);
    return from(this.cache.answer(key, () => lastValueFrom(next.handle())));
  }
}
