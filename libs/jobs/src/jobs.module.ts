import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobHistoryService } from './services/job-history.service';
import { JobRegistry } from './services/job-registry.service';
import { JobRunnerService } from './services/job-runner.service';
import { JobSchedulerService } from './services/job-scheduler.service';

@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [JobRegistry, JobRunnerService, JobSchedulerService, JobHistoryService],
  exports: [JobRegistry, JobRunnerService, JobSchedulerService, JobHistoryService],
})
export class JobsModule {}
