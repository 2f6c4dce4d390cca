import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { query } from '@larder/database';
import type { IsoDate, MealPeriod } from '@larder/domain';
import { subsidyInForceSql } from './subsidy-rule.sql';

/**
 * What subsidy a meal gets: the employer's contribution per cover of the subsidy rule in force for
 * that meal on that day (`subsidyInForceSql`), nothing before the first rule. The same rule the
 * subsidy-reach entitlement applies to lunch, the forecasts' subsidy driver and the demo data.
 */
@Injectable()
export class MealSubsidyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Subsidy per cover (fen) of each meal × day, in the order asked. */
  async perCover(mealDays: readonly { readonly date: IsoDate; readonly meal: MealPeriod }[]): Promise<number[]> {
    if (mealDays.length === 0) return [];
    const rows = await query<{ i: number; fen: number }>(
      this.dataSource,
      `SELECT d.i, ${subsidyInForceSql('d.meal', 'd.day')} AS fen
       FROM unnest($1::date[], $2::text[]) WITH ORDINALITY AS d(day, meal, i) ORDER BY d.i`,
      [mealDays.map((entry) => entry.date), mealDays.map((entry) => entry.meal)],
    );
    return rows.map((row) => row.fen);
  }
}
