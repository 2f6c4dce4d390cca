export * from './job-definition';
export * from './retry';
export * from './jobs.module';
export * from './services/job-registry.service';
export * from './services/job-runner.service';
export * from './services/job-scheduler.service';
export * from './services/job-history.service';
