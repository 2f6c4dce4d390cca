export * from './overview.service';
export * from './analytics.module';
