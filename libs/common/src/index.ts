export * from './bilingual';
export * from './larder-error';
export * from './query-parameters';
export * from './personal-text';
export * from './text-encoding';
export * from './file-signature';
