import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MealPeriod, WasteKind } from '@larder/domain';
import { numberTransformer } from './column-types';

/** Food thrown away: cooked and never served, left on plates, or spoiled in store. */
@Entity()
@Index(['canteenId', 'serviceDate'])
export class WasteLog {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'bigint', transformer: numberTransformer })
  id!: number;

  @Column({ type: 'date' })
  serviceDate!: string;

  @Column({ type: 'text', nullable: true })
  meal!: MealPeriod | null;

  @Column({ type: 'text' })
  kind!: WasteKind;

  @Column({ type: 'integer', nullable: true })
  dishId!: number | null;

  /** Spoilage is logged by ingredient rather than dish. */
  @Column({ type: 'integer', nullable: true })
  ingredientId!: number | null;

  @Column({ type: 'numeric', precision: 10, scale: 3, transformer: numberTransformer })
  kg!: number;

  @Column({ type: 'integer', nullable: true })
  portions!: number | null;

  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;
}
