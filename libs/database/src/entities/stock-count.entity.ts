import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';

@Entity()
export class StockCount {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  countedOn!: string;

  @PrimaryColumn({ type: 'integer' })
  ingredientId!: number;

  /** In the ingredient's unit. */
  @Column({ type: 'numeric', precision: 12, scale: 3, transformer: numberTransformer })
  quantity!: number;

  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;
}
