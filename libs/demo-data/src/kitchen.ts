import type { MealPeriod } from '@larder/domain';
import type { Catalogue } from './catalogue/catalogue';
import { Chef } from './chef';
import type { ProductionLogRow, StockCountRow, WasteLogRow } from './demo-rows';
import type { Menu } from './menu-cycle';
import { Random } from './random';
import type { DayInfo } from './service-calendar';

const PLATE_WASTE_KG_PER_COVER: Record<MealPeriod, number> = { breakfast: 0.012, lunch: 0.045, dinner: 0.04, night: 0.03 };

/** Recipes and usage bookkeeping per canteen, for spoilage and the weekly stock count. */
export class Kitchen {
  private readonly recipeStart: Int32Array;
  private readonly recipeIngredient: Int32Array;
  private readonly recipeGross: Float64Array;
  /** Gross ingredient use since the last stock count, indexed [canteen * ingredients + ingredient]. */
  private readonly weekUsage: Float64Array;
  private readonly todayUsage: Float64Array;
  private readonly openDaysThisWeek: Int32Array;
  private readonly ingredientCount: number;
  private readonly chef: Chef;

  constructor(private readonly params: { catalogue: Catalogue; canteens: number; seed: number }) {
    const { catalogue } = params;
    this.chef = new Chef({ seed: params.seed, canteens: params.canteens, specs: catalogue.dishSpecs });
    const byDish = catalogue.dishes.map(() => [] as Array<{ ingredient: number; gross: number }>);
    for (const line of catalogue.recipeLines) {
      byDish[line.dishId - 1].push({ ingredient: line.ingredientId - 1, gross: line.quantityPerPortion / (1 - line.yieldLoss) });
    }
    this.recipeStart = new Int32Array(byDish.length + 1);
    const flat = byDish.flat();
    this.recipeIngredient = Int32Array.from(flat.map((entry) => entry.ingredient));
    this.recipeGross = Float64Array.from(flat.map((entry) => entry.gross));
    byDish.forEach((lines, i) => {
      this.recipeStart[i + 1] = this.recipeStart[i] + lines.length;
    });
    this.ingredientCount = catalogue.ingredients.length;
    this.weekUsage = new Float64Array(params.canteens * this.ingredientCount);
    this.todayUsage = new Float64Array(this.ingredientCount);
    this.openDaysThisWeek = new Int32Array(params.canteens);
  }

  /** Portions to cook per menu position: the canteen's chef plans from the kitchen's own records (see `Chef`). */
  planProduction(params: { canteenIndex: number; meal: MealPeriod; day: DayInfo; menu: Menu; dishBuffer: Float64Array; openingCovers: number; random: Random }): Int32Array {
    return this.chef.plan(params);
  }

  /** Production rows, leftovers thrown away and plate waste for one service; books ingredient use. */
  closeService(params: {
    canteenIndex: number;
    canteenId: number;
    day: DayInfo;
    meal: MealPeriod;
    menu: Menu;
    prepared: Int32Array;
    sold: Int32Array;
    covers: number;
    random: Random;
    nextWasteId: () => number;
    production: ProductionLogRow[];
    waste: WasteLogRow[];
  }): void {
    const { menu, prepared, sold, random } = params;
    const serviceDate = params.day.date;
    this.chef.record({ canteenIndex: params.canteenIndex, meal: params.meal, day: params.day, menu, prepared, sold, covers: params.covers, random });
    const catalogue = this.params.catalogue;
    const dishes = [...menu.mains, ...menu.extras];
    let preparedKg = 0;
    let leftoverKg = 0;
    dishes.forEach((dish, position) => {
      const portionsPrepared = prepared[position];
      params.production.push({ canteenId: params.canteenId, serviceDate, meal: params.meal, dishId: dish + 1, portionsPrepared });
      const portionKg = catalogue.dishes[dish].portionKg;
      preparedKg += portionsPrepared * portionKg;
      for (let r = this.recipeStart[dish]; r < this.recipeStart[dish + 1]; r++) {
        this.todayUsage[this.recipeIngredient[r]] += portionsPrepared * this.recipeGross[r];
      }
      // Part of what is left goes to the kitchen staff's own meal; the rest is binned and weighed.
      const leftover = portionsPrepared - sold[position];
      const binned = Math.floor(leftover * random.between(0.5, 1));
      if (binned > 0) {
        const kg = round3(binned * portionKg);
        leftoverKg += kg;
        params.waste.push({
          canteenId: params.canteenId,
          id: params.nextWasteId(),
          serviceDate,
          meal: params.meal,
          kind: 'overproduction',
          dishId: dish + 1,
          ingredientId: null,
          kg,
          portions: binned,
        });
      }
    });
    if (params.covers > 0) {
      const plateKg = floor3(Math.min(preparedKg - leftoverKg, params.covers * PLATE_WASTE_KG_PER_COVER[params.meal] * Math.exp(0.15 * random.normal())));
      if (plateKg > 0) {
        params.waste.push({
          canteenId: params.canteenId,
          id: params.nextWasteId(),
          serviceDate,
          meal: params.meal,
          kind: 'plate',
          dishId: null,
          ingredientId: null,
          kg: plateKg,
          portions: null,
        });
      }
    }
  }

