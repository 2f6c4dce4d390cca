import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';

/** What a supplier sells of one ingredient, in which pack, on which terms. */
@Entity()
@Index(['ingredientId'])
export class SupplierItem {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  supplierId!: number;

  @Column({ type: 'integer' })
  ingredientId!: number;

  @Column({ type: 'text' })
  sku!: string;

  /** Pack size in the ingredient's unit. */
  @Column({ type: 'numeric', precision: 10, scale: 3, transformer: numberTransformer })
  packSize!: number;

  @Column({ type: 'integer' })
  minOrderPacks!: number;

  @Column({ type: 'integer' })
  leadTimeDays!: number;

  /** ISO weekdays (1 = Monday) on which the supplier delivers. */
  @Column({ type: 'smallint', array: true })
  deliveryWeekdays!: number[];

  /** Local time of day by which an order must be placed to count as placed that day. */
  @Column({ type: 'time' })
  orderCutoff!: string;
}
