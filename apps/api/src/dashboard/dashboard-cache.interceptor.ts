import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { dashboardCacheKey, DashboardCacheService } from '@larder/analytics';
import type { RawQuery } from '@larder/common';
import type { Principal } from '@larder/auth';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { localDate } from '@larder/domain';
import { canteenAccessParameter } from '../auth/canteen-access.decorator';

/**
 * Serves a panel from the dashboard cache. The key is what decides the answer: the panel and its
 * parsed filters (dashboardCacheKey, which refuses unknown parameters), and the caller's role and
 * canteens as @CanteenAccess() hands them to the handler (a manager's "all canteens" is their own),
 * and today's date (the overview's "today" turns at midnight).
 * Callers the controller refuses never reach the cache with an answer to share.
 */
@Injectable()
export class DashboardCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: DashboardCacheService,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = request.principal;
    if (principal?.kind !== 'user') return next.handle();
    const panel = dashboardCacheKey({ handler: context.getHandler().name, params: request.params as Record<string, string>, query: request.query as RawQuery });
    const key = JSON.stringify([principal.role, canteenAccessParameter(undefined, context), panel, localDate(new Date(), this.config.timezone)]);
    return from(this.cache.answer(key, () => lastValueFrom(next.handle())));
  }
}
