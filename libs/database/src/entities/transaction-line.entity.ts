import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';

@Entity({ name: 'sale_line' })
@Index(['canteenId', 'dishId'])
export class SaleLine {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'bigint', transformer: numberTransformer })
  transactionId!: number;

  @PrimaryColumn({ type: 'smallint' })
  lineNo!: number;

  @Column({ type: 'integer' })
  dishId!: number;

  /** Portions; negative on a refund line. */
  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'integer' })
  unitPriceFen!: number;

  @Column({ type: 'integer' })
  amountFen!: number;

  @Column({ type: 'integer' })
  subsidyFen!: number;
}
