import type { NextFunction, Request, Response } from 'express';
import { routeOf } from '../logging/request-log.options';
import type { MetricsService } from './metrics.service';

/** Times every request to its end and records it under its route, not its address. */
export function httpMetricsMiddleware(metrics: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(request.method, routeOf(request), response.statusCode, seconds);
    });
    next();
  };
}
