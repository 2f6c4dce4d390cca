import type { Fen, IsoDate } from '@larder/domain';
import type { DishInfo, IngredientInfo, RecipeLineInfo, SupplierItemInfo, SupplierPriceInfo } from './planning-types';
import { PortionCosts } from './portion-costs';

export interface CatalogueInput {
  readonly dishes: readonly DishInfo[];
  readonly ingredients: readonly IngredientInfo[];
  readonly recipeLines: readonly RecipeLineInfo[];
  readonly supplierItems: readonly SupplierItemInfo[];
  readonly prices: readonly SupplierPriceInfo[];
  /** Portion costs of the days planning prices (from the database's costing); none when absent. */
  readonly portionCosts?: PortionCosts;
}

/** A recipe line with the gross quantity to buy per portion: net / (1 − yield loss). */
export interface GrossRecipeLine {
  readonly ingredientId: number;
  readonly grossPerPortion: number;
}

export function grossPerPortion(line: Pick<RecipeLineInfo, 'quantityPerPortion' | 'yieldLoss'>): number {
  if (!(line.yieldLoss >= 0 && line.yieldLoss < 1)) throw new Error(`yield loss must be in [0, 1), got ${line.yieldLoss}`);
  return line.quantityPerPortion / (1 - line.yieldLoss);
}

/** Master data indexed for planning: recipes by dish, supplier items by ingredient, price history by item. */
export class PlanningCatalogue {
  readonly dishes = new Map<number, DishInfo>();
  readonly ingredients = new Map<number, IngredientInfo>();
  private readonly recipes = new Map<number, GrossRecipeLine[]>();
  private readonly itemsByIngredient = new Map<number, SupplierItemInfo[]>();
  readonly supplierItems = new Map<number, SupplierItemInfo>();
  /** Per item: validFrom dates ascending and the pack prices in the same order. */
  private readonly priceDates = new Map<number, IsoDate[]>();
  private readonly priceValues = new Map<number, Fen[]>();
  private readonly unitCostCache = new Map<string, number | null>();
  private readonly portionCosts: PortionCosts;

  constructor(private readonly input: CatalogueInput) {
    this.portionCosts = input.portionCosts ?? PortionCosts.none();
    for (const dish of input.dishes) this.dishes.set(dish.id, dish);
    for (const ingredient of input.ingredients) this.ingredients.set(ingredient.id, ingredient);
    for (const line of input.recipeLines) {
      const lines = this.recipes.get(line.dishId) ?? [];
      lines.push({ ingredientId: line.ingredientId, grossPerPortion: grossPerPortion(line) });
      this.recipes.set(line.dishId, lines);
    }
    for (const item of input.supplierItems) {
      if (!(item.packSize > 0)) throw new Error(`supplier item ${item.id}: pack size must be positive`);
      this.supplierItems.set(item.id, item);
      const items = this.itemsByIngredient.get(item.ingredientId) ?? [];
      items.push(item);
      this.itemsByIngredient.set(item.ingredientId, items);
    }
    const sorted = [...input.prices].sort((a, b) => a.supplierItemId - b.supplierItemId || (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
    for (const price of sorted) {
      if (!this.priceDates.has(price.supplierItemId)) {
        this.priceDates.set(price.supplierItemId, []);
        this.priceValues.set(price.supplierItemId, []);
      }
      this.priceDates.get(price.supplierItemId)!.push(price.validFrom);
      this.priceValues.get(price.supplierItemId)!.push(price.packPriceFen);
    }
  }

  recipeOf(dishId: number): readonly GrossRecipeLine[] {
    return this.recipes.get(dishId) ?? [];
  }

  itemsFor(ingredientId: number): readonly SupplierItemInfo[] {
    return this.itemsByIngredient.get(ingredientId) ?? [];
  }

  /** The pack price in force on a date: the latest price list dated on or before it; null if none yet. */
  packPriceOn(supplierItemId: number, date: IsoDate): Fen | null {
    const dates = this.priceDates.get(supplierItemId);
    if (!dates || dates.length === 0 || dates[0] > date) return null;
    let low = 0;
    let high = dates.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (dates[middle] <= date) low = middle;
      else high = middle - 1;
    }
    return this.priceValues.get(supplierItemId)![low];
  }

  /** Cheapest price per ingredient unit among the ingredient's supplier items on a date (fen, fractional). */
  unitCostOn(ingredientId: number, date: IsoDate): number | null {
    const key = `${ingredientId}|${date}`;
    const cached = this.unitCostCache.get(key);
    if (cached !== undefined) return cached;
    let best: number | null = null;
    for (const item of this.itemsFor(ingredientId)) {
      const price = this.packPriceOn(item.id, date);
      if (price === null) continue;
      const unit = price / item.packSize;
      if (best === null || unit < best) best = unit;
    }
    this.unitCostCache.set(key, best);
    return best;
  }

  /**
   * The same catalogue with some ingredients' pack prices times a factor (ingredient id → factor):
   * each portion's cost changes by its gross quantity of them at the cheapest unit price that day.
   */
  repriced(factors: ReadonlyMap<number, number>): PlanningCatalogue {
    if (factors.size === 0) return this;
    const extra = (dishId: number, date: IsoDate) =>
      this.recipeOf(dishId).reduce((sum, line) => {
        const factor = factors.get(line.ingredientId);
        const unit = factor === undefined ? null : this.unitCostOn(line.ingredientId, date);
        return unit === null ? sum : sum + line.grossPerPortion * unit * (factor! - 1);
      }, 0);
    return new PlanningCatalogue({
      ...this.input,
      prices: this.input.prices.map((price) => {
        const factor = factors.get(this.supplierItems.get(price.supplierItemId)?.ingredientId ?? 0);
        return factor === undefined ? price : { ...price, packPriceFen: Math.round(price.packPriceFen * factor) };
      }),
      portionCosts: this.portionCosts.map((dishId, date, fen) => fen + extra(dishId, date)),
    });
  }

  /** The same catalogue with only these supplier items on offer: what buying from them alone would cost. */
  onlyItems(itemIds: ReadonlySet<number>): PlanningCatalogue {
    return new PlanningCatalogue({
      ...this.input,
      supplierItems: this.input.supplierItems.filter((item) => itemIds.has(item.id)),
      prices: this.input.prices.filter((price) => itemIds.has(price.supplierItemId)),
      portionCosts: this.portionCosts,
    });
  }

  /** Food cost of one portion on a date (fen, fractional): the database's costing, loaded with the catalogue. */
  costPerPortionOn(dishId: number, date: IsoDate): number {
    return this.portionCosts.on(dishId, date);
  }
}
