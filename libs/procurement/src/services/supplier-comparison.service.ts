import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { monthOf, monthPeriod, ReportPeriod, shiftMonth } from '@larder/analytics';
import { query } from '@larder/database';
import type { IsoDate } from '@larder/domain';
import { PlanningCatalogue } from '../planning/planning-catalogue';
import { explodeRecipes } from '../planning/recipe-explosion';
import { compareSuppliers, MonthSpan, SupplierComparison } from '../planning/supplier-comparison.calculator';
import { PlanningDataLoader } from './planning-data.loader';
import { COOKED_SQL, CookedRow, INGREDIENT_NAMES_SQL, LAST_COOKED_DAY_SQL, LastDayRow, SUPPLIER_NAMES_SQL } from './supplier-comparison.queries';

/** Months of closing prices shown side by side, the compared month last. */
export const PRICE_HISTORY_MONTHS = 6;

/** A supplier, as the comparison names it. */
export interface SupplierName {
  id: number;
  code: string;
  name: string;
  nameEn: string;
}
/** An ingredient, as the comparison names it. */
export interface IngredientName {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  unit: string;
}

export interface SupplierComparisonView extends SupplierComparison {
  canteenIds: number[];
  suppliers: SupplierName[];
  ingredientNames: IngredientName[];
}

/**
 * The supplier comparison of a month for some canteens: what their kitchens cooked (the rollups'
 * prepared portions, else the portions sold) exploded into ingredient needs, bought by the planner.
 */
@Injectable()
export class SupplierComparisonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: PlanningDataLoader,
  ) {}

  /**
   * The month asked for; without one, the month of `asOf` (default: the last day with sales) but no
   * later than the last day with sales, since a month without cooking has nothing to compare.
   */
  async monthFor(params: { month?: string; asOf?: IsoDate }): Promise<ReportPeriod> {
    if (params.month) return monthPeriod(params.month);
    const [row] = await query<LastDayRow>(this.dataSource, LAST_COOKED_DAY_SQL);
    const last = row?.last ?? params.asOf ?? new Date().toISOString().slice(0, 10);
    return monthOf(params.asOf !== undefined && params.asOf < last ? params.asOf : last);
  }

  async compare(params: { canteenIds: readonly number[]; month?: string; asOf?: IsoDate }): Promise<SupplierComparisonView> {
    const month = await this.monthFor(params);
    const previousMonth = shiftMonth(month, -1);
    const priceMonths = Array.from({ length: PRICE_HISTORY_MONTHS }, (_, index) => shiftMonth(month, index - PRICE_HISTORY_MONTHS + 1));
    const catalogue = await this.loader.catalogue();
    const [needs, previousNeeds] = await Promise.all([this.needs(catalogue, params.canteenIds, month), this.needs(catalogue, params.canteenIds, previousMonth)]);
    const comparison = compareSuppliers({ catalogue, month: span(month), previousMonth: span(previousMonth), priceMonths: priceMonths.map(span), needs, previousNeeds });
    const [suppliers, ingredientNames] = await Promise.all([query<SupplierName>(this.dataSource, SUPPLIER_NAMES_SQL), query<IngredientName>(this.dataSource, INGREDIENT_NAMES_SQL)]);
    return { ...comparison, canteenIds: [...params.canteenIds], suppliers, ingredientNames };
  }

  private async needs(catalogue: PlanningCatalogue, canteenIds: readonly number[], month: ReportPeriod) {
    const rows = await query<CookedRow>(this.dataSource, COOKED_SQL, [[...canteenIds], month.from, month.to]);
    return explodeRecipes({
      catalogue,
      lines: rows.map((row) => ({ canteenId: row.canteen_id, serviceDate: row.service_date, meal: row.meal, dishId: row.dish_id, portions: row.portions })),
    });
  }
}

function span(period: ReportPeriod): MonthSpan {
  return { label: period.label, from: period.from, to: period.to };
}
