import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MealPeriod } from '@larder/domain';
import { numberTransformer } from './column-types';

@Entity()
export class ForecastRun {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** The last day of history the forecasts could see. */
  @Column({ type: 'date' })
  asOf!: string;

  @Column({ type: 'integer' })
  horizonDays!: number;

  @Column({ type: 'text' })
  status!: 'running' | 'done' | 'failed';

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** Series that could not be forecast, with the reason, e.g. [{canteenId, canteenCode, meal, error}]. */
  @Column({ type: 'jsonb', default: [] })
  failedSeries!: { canteenId: number; canteenCode: string; meal: string; error: string }[];

  /** Why the whole run failed, when it did. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;
}

/** A quantity forecast for canteen × day × meal and a dish (dishId 0 = covers). */
@Entity()
@Index(['canteenId', 'serviceDate'])
// The current forecasts only: what the accuracy report and the dashboard read (see superseded).
@Index('forecast_current_idx', ['canteenId', 'serviceDate', 'meal', 'dishId'], { where: 'NOT superseded' })
// One target's current forecasts (the covers, or one dish) for many canteens, with the run and the
// quantiles: the dashboard's forecast charts. On (dish_id, canteen_id, service_date, meal) INCLUDE
// (run_id, p10, p50, p90) WHERE NOT superseded, kept by its migrations (ForecastCoveringIndex):
// TypeORM does not model INCLUDE, so schema synchronisation leaves it alone.
@Index('forecast_current_target_idx', { synchronize: false })
export class Forecast {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'uuid' })
  runId!: string;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  @PrimaryColumn({ type: 'text' })
  meal!: MealPeriod;

  @PrimaryColumn({ type: 'integer' })
  dishId!: number;

  @Column({ type: 'text' })
  model!: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  p50!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  p10!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numberTransformer })
  p90!: number;

  /** Further quantile levels by level, e.g. {"0.95": 512}. */
  @Column({ type: 'jsonb', default: {} })
  quantiles!: Record<string, number>;

  /** Backtest WAPE of the chosen model on this series. */
  @Column({ type: 'numeric', precision: 8, scale: 4, nullable: true, transformer: numberTransformer })
  backtestWape!: number | null;

  /**
   * A later done run, made before the day, forecast the same series and day: this row is no longer
   * the one the day is judged by. Set when runs are stored (supersedeForecasts in @larder/demand).
   */
  @Column({ type: 'boolean', default: false })
  superseded!: boolean;
}
