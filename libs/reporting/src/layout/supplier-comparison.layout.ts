import { fenToYuan, FORMATS, TextCell } from './cells';
import { SUPPLIER_CHOICE_REASONS, SupplierChoiceReason } from '@larder/procurement';
import { codeName, fill, Labels } from './labels';
import { frameOf, labelsOf, Named, nameOf, ReportContext } from './report-context';
import { ReportSheet, WorkbookWriter } from './report-sheet';

export interface ComparisonOfferRow {
  supplier: Named;
  packSize: number;
  minOrderPacks: number;
  leadTimeDays: number;
  /** Closing pack price per price month (fen), null before the item's first price list. */
  packPrices: (number | null)[];
  priceRise: number | null;
  monthCostFen: number | null;
  costPerUsableUnitFen: number | null;
  chosen: boolean;
  lastMonth: boolean;
}

export interface ComparisonIngredientRow {
  ingredient: Named;
  unit: string;
  shelfLifeDays: number;
  reason: SupplierChoiceReason;
  chosenCostFen: number;
  lastMonthCostFen: number;
  savingFen: number;
  offers: ComparisonOfferRow[];
}

export interface SupplierComparisonSheetData {
  month: string;
  priceMonths: string[];
  ingredients: ComparisonIngredientRow[];
  chosenCostFen: number;
  lastMonthCostFen: number;
  savingFen: number;
}

const text = (value: string): TextCell => ({ text: value });

/**
 * 货比三家: one row per supplier item, grouped by ingredient; the ingredient's first row carries the
 * month's cost as chosen, from last month's supplier, and the saving as a live formula.
 */
export function writeSupplierComparisonSheet(input: { workbook: WorkbookWriter; context: ReportContext; reportTitle: string; data: SupplierComparisonSheetData }): { savingFen: number } {
  const { context, data } = input;
  const labels = labelsOf(context);
  const priceColumns = data.priceMonths.map((month) => ({ header: fill(labels.comparisonPriceIn, { month }), width: 12, format: FORMATS.yuan }));
  const fixed = 6;
  const after = fixed + priceColumns.length;
  const sheet = ReportSheet.open(
    input.workbook,
    frameOf(context, {
      name: labels.comparisonSheet,
      reportTitle: input.reportTitle,
      title: fill(labels.comparisonTitle, { month: data.month }),
      columns: [
        { header: labels.ingredient, width: 16 },
        { header: labels.supplier, width: 26 },
        { header: labels.pack, width: 10 },
        { header: labels.comparisonMinPacks, width: 8, format: FORMATS.integer },
        { header: labels.leadTime, width: 8, format: FORMATS.integer },
        { header: labels.comparisonShelfLife, width: 8, format: FORMATS.integer },
        ...priceColumns,
        { header: labels.comparisonRise, width: 9, format: FORMATS.percent },
        { header: labels.comparisonCostAlone, width: 13, format: FORMATS.yuan },
        { header: labels.comparisonPerUnit, width: 11, format: FORMATS.decimal2 },
        { header: labels.comparisonChoice, width: 24 },
        { header: labels.comparisonChosenCost, width: 13, format: FORMATS.yuan },
        { header: labels.comparisonLastMonthCost, width: 13, format: FORMATS.yuan },
        { header: labels.comparisonSaving, width: 12, format: FORMATS.yuan },
      ],
    }),
  );
  const chosenColumn = after + 5;
  for (const ingredient of data.ingredients) {
    ingredient.offers.forEach((offer, index) => {
      const n = sheet.currentRow;
      const marks = [offer.chosen ? fill(labels.comparisonChosen, { reason: reasonText(labels, ingredient.reason) }) : null, offer.lastMonth ? labels.comparisonLastMonth : null]
        .filter(Boolean)
        .join(' · ');
      const first = index === 0;
      sheet.add([
        text(nameOf(context, ingredient.ingredient)),
        text(nameOf(context, offer.supplier)),
        `${offer.packSize} ${codeName(context.language, ingredient.unit)}`,
        offer.minOrderPacks,
        offer.leadTimeDays,
        ingredient.shelfLifeDays,
        ...offer.packPrices.map(fenToYuan),
        offer.priceRise,
        fenToYuan(offer.monthCostFen),
        offer.costPerUsableUnitFen === null ? null : offer.costPerUsableUnitFen / 100,
        marks,
        first ? fenToYuan(ingredient.chosenCostFen) : null,
        first ? fenToYuan(ingredient.lastMonthCostFen) : null,
        first ? { formula: `${sheet.ref(chosenColumn + 1, n)}-${sheet.ref(chosenColumn, n)}`, result: fenToYuan(ingredient.savingFen) } : null,
      ]);
    });
  }
  const last = sheet.currentRow - 1;
  sheet.endTable();
  const total = (column: number, fen: number) => ({ formula: sheet.sum(column, sheet.firstDataRow, Math.max(last, sheet.firstDataRow)), result: fenToYuan(fen) });
  const blanks = Array.from({ length: chosenColumn - 2 }, () => null);
  sheet.add([labels.total, ...blanks, total(chosenColumn, data.chosenCostFen), total(chosenColumn + 1, data.lastMonthCostFen), total(chosenColumn + 2, data.savingFen)], 'total');
  if (data.ingredients.length === 0) sheet.note(labels.comparisonEmpty);
  sheet.note(labels.comparisonNote);
  sheet.finish();
  return { savingFen: data.savingFen };
}

function reasonText(labels: Labels, reason: SupplierChoiceReason): string {
  return labels.comparisonReasons[SUPPLIER_CHOICE_REASONS.indexOf(reason)] ?? reason;
}
