import { Module } from '@nestjs/common';
import { DemoSeedService } from './demo/demo-seed.service';
import { PseudonymKeyService } from './privacy/pseudonym-key.service';
import { RollupService } from './rollups/rollup.service';
import { ImportRollbackService, ImportService } from './import/import.exports';

@Module({
  providers: [PseudonymKeyService, RollupService, DemoSeedService, ImportService, ImportRollbackService],
  exports: [PseudonymKeyService, RollupService, DemoSeedService, ImportService, ImportRollbackService],
})
export class IngestionModule {}
