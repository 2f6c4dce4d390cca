import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { FiguresModule } from '@larder/analytics';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { logDestination, requestLogOptions } from './logging/request-log.options';
import { MetricsService } from './metrics/metrics.service';

/** Structured logs of every API request and Prometheus metrics: what an operator watches. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [LARDER_CONFIG],
      useFactory: (config: LarderConfig) => ({ pinoHttp: [requestLogOptions(config), logDestination(config)] }),
    }),
    FiguresModule,
  ],
  providers: [MetricsService],
  exports: [MetricsService, LoggerModule],
})
export class ObservabilityModule {}
