import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DishCategory } from '@larder/domain';
import { numberTransformer } from './column-types';

@Entity()
export class Dish {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text' })
  category!: DishCategory;

  /** What a diner without subsidy pays, in fen. */
  @Column({ type: 'integer' })
  listPriceFen!: number;

  /** What a subsidised employee pays at the till, in fen. */
  @Column({ type: 'integer' })
  subsidisedPriceFen!: number;

  @Column({ type: 'numeric', precision: 8, scale: 3, transformer: numberTransformer })
  portionKg!: number;

  @Column({ type: 'date', nullable: true })
  introducedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  retiredOn!: string | null;
}
