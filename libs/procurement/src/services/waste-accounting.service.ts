import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { IsoDate, MealPeriod, parseIsoDate, WasteKind } from '@larder/domain';
import { accountWaste, WasteAccount } from '../planning/waste-accounting';
import { PlanningDataLoader } from './planning-data.loader';

type Row = Record<string, unknown>;

/** Waste from the production and waste logs, priced, per week, canteen, kind and dish, against what approved plans expected. */
@Injectable()
export class WasteAccountingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: PlanningDataLoader,
  ) {}

  async account(params: { from: string; to: string; canteenIds?: number[] }): Promise<WasteAccount & { from: IsoDate; to: IsoDate }> {
    const from = date('from', params.from);
    const to = date('to', params.to);
    if (from > to) throw new LarderError('VALIDATION_FAILED', '"from" must not be after "to"');
    const canteenIds = params.canteenIds ?? (await this.loader.canteenIds());
    const args = [canteenIds, from, to];
    const scope = `canteen_id = ANY($1::int[]) AND service_date BETWEEN $2::date AND $3::date`;
    const waste: Row[] = await this.dataSource.query(`SELECT canteen_id, service_date::text AS service_date, meal, kind, dish_id, ingredient_id, kg, portions FROM waste_log WHERE ${scope}`, args);
    const production: Row[] = await this.dataSource.query(`SELECT canteen_id, service_date::text AS service_date, dish_id, sum(portions_prepared)::int AS portions FROM production_log WHERE ${scope} GROUP BY 1, 2, 3`, args);
    const covers: Row[] = await this.dataSource.query(`SELECT canteen_id, service_date::text AS service_date, sum(covers)::int AS covers FROM daily_meal_rollup WHERE ${scope} GROUP BY 1, 2`, args);
    const plans: Row[] = await this.dataSource.query(
      `SELECT l.canteen_id, l.service_date::text AS service_date, l.dish_id, sum(l.expected_leftover) AS expected
       FROM plan_line l JOIN production_plan p ON p.id = l.plan_id
       WHERE p.status = 'approved' AND l.dish_id <> 0 AND l.canteen_id = ANY($1::int[]) AND l.service_date BETWEEN $2::date AND $3::date GROUP BY 1, 2, 3`,
      args,
    );
    const account = accountWaste({
      catalogue: await this.loader.catalogue({ from, to }),
      waste: waste.map((row) => ({
        canteenId: Number(row.canteen_id), serviceDate: String(row.service_date), meal: (row.meal as MealPeriod | null) ?? null, kind: row.kind as WasteKind,
        dishId: row.dish_id === null ? null : Number(row.dish_id), ingredientId: row.ingredient_id === null ? null : Number(row.ingredient_id),
        kg: Number(row.kg), portions: row.portions === null ? null : Number(row.portions),
      })),
      production: production.map((row) => ({ canteenId: Number(row.canteen_id), serviceDate: String(row.service_date), dishId: Number(row.dish_id), portionsPrepared: Number(row.portions) })),
      covers: covers.map((row) => ({ canteenId: Number(row.canteen_id), serviceDate: String(row.service_date), covers: Number(row.covers) })),
      plans: plans.map((row) => ({ canteenId: Number(row.canteen_id), serviceDate: String(row.service_date), dishId: Number(row.dish_id), expectedLeftover: Number(row.expected) })),
    });
    return { from, to, ...account };
  }
}

function date(name: string, value: string): IsoDate {
  try {
    return parseIsoDate(value);
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `"${name}": ${(error as Error).message}`);
  }
}
