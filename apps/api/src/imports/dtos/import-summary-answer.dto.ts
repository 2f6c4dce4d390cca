import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_KINDS } from '@larder/ingestion';

/** `POST /api/import/:kind`: the batch summary, as `larder import --json` prints it. */
export class ImportSummaryAnswer {
  @ApiProperty({ format: 'uuid', description: 'The batch; `larder import --rollback <batchId>` removes it' }) batchId!: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: string;
  @ApiProperty({ description: 'The mapping profile used' }) profile!: string;
  @ApiProperty({ description: 'The sanitised label of the file' }) fileName!: string;
  @ApiProperty({ type: 'integer', description: 'Rows stored (inserted, or masters changed)' }) accepted!: number;
  @ApiProperty({ type: 'integer', description: 'Rows quarantined' }) rejected!: number;
  @ApiProperty({ type: 'integer', description: 'Rows already present' }) duplicates!: number;
  @ApiProperty({ type: 'integer', description: "Rows stored but worth a look (in the batch's rejected-rows CSV too, marked as stored)" }) flagged!: number;
  @ApiProperty({ type: 'string', isArray: true, description: 'The first flagged lines and why' }) flags!: string[];
  @ApiProperty({ type: 'string', isArray: true, description: 'Sentences about the file beyond the counts, zh-CN and en' }) notes!: string[];
  @ApiProperty() seconds!: number;
  @ApiProperty({ type: 'string', isArray: true, description: 'The first rejected lines and why' }) rejections!: string[];
}
