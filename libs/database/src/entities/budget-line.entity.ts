import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numberTransformer } from './column-types';

/** What finance plans to spend on one line of a canteen's month: the one meaning of "budget" in Larder. */
@Entity()
export class BudgetLine {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  /** The first day of the month. */
  @PrimaryColumn({ type: 'date' })
  month!: string;

  /** ingredients, subsidy or labour (see BUDGET_LINES). */
  @PrimaryColumn({ type: 'text' })
  line!: string;

  @Column({ type: 'bigint', transformer: numberTransformer })
  amountFen!: number;

  /** Who set it: a user name, "import" or "demo". */
  @Column({ type: 'text' })
  updatedBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
