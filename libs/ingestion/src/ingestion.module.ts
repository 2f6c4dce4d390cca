import { Module } from '@nestjs/common';
import { DemoSeedService } from './demo/demo-seed.service';
import { PseudonymKeyService } from './privacy/pseudonym-key.service';
import { RollupService } from './rollups/rollup.service';

@Module({
  providers: [PseudonymKeyService, RollupService, DemoSeedService],
  exports: [PseudonymKeyService, RollupService, DemoSeedService],
})
export class IngestionModule {}
