import { INGREDIENT_CATEGORIES, INGREDIENT_CATEGORY_NAMES } from '@larder/domain';
import type { BudgetLineKind, DayKind, DishCategory, IngredientCategory, IngredientUnit, MealPeriod, PaymentChannel, StorageKind, TransactionKind, WasteKind } from '@larder/domain';

/** The spellings Chinese canteen, HR and supplier systems use for Larder's coded values. */
export const MEAL_SYNONYMS: Record<string, MealPeriod> = {
  早餐: 'breakfast',
  早饭: 'breakfast',
  早: 'breakfast',
  早点: 'breakfast',
  午餐: 'lunch',
  中餐: 'lunch',
  午饭: 'lunch',
  中午: 'lunch',
  午: 'lunch',
  晚餐: 'dinner',
  晚饭: 'dinner',
  晚: 'dinner',
  夜宵: 'night',
  宵夜: 'night',
  夜餐: 'night',
  夜班餐: 'night',
};

export const BUDGET_LINE_SYNONYMS: Record<string, BudgetLineKind> = {
  食材: 'ingredients',
  食材成本: 'ingredients',
  原材料: 'ingredients',
  补贴: 'subsidy',
  餐补: 'subsidy',
  人工: 'labour',
  人工成本: 'labour',
  labor: 'labour',
};

export const CHANNEL_SYNONYMS: Record<string, PaymentChannel> = {
  一卡通: 'card',
  饭卡: 'card',
  卡: 'card',
  ic卡: 'card',
  校园卡: 'card',
  员工卡: 'card',
  刷卡: 'card',
  银行app: 'bank_app',
  银行APP: 'bank_app',
  手机银行: 'bank_app',
  银行: 'bank_app',
  bank: 'bank_app',
  微信: 'wechat',
  微信支付: 'wechat',
  支付宝: 'alipay',
  现金: 'cash',
};

export const TRANSACTION_KIND_SYNONYMS: Record<string, TransactionKind> = { 消费: 'sale', 销售: 'sale', 退款: 'refund', 冲正: 'refund', 撤销: 'refund' };

export const CATEGORY_SYNONYMS: Record<string, DishCategory> = {
  主食: 'staple',
  荤菜: 'meat',
  肉类: 'meat',
  水产: 'fish',
  鱼: 'fish',
  素菜: 'vegetable',
  蔬菜: 'vegetable',
  汤: 'soup',
  汤类: 'soup',
  面食: 'noodle',
  面: 'noodle',
  早点: 'breakfast',
  早餐: 'breakfast',
  甜品: 'dessert',
  饮品: 'drink',
  饮料: 'drink',
  套餐: 'set_meal',
};

export const UNIT_SYNONYMS: Record<string, IngredientUnit> = { 公斤: 'kg', 千克: 'kg', 升: 'l', 个: 'piece', 只: 'piece', 件: 'piece', 份: 'piece', pcs: 'piece', pc: 'piece' };

/**
 * Units Chinese kitchens and markets use that an ingredient is not kept in: the quantities that go
 * with the unit (recipe quantities, pack sizes, counts) would have to be converted too, so the row
 * is refused with the conversion to make rather than stored with a guessed factor.
 */
const JIN: [string, string] = [
  '1 斤 = 0.5 公斤：单位请写 kg，并把该食材的配方用量、包装规格和盘点数量都换算成公斤（斤数 ÷ 2）',
  "1 jin (斤) = 0.5 kg: write kg, and give this ingredient's recipe quantities, pack sizes and counts in kg (jin ÷ 2)",
];
export const UNIT_ADVICE: Record<string, [string, string]> = {
  斤: JIN,
  市斤: JIN,
  两: ['1 两 = 0.05 公斤：单位请写 kg，用量换算成公斤（两数 ÷ 20）', '1 liang (两) = 0.05 kg: write kg, with quantities in kg (liang ÷ 20)'],
  克: ['单位请写 kg，用量换算成公斤（克数 ÷ 1000）', 'write kg, with quantities in kg (grams ÷ 1000)'],
  g: ['单位请写 kg，用量换算成公斤（克数 ÷ 1000）', 'write kg, with quantities in kg (grams ÷ 1000)'],
  毫升: ['单位请写 l，用量换算成升（毫升数 ÷ 1000）', 'write l, with quantities in litres (ml ÷ 1000)'],
  ml: ['单位请写 l，用量换算成升（毫升数 ÷ 1000）', 'write l, with quantities in litres (ml ÷ 1000)'],
};

/** Each category's Chinese and English name, and the words purchasing lists commonly use instead. */
export const INGREDIENT_CATEGORY_SYNONYMS: Record<string, IngredientCategory> = {
  ...Object.fromEntries(
    INGREDIENT_CATEGORIES.flatMap((code) => [
      [INGREDIENT_CATEGORY_NAMES[code]['zh-CN'], code],
      [INGREDIENT_CATEGORY_NAMES[code].en.toLowerCase(), code],
    ]),
  ),
  肉类: 'meat_poultry',
  禽类: 'meat_poultry',
  畜禽: 'meat_poultry',
  海鲜: 'seafood',
  水产品: 'seafood',
  豆腐: 'soy',
  禽蛋: 'eggs_dairy',
  乳制品: 'eggs_dairy',
  粮食: 'grain_oil',
  米面粮油: 'grain_oil',
  调味品: 'seasonings',
  调料品: 'seasonings',
  南北干货: 'dry_goods',
  速冻: 'frozen',
  冷冻食品: 'frozen',
  饮料: 'beverages',
};

export const STORAGE_SYNONYMS: Record<string, StorageKind> = { 常温: 'ambient', 冷藏: 'chilled', 冷冻: 'frozen' };

/** The dashboard's and the reports' own words for each kind first (过量制作, 餐盘剩食, 变质; 剩余丢弃, 变质损失), then kitchens' words. */
export const WASTE_KIND_SYNONYMS: Record<string, WasteKind> = {
  过量制作: 'overproduction',
  剩余丢弃: 'overproduction',
  超量制作: 'overproduction',
  剩菜: 'overproduction',
  餐盘剩食: 'plate',
  餐余: 'plate',
  剩饭: 'plate',
  变质: 'spoilage',
  变质损失: 'spoilage',
  过期: 'spoilage',
};

export const DAY_KIND_SYNONYMS: Record<string, DayKind> = { 工作日: 'workday', 周末: 'weekend', 节假日: 'holiday', 假日: 'holiday', 调休: 'makeup_workday', 调休上班: 'makeup_workday' };
