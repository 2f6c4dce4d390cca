import { Test } from '@nestjs/testing';
import { ConfigModule } from '@larder/config';
import { DatabaseModule } from '@larder/database';
import type { DemoOptions } from '@larder/demo-data';
import { DemoSeedService, IngestionModule } from '@larder/ingestion';
import { createPreparedDatabase } from './prepared-database';
import type { TestDatabase } from './test-config';

/**
 * The demo enterprises several test files read: each is seeded once per run and copied per file
 * (test/support/prepared-database.ts). The same options give the same rows, byte for byte, so a file
 * reads exactly what it would have seeded itself.
 */
export const DEMO_PRESETS = {
  /** 2 canteens, 45 days of sales to 2026-11-20 (and the default 35 days of menus after): the reports. */
  reporting: { seed: 7, canteens: 2, employees: 800, days: 45, endDate: '2026-11-20' },
  /** 2 canteens, 42 days of sales to 2026-11-20 and menus for the 10 days after: plans and orders. */
  ordering: { seed: 7, canteens: 2, employees: 800, days: 42, endDate: '2026-11-20', futureDays: 10 },
} satisfies Record<string, DemoOptions>;

export type DemoPreset = keyof typeof DEMO_PRESETS;

/** A migrated test database of its own holding the preset's demo enterprise. */
export function createDemoDatabase(preset: DemoPreset): Promise<TestDatabase> {
  return createPreparedDatabase(`demo_${preset}`, async (database) => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot({ ...database.config, demo: 'off' }), DatabaseModule, IngestionModule] }).compile();
    const app = await moduleRef.init();
    try {
      await app.get(DemoSeedService).seed(DEMO_PRESETS[preset]);
    } finally {
      await app.close();
    }
  });
}
