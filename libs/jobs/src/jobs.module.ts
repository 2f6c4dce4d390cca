import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { StepQueueService } from './queue/step-queue.service';
import { InProcessSteps } from './services/in-process-steps.service';
import { JobHistoryService } from './services/job-history.service';
import { JobRegistry } from './services/job-registry.service';
import { JobRunnerService } from './services/job-runner.service';
import { JobSchedulerService } from './services/job-scheduler.service';
import { StepFanOutService } from './services/step-fan-out.service';
import { StepRecorder } from './services/step-recorder.service';
import { StepWorkerService } from './services/step-worker.service';

@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [JobRegistry, JobRunnerService, JobSchedulerService, JobHistoryService, StepRecorder, StepQueueService, InProcessSteps, StepFanOutService, StepWorkerService],
  exports: [JobRegistry, JobRunnerService, JobSchedulerService, JobHistoryService, StepQueueService, StepWorkerService],
})
export class JobsModule {}
