import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@larder/auth';
import { HealthService } from './health.service';

@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  async get(@Res({ passthrough: true }) response: Response) {
    const report = await this.health.report();
    if (report.status !== 'ok') response.status(503);
    return report;
  }
}
