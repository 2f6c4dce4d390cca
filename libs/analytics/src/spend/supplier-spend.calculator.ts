import { DEFAULT_INGREDIENT_CATEGORY, INGREDIENT_CATEGORIES, isIngredientCategory, type IngredientCategory } from '@larder/domain';
import { monthSpans } from '../budget/budget.calculator';
import type { CategoryAmounts, SupplierSpend } from '../dashboard/dashboard.contract';

/** Received spend of one month, supplier and category, as read (fen). */
export interface SpendCell {
  month: string;
  supplierId: number;
  category: string;
  spendFen: number;
}

export interface SpendSupplier {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
}

/** A category Larder does not know (a row written before the list) is counted as 'other', never dropped. */
const categoryOf = (code: string): IngredientCategory => (isIngredientCategory(code) ? code : DEFAULT_INGREDIENT_CATEGORY);

function add(target: CategoryAmounts, category: IngredientCategory, fen: number): void {
  target[category] = (target[category] ?? 0) + fen;
}

/** The month × category and supplier × category tables of a range from its received-spend cells. */
export function supplierSpend(input: {
  range: { from: string; to: string };
  cells: readonly SpendCell[];
  suppliers: readonly SpendSupplier[];
  awaitingReceipt: { orders: number; totalFen: number };
}): SupplierSpend {
  const months = monthSpans(input.range).map((span) => ({ ...span, byCategory: {} as CategoryAmounts, totalFen: 0 }));
  const monthIndex = new Map(months.map((month, index) => [month.month, index]));
  const bySupplier = new Map<number, { byCategory: CategoryAmounts; totalFen: number }>();
  const byCategory: CategoryAmounts = {};
  let totalFen = 0;
  for (const cell of input.cells) {
    const index = monthIndex.get(cell.month);
    if (index === undefined || cell.spendFen === 0) continue;
    const category = categoryOf(cell.category);
    add(months[index].byCategory, category, cell.spendFen);
    months[index].totalFen += cell.spendFen;
    const supplier = bySupplier.get(cell.supplierId) ?? { byCategory: {}, totalFen: 0 };
    add(supplier.byCategory, category, cell.spendFen);
    supplier.totalFen += cell.spendFen;
    bySupplier.set(cell.supplierId, supplier);
    add(byCategory, category, cell.spendFen);
    totalFen += cell.spendFen;
  }
  const named = new Map(input.suppliers.map((supplier) => [supplier.id, supplier]));
  const suppliers = [...bySupplier.entries()]
    .map(([id, sums]) => ({ ...(named.get(id) ?? { id, code: String(id), name: String(id), nameEn: null }), ...sums }))
    .sort((a, b) => b.totalFen - a.totalFen || a.code.localeCompare(b.code));
  return {
    categories: INGREDIENT_CATEGORIES.filter((category) => byCategory[category] !== undefined),
    months,
    suppliers,
    byCategory,
    totalFen,
    awaitingReceipt: input.awaitingReceipt,
  };
}
