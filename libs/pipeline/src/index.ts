export * from './job-names';
export * from './pipeline.module';
export * from './nightly-pipeline';
export * from './scheduled-reports';
export * from './pull-sources.step';
export * from './first-start.service';
export * from './delivery.steps';
