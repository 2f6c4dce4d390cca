import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IngredientCategory, IngredientUnit, StorageKind } from '@larder/domain';

@Entity()
export class Ingredient {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text' })
  unit!: IngredientUnit;

  @Column({ type: 'integer' })
  shelfLifeDays!: number;

  @Column({ type: 'text' })
  storage!: StorageKind;

  /** Finance's category (INGREDIENT_CATEGORIES), for spend by category; rows from before it count as 'other'. */
  @Column({ type: 'text', default: 'other' })
  category!: IngredientCategory;
}
