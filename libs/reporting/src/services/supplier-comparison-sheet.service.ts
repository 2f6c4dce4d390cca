import { Injectable } from '@nestjs/common';
import { SupplierComparisonService, SupplierComparisonView } from '@larder/procurement';
import type { SupplierComparisonSheetData } from '../layout/supplier-comparison.layout';
import type { ReportScope } from './report-scope.service';

/** The purchase-plan workbook's 货比三家 sheet: the comparison the Purchasing panel shows for the same canteens and day. */
@Injectable()
export class SupplierComparisonSheetService {
  constructor(private readonly comparison: SupplierComparisonService) {}

  async data(scope: ReportScope): Promise<SupplierComparisonSheetData> {
    return sheetDataOf(await this.comparison.compare({ canteenIds: scope.canteenIds, asOf: scope.period.to }));
  }
}

export function sheetDataOf(view: SupplierComparisonView): SupplierComparisonSheetData {
  const suppliers = new Map(view.suppliers.map((supplier) => [supplier.id, supplier]));
  const ingredients = new Map(view.ingredientNames.map((ingredient) => [ingredient.id, ingredient]));
  return {
    month: view.month,
    priceMonths: [...view.priceMonths],
    chosenCostFen: view.chosenCostFen,
    lastMonthCostFen: view.lastMonthCostFen,
    savingFen: view.savingFen,
    ingredients: view.ingredients.map((row) => {
      const ingredient = ingredients.get(row.ingredientId)!;
      return {
        ingredient,
        unit: ingredient.unit,
        shelfLifeDays: row.shelfLifeDays,
        reason: row.reason,
        chosenCostFen: row.chosenCostFen,
        lastMonthCostFen: row.lastMonthCostFen,
        savingFen: row.savingFen,
        offers: row.offers.map((offer) => ({
          supplier: suppliers.get(offer.supplierId)!,
          packSize: offer.packSize,
          minOrderPacks: offer.minOrderPacks,
          leadTimeDays: offer.leadTimeDays,
          packPrices: [...offer.packPrices],
          priceRise: offer.priceRise,
          monthCostFen: offer.monthCostFen,
          costPerUsableUnitFen: offer.costPerUsableUnitFen,
          chosen: offer.supplierItemId === row.chosenSupplierItemId,
          lastMonth: offer.supplierItemId === row.lastMonthSupplierItemId,
        })),
      };
    }),
  };
}
