import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from './column-types';

/**
 * Canteen × day × meal × payment channel: the meal rollup's paid amount per channel as rows, so
 * revenue by channel is a sum over an index instead of unpacking every meal's JSON. Rebuilt from
 * the meal rollup whenever its canteen-days are.
 */
@Entity()
export class DailyChannelRollup {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  @PrimaryColumn({ type: 'text' })
  meal!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: string;

  @Column({ type: 'bigint', default: 0, transformer: numberTransformer })
  paidFen!: number;
}
