export * from './larder-error';
