export * from './observability.module';
export * from './metrics/metrics.service';
export * from './metrics/http-metrics.middleware';
export { loggerOptions, logDestination, routeOf } from './logging/request-log.options';
export { Logger as LarderLogger } from 'nestjs-pino';
