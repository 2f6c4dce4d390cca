import { addDays, IsoDate } from '@larder/domain';
import type { DishRow, IngredientRow, RecipeLineRow } from '../demo-rows';
import { mondayOnOrAfter } from '../service-calendar';
import { DISH_SPECS, DishSpec } from './dishes.catalogue';
import { DEFAULT_YIELD_LOSS, GROUP_CODE_PREFIX, INGREDIENT_SPECS, IngredientSpec } from './ingredients.catalogue';

export interface Catalogue {
  dishes: DishRow[];
  dishSpecs: readonly DishSpec[];
  ingredients: IngredientRow[];
  ingredientSpecs: readonly IngredientSpec[];
  recipeLines: RecipeLineRow[];
}

/** Dates in the dish table follow the history's length, so small test histories still see new dishes. */
export function buildCatalogue(params: { startDate: IsoDate; days: number }): Catalogue {
  const groupCounters = new Map<string, number>();
  const ingredients: IngredientRow[] = INGREDIENT_SPECS.map((spec, index) => {
    const prefix = GROUP_CODE_PREFIX[spec.group];
    const n = (groupCounters.get(prefix) ?? 0) + 1;
    groupCounters.set(prefix, n);
    return {
      id: index + 1,
      code: `${prefix}${String(n).padStart(3, '0')}`,
      name: spec.name,
      nameEn: spec.nameEn,
      unit: spec.unit,
      shelfLifeDays: spec.shelfLifeDays,
      storage: spec.storage,
      category: spec.category,
    };
  });
  const ingredientIndexByKey = new Map(INGREDIENT_SPECS.map((spec, index) => [spec.key, index]));
  const historyDate = (fraction: number | null): IsoDate | null => (fraction === null ? null : mondayOnOrAfter(addDays(params.startDate, Math.round(fraction * params.days))));

  const dishes: DishRow[] = DISH_SPECS.map((spec, index) => ({
    id: index + 1,
    code: `D${String(index + 1).padStart(3, '0')}`,
    name: spec.name,
    nameEn: spec.nameEn,
    category: spec.category,
    listPriceFen: spec.listPriceFen,
    // Filled in once the subsidy rules are known.
    subsidisedPriceFen: spec.listPriceFen,
    portionKg: spec.portionKg,
    introducedOn: historyDate(spec.introducedAt),
    retiredOn: historyDate(spec.retiredAt),
  }));

  const recipeLines: RecipeLineRow[] = [];
  DISH_SPECS.forEach((spec, dishIndex) => {
    const parts = spec.recipe.split(',').map((part) => part.trim());
    if (parts.length < 2 || parts.length > 6) throw new Error(`${spec.name}: recipes have 2-6 ingredients`);
    for (const part of parts) {
      const match = /^([a-z_]+) ([\d.]+)(?:\/([\d.]+))?$/.exec(part);
      const ingredientIndex = match ? ingredientIndexByKey.get(match[1]) : undefined;
      if (!match || ingredientIndex === undefined) throw new Error(`${spec.name}: bad recipe part "${part}"`);
      const ingredientSpec = INGREDIENT_SPECS[ingredientIndex];
      recipeLines.push({
        dishId: dishIndex + 1,
        ingredientId: ingredientIndex + 1,
        quantityPerPortion: Number(match[2]),
        yieldLoss: match[3] !== undefined ? Number(match[3]) : DEFAULT_YIELD_LOSS[ingredientSpec.group],
      });
    }
  });
  return { dishes, dishSpecs: DISH_SPECS, ingredients, ingredientSpecs: INGREDIENT_SPECS, recipeLines };
}
