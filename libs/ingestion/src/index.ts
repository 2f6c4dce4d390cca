export * from './ingestion.module';
export * from './privacy/pseudonymizer';
export * from './privacy/pseudonym-key.service';
export * from './rollups/rollup.service';
export * from './demo/demo-seed.service';
export * from './import/import.exports';
