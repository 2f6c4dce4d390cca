import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MealPeriod } from '@larder/domain';

/** Portions the kitchen prepared of a dish for one meal. */
@Entity()
export class ProductionLog {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  @PrimaryColumn({ type: 'text' })
  meal!: MealPeriod;

  @PrimaryColumn({ type: 'integer' })
  dishId!: number;

  @Column({ type: 'integer' })
  portionsPrepared!: number;

  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;
}
