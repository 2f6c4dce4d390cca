import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';

/** One ingredient of a dish: the net quantity a portion needs and the share lost in preparation. */
@Entity()
export class RecipeLine {
  @PrimaryColumn({ type: 'integer' })
  dishId!: number;

  @PrimaryColumn({ type: 'integer' })
  ingredientId!: number;

  /** In the ingredient's unit, as served (after trimming and cooking loss). */
  @Column({ type: 'numeric', precision: 10, scale: 4, transformer: numberTransformer })
  quantityPerPortion!: number;

  /** Fraction lost between purchase and plate: gross = net / (1 - yieldLoss). */
  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: numberTransformer })
  yieldLoss!: number;
}
