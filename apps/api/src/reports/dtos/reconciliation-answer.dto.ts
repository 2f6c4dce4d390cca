import { ApiProperty } from '@nestjs/swagger';
import type { FinanceReconciliation } from '@larder/analytics';

class MismatchAnswer {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ example: 'wechat' }) channel!: string;
  @ApiProperty({ type: 'integer', nullable: true }) settlementFen!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) larderFen!: number | null;
  @ApiProperty({ enum: ['differs', 'only_settlement', 'only_larder'] }) status!: FinanceReconciliation['mismatches'][number]['status'];
}

class RejectedLineAnswer {
  @ApiProperty({ type: 'integer' }) line!: number;
  @ApiProperty() reason!: string;
}

/** `POST /api/reports/finance/reconciliation`: the settlement file against the month's payments. */
export class ReconciliationAnswer implements FinanceReconciliation {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'Only some canteens were compared, while the file may cover all' }) canteenOnly!: boolean;
  @ApiProperty({ enum: ['matched', 'mismatched', 'incomplete'], description: 'incomplete: no pair differs, but lines of the file could not be read' }) status!: FinanceReconciliation['status'];
  @ApiProperty({ type: 'integer' }) checkedDays!: number;
  @ApiProperty({ type: 'integer' }) mismatchedDays!: number;
  @ApiProperty({ type: 'integer' }) settlementFen!: number;
  @ApiProperty({ type: 'integer' }) larderFen!: number;
  @ApiProperty({ type: 'integer', description: 'Settlement minus Larder' }) differenceFen!: number;
  @ApiProperty({ type: [MismatchAnswer] }) mismatches!: MismatchAnswer[];
  @ApiProperty({ type: [RejectedLineAnswer], description: 'Lines not read, or dated outside the month' }) rejected!: RejectedLineAnswer[];
}
