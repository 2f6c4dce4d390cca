import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { dashboardCacheKey, DashboardCacheService } from '@larder/analytics';
import type { RawQuery } from '@larder/common';
import { canteenScope, Principal } from '@larder/auth';

/**
 * Serves a panel from the dashboard cache. The key is what decides the answer: the panel and its
 * parsed filters (dashboardCacheKey, which refuses unknown parameters), and the caller's role and
 * canteens (a manager's "all canteens" is their own).
 * Callers the controller refuses never reach the cache with an answer to share.
 */
@Injectable()
export class DashboardCacheInterceptor implements NestInterceptor {
  constructor(private readonly cache: DashboardCacheService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = request.principal;
    if (principal?.kind !== 'user') return next.handle();
    const panel = dashboardCacheKey({ handler: context.getHandler().name, params: request.params as Record<string, string>, query: request.query as RawQuery });
    const key = JSON.stringify([principal.role, canteenScope(principal), panel]);
    return from(this.cache.answer(key, () => lastValueFrom(next.handle())));
  }
}
