import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';

/**
 * Canteen × day × meal: the money and waste figures of the dish rollup and the waste log, costed at
 * the day's prices, so finance and waste totals are sums over one small row per meal. Built with the
 * dish rollup's portion costs and re-priced with them. Costs are kept unrounded: readers round once
 * per total, as the figures always have been.
 */
@Entity()
export class DailyCostRollup {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  /** '' for waste logged without a meal (spoilage in store), which a meal filter leaves out. */
  @PrimaryColumn({ type: 'text' })
  meal!: string;

  /** Portions prepared (sold, where the kitchen logged nothing) × the day's portion cost. */
  @Column({ type: 'numeric', default: 0, transformer: numberTransformer })
  ingredientCostFen!: number;

  /** Portions counted in ingredientCostFen's basis whose dish has no priced recipe. */
  @Column({ type: 'integer', default: 0 })
  uncostedPortions!: number;

  @Column({ type: 'integer', default: 0 })
  preparedPortions!: number;

  @Column({ type: 'integer', default: 0 })
  soldPortions!: number;

  @Column({ type: 'integer', default: 0 })
  overproductionPortions!: number;

  @Column({ type: 'numeric', default: 0, transformer: numberTransformer })
  overproductionKg!: number;

  @Column({ type: 'numeric', default: 0, transformer: numberTransformer })
  overproductionCostFen!: number;

  @Column({ type: 'numeric', default: 0, transformer: numberTransformer })
  plateKg!: number;

  @Column({ type: 'numeric', default: 0, transformer: numberTransformer })
  spoilageKg!: number;

  @Column({ type: 'numeric', default: 0, transformer: numberTransformer })
  spoilageCostFen!: number;

  /** Spoiled kg without a price (counted in pieces or no supplier): weighed, not costed. */
  @Column({ type: 'numeric', default: 0, transformer: numberTransformer })
  spoilageUncostedKg!: number;
}
