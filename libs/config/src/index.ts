export * from './larder-config';
export * from './config.module';
