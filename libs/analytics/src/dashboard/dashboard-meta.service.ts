import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { CanteenScope, MEAL_PERIODS } from '@larder/domain';
import { query } from '@larder/database';
import { DashboardMeta, DashboardRole, pagesFor } from './dashboard.contract';
import { CANTEENS_SQL, DISHES_SQL, DishNameRow, INGREDIENTS_SQL, NamedRow, SPAN_SQL, SpanRow, SUPPLIERS_SQL } from './dashboard-meta.queries';

const named = (row: NamedRow) => ({ id: row.id, code: row.code, name: row.name, nameEn: row.name_en ?? null });

/** What the filter bar offers a caller: their pages, canteens, the dishes and the span of the data. */
@Injectable()
export class DashboardMetaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  async meta(input: { role: DashboardRole; access: CanteenScope }): Promise<DashboardMeta> {
    const canteens = (await query<NamedRow>(this.dataSource, CANTEENS_SQL)).map(named).filter((canteen) => input.access === 'all' || input.access.includes(canteen.id));
    const dishRows = await query<DishNameRow>(this.dataSource, DISHES_SQL);
    const supplierRows = await query<NamedRow>(this.dataSource, SUPPLIERS_SQL);
    const ingredientRows = await query<NamedRow>(this.dataSource, INGREDIENTS_SQL);
    const [span] = await query<SpanRow>(this.dataSource, SPAN_SQL, [canteens.map((canteen) => canteen.id)]);
    return {
      role: input.role,
      pages: pagesFor(input.role),
      canteens,
      dishes: dishRows.map((row) => ({ ...named(row), category: row.category })),
      suppliers: supplierRows.map(named),
      ingredients: ingredientRows.map(named),
      meals: [...MEAL_PERIODS],
      firstServiceDate: span?.first ?? null,
      lastServiceDate: span?.last ?? null,
      timeZone: this.config.timezone,
    };
  }
}