  /** Ends a canteen's open day: now and then a fresh ingredient spoils in the cold room. */
  closeDay(params: { canteenIndex: number; canteenId: number; serviceDate: string; random: Random; nextWasteId: () => number; waste: WasteLogRow[] }): void {
    const { random } = params;
    const { ingredients } = this.params.catalogue;
    const base = params.canteenIndex * this.ingredientCount;
    const candidates: number[] = [];
    for (let i = 0; i < this.ingredientCount; i++) {
      const used = this.todayUsage[i];
      if (used <= 0) continue;
      this.weekUsage[base + i] += used;
      this.todayUsage[i] = 0;
      const ingredient = ingredients[i];
      if (ingredient.unit === 'kg' && ingredient.storage === 'chilled' && ingredient.shelfLifeDays <= 7 && used > 2) candidates.push(i);
    }
    this.openDaysThisWeek[params.canteenIndex]++;
    if (candidates.length > 0 && random.next() < 0.12) {
      const ingredient = candidates[random.int(candidates.length)];
      params.waste.push({
        canteenId: params.canteenId,
        id: params.nextWasteId(),
        serviceDate: params.serviceDate,
        meal: null,
        kind: 'spoilage',
        dishId: null,
        ingredientId: ingredient + 1,
        kg: Math.round(random.between(0.5, 6) * 10) / 10,
        portions: null,
      });
    }
  }

  /** Weekly count: a few days of use for ambient and frozen stock, about a day for fresh chilled goods. */
  stockCount(params: { canteenIndex: number; canteenId: number; countedOn: string; random: Random; out: StockCountRow[] }): void {
    const { random } = params;
    const { ingredients } = this.params.catalogue;
    const base = params.canteenIndex * this.ingredientCount;
    const openDays = this.openDaysThisWeek[params.canteenIndex];
    for (let i = 0; i < this.ingredientCount; i++) {
      const used = this.weekUsage[base + i];
      this.weekUsage[base + i] = 0;
      if (used <= 0 || openDays === 0) continue;
      const ingredient = ingredients[i];
      const coverDays = ingredient.storage === 'ambient' ? 6 : ingredient.storage === 'frozen' ? 8 : ingredient.shelfLifeDays <= 3 ? 0.6 : 1.2;
      const raw = (used / openDays) * coverDays * random.between(0.5, 1.5);
      const quantity = ingredient.unit === 'piece' ? Math.round(raw) : Math.round(raw * 10) / 10;
      if (quantity > 0) params.out.push({ canteenId: params.canteenId, countedOn: params.countedOn, ingredientId: i + 1, quantity });
    }
    this.openDaysThisWeek[params.canteenIndex] = 0;
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function floor3(value: number): number {
  return Math.floor(value * 1000) / 1000;
}
