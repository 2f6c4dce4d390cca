export * from './pipeline.module';
export * from './nightly-pipeline';
