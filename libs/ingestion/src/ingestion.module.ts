import { Module } from '@nestjs/common';
import { AuthModule } from '@larder/auth';
import { DemoSeedService } from './demo/demo-seed.service';
import { PseudonymKeyService } from './privacy/pseudonym-key.service';
import { RollupService } from './rollups/rollup.service';
import { ImportQuarantineService, ImportRollbackService, ImportService, ImportUploadService, InboxService, VendorPullService } from './import/import.exports';

@Module({
  imports: [AuthModule],
  providers: [PseudonymKeyService, RollupService, DemoSeedService, ImportService, ImportRollbackService, ImportQuarantineService, ImportUploadService, InboxService, VendorPullService],
  exports: [PseudonymKeyService, RollupService, DemoSeedService, ImportService, ImportRollbackService, ImportQuarantineService, ImportUploadService, InboxService, VendorPullService],
})
export class IngestionModule {}
