/**
 * Finance's ingredient categories (食材类别): a fixed list, so spend by category adds up the same way
 * whatever a supplier's catalogue calls an item. 'other' is what an ingredient without one counts as.
 */
export const INGREDIENT_CATEGORIES = ['meat_poultry', 'seafood', 'vegetables', 'fruit', 'soy', 'eggs_dairy', 'grain_oil', 'seasonings', 'dry_goods', 'frozen', 'beverages', 'other'] as const;
export type IngredientCategory = (typeof INGREDIENT_CATEGORIES)[number];

export const DEFAULT_INGREDIENT_CATEGORY: IngredientCategory = 'other';

export const INGREDIENT_CATEGORY_NAMES: Readonly<Record<IngredientCategory, { 'zh-CN': string; en: string }>> = {
  meat_poultry: { 'zh-CN': '肉禽', en: 'Meat & poultry' },
  seafood: { 'zh-CN': '水产', en: 'Seafood' },
  vegetables: { 'zh-CN': '蔬菜', en: 'Vegetables' },
  fruit: { 'zh-CN': '水果', en: 'Fruit' },
  soy: { 'zh-CN': '豆制品', en: 'Soy products' },
  eggs_dairy: { 'zh-CN': '蛋奶', en: 'Eggs & dairy' },
  grain_oil: { 'zh-CN': '粮油', en: 'Grain & oil' },
  seasonings: { 'zh-CN': '调料', en: 'Seasonings' },
  dry_goods: { 'zh-CN': '干货', en: 'Dry goods' },
  frozen: { 'zh-CN': '冻品', en: 'Frozen food' },
  beverages: { 'zh-CN': '饮品', en: 'Beverages' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export function isIngredientCategory(value: unknown): value is IngredientCategory {
  return typeof value === 'string' && (INGREDIENT_CATEGORIES as readonly string[]).includes(value);
}

/** A category in the reader's language (the page and the workbooks use this one table); an unknown code as it is. */
export function ingredientCategoryName(category: string, language: string): string {
  const names = isIngredientCategory(category) ? INGREDIENT_CATEGORY_NAMES[category] : null;
  if (!names) return category;
  return language === 'en' ? names.en : names['zh-CN'];
}
