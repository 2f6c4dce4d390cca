import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, TokenScopes } from '@larder/auth';
import { MetricsService } from '@larder/observability';
import { FileAnswer } from '../openapi/documentation.decorators';

/** The Prometheus scrape: admins, or a machine holding a token with the `metrics` scope. */
@Controller('metrics')
@Roles()
@TokenScopes('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @FileAnswer('text/plain', 'The metrics in the Prometheus text format')
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    const { contentType, body } = await this.metrics.scrape();
    response.type(contentType);
    return body;
  }
}
