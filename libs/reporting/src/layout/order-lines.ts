import { lineAmountFen } from '@larder/procurement';
import { CellInput, fenToYuan, FORMATS, TextCell } from './cells';
import { codeName, Labels } from './labels';
import { Named, nameOf, ReportContext } from './report-context';
import type { ColumnSpec, ReportSheet } from './report-sheet';

/** An order line as the purchase sheets print it. */
export interface OrderLine {
  ingredient: Named;
  unit: string;
  sku: string;
  packSize: number;
  packs: number;
  packPriceFen: number;
}

/** Where packs, price and amount sit among the six columns, counted from the first (the ingredient) at 0. */
export const ORDER_LINE_OFFSETS = { packs: 3, price: 4, amount: 5 } as const;

const text = (value: string): TextCell => ({ text: value });

/**
 * The six columns of an order line — ingredient, supplier item, pack, packs, price per pack, amount —
 * shared by the 采购单 and the purchase plan's supplier sheets, so the supplier reads one layout in both.
 */
export function orderLineColumns(labels: Labels): ColumnSpec[] {
  return [
    { header: labels.ingredient, width: 22 },
    { header: labels.sku, width: 14 },
    { header: labels.pack, width: 12 },
    { header: labels.packs, width: 8, format: FORMATS.integer },
    { header: labels.unitPrice, width: 13, format: FORMATS.yuan },
    { header: labels.amount, width: 14, format: FORMATS.yuan },
  ];
}

/**
 * A line's six cells, written from column `first` of `row`: the amount is a live formula of packs ×
 * price per pack, with the order rule's amount (lineAmountFen) as its result.
 */
export function orderLineCells(input: { context: ReportContext; sheet: ReportSheet; row: number; first: number; line: OrderLine }): CellInput[] {
  const { context, sheet, row, first, line } = input;
  const column = (offset: number) => sheet.ref(first + offset, row);
  return [
    text(nameOf(context, line.ingredient)),
    text(line.sku),
    `${line.packSize} ${codeName(context.language, line.unit)}`,
    line.packs,
    fenToYuan(line.packPriceFen),
    { formula: `${column(ORDER_LINE_OFFSETS.packs)}*${column(ORDER_LINE_OFFSETS.price)}`, result: fenToYuan(lineAmountFen(line.packs, line.packPriceFen)) },
  ];
}
