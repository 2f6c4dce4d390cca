import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { query } from '@larder/database';
import { IsoDate, parseIsoDate } from '@larder/domain';
import { accountWaste, WasteAccount } from '../planning/waste-accounting';
import { PlanningDataLoader } from './planning-data.loader';
import { COVERS_SQL, DayCoversRow, EXPECTED_LEFTOVER_SQL, ExpectedLeftoverRow, PRODUCTION_SQL, ProductionRow, WASTE_SQL, WasteLogRow } from './waste-accounting.queries';

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
    const waste = await query<WasteLogRow>(this.dataSource, WASTE_SQL, args);
    const production = await query<ProductionRow>(this.dataSource, PRODUCTION_SQL, args);
    const covers = await query<DayCoversRow>(this.dataSource, COVERS_SQL, args);
    const plans = await query<ExpectedLeftoverRow>(this.dataSource, EXPECTED_LEFTOVER_SQL, args);
    const account = accountWaste({
      catalogue: await this.loader.catalogue({ from, to }),
      waste: waste.map((row) => ({
        canteenId: row.canteen_id,
        serviceDate: row.service_date,
        meal: row.meal ?? null,
        kind: row.kind,
        dishId: row.dish_id,
        ingredientId: row.ingredient_id,
        kg: row.kg,
        portions: row.portions,
      })),
      production: production.map((row) => ({ canteenId: row.canteen_id, serviceDate: row.service_date, dishId: row.dish_id, portionsPrepared: row.portions })),
      covers: covers.map((row) => ({ canteenId: row.canteen_id, serviceDate: row.service_date, covers: row.covers })),
      plans: plans.map((row) => ({ canteenId: row.canteen_id, serviceDate: row.service_date, dishId: row.dish_id, expectedLeftover: row.expected ?? 0 })),
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
