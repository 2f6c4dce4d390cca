import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { CanteenScope, MEAL_PERIODS } from '@larder/domain';
import { DashboardMeta, DashboardRole, pagesFor } from './dashboard.contract';

/** What the filter bar offers a caller: their pages, canteens, the dishes and the span of the data. */
@Injectable()
export class DashboardMetaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  async meta(input: { role: DashboardRole; access: CanteenScope }): Promise<DashboardMeta> {
    const canteenRows: Record<string, unknown>[] = await this.dataSource.query('SELECT id, code, name, name_en FROM canteen ORDER BY id');
    const canteens = canteenRows
      .map((row) => ({ id: Number(row.id), code: String(row.code), name: String(row.name), nameEn: (row.name_en as string | null) ?? null }))
      .filter((canteen) => input.access === 'all' || input.access.includes(canteen.id));
    const dishRows: Record<string, unknown>[] = await this.dataSource.query('SELECT id, code, name, name_en, category FROM dish ORDER BY id');
    const supplierRows: Record<string, unknown>[] = await this.dataSource.query('SELECT id, code, name, name_en FROM supplier ORDER BY id');
    const ingredientRows: Record<string, unknown>[] = await this.dataSource.query('SELECT id, code, name, name_en FROM ingredient ORDER BY id');
    const named = (row: Record<string, unknown>) => ({ id: Number(row.id), code: String(row.code), name: String(row.name), nameEn: (row.name_en as string | null) ?? null });
    const [span] = (await this.dataSource.query(
      'SELECT min(service_date)::text AS first, max(service_date)::text AS last FROM daily_meal_rollup WHERE canteen_id = ANY($1::int[])',
      [canteens.map((canteen) => canteen.id)],
    )) as { first: string | null; last: string | null }[];
    return {
      role: input.role,
      pages: pagesFor(input.role),
      canteens,
      dishes: dishRows.map((row) => ({ id: Number(row.id), code: String(row.code), name: String(row.name), nameEn: (row.name_en as string | null) ?? null, category: String(row.category) })),
      suppliers: supplierRows.map(named),
      ingredients: ingredientRows.map(named),
      meals: [...MEAL_PERIODS],
      firstServiceDate: span?.first ?? null,
      lastServiceDate: span?.last ?? null,
      timeZone: this.config.timezone,
    };
  }
}
