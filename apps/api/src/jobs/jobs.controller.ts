import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@larder/auth';
import { LarderError } from '@larder/common';
import { CanteenScope, scopeFilter } from '@larder/domain';
import { JobHistoryService, JobRegistry, JobRunnerService } from '@larder/jobs';
import { NIGHTLY_JOB } from '@larder/pipeline';
import { CanteenAccess } from '../auth/canteen-access.decorator';
import { QueryParameters } from '../openapi/documentation.decorators';

@Controller('api/jobs')
export class JobsController {
  constructor(
    private readonly history: JobHistoryService,
    private readonly registry: JobRegistry,
    private readonly runner: JobRunnerService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The jobs and their steps, the recent runs that did something with their steps, and the empty runs of frequent jobs counted per day' })
  @QueryParameters({ limit: 'Runs, 1-200 (default 20)' })
  @Roles('manager', 'finance')
  async list(@Query('limit') limit?: string) {
    const take = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(take) || take < 1 || take > 200) throw new LarderError('VALIDATION_FAILED', 'query parameter "limit" must be a whole number from 1 to 200');
    return {
      jobs: this.registry.list().map(({ name, description, steps }) => ({ name, description, steps: steps.map((step) => step.name) })),
      runs: await this.history.recent(take),
      emptyRuns: await this.history.emptyRunsByDay(),
    };
  }

  @Get('runs/:id')
  @ApiOperation({ summary: 'One run with its steps: durations, attempts, counts and errors' })
  @Roles('manager', 'finance')
  runDetail(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.history.run(id);
  }

  /**
   * Admins run any job for every canteen; a manager runs the nightly run for their own canteens
   * (its per-canteen steps), as the night would, to see today's data planned now.
   */
  @Post(':name/runs')
  @ApiOperation({ summary: 'Run a job now (a manager: the nightly run, for their own canteens)' })
  @HttpCode(201)
  @Roles('manager')
  run(@Param('name') name: string, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    this.registry.get(name);
    if (principal.kind === 'user' && principal.role === 'manager' && name !== NIGHTLY_JOB)
      throw new LarderError('FORBIDDEN', `a manager may run the ${NIGHTLY_JOB} job only, not ${JSON.stringify(name)}`);
    return this.runner.runNow(name, { canteenIds: scopeFilter(canteens) });
  }
}
