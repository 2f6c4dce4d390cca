import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Roles } from '@larder/auth';
import { LarderError } from '@larder/common';
import { JobHistoryService, JobRegistry, JobRunnerService } from '@larder/jobs';

@Controller('api/jobs')
export class JobsController {
  constructor(
    private readonly history: JobHistoryService,
    private readonly registry: JobRegistry,
    private readonly runner: JobRunnerService,
  ) {}

  @Get()
  @Roles('manager', 'finance')
  async list(@Query('limit') limit?: string) {
    const take = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(take) || take < 1 || take > 200) throw new LarderError('VALIDATION_FAILED', 'query parameter "limit" must be a whole number from 1 to 200');
    return { jobs: this.registry.list().map(({ name, description, steps }) => ({ name, description, steps: steps.map((step) => step.name) })), runs: await this.history.recent(take) };
  }

  /** Admins only: a run touches every canteen. */
  @Post(':name/runs')
  @HttpCode(201)
  run(@Param('name') name: string) {
    return this.runner.runNow(name);
  }
}
