export const DISH_CATEGORIES = ['staple', 'meat', 'fish', 'vegetable', 'soup', 'noodle', 'breakfast', 'dessert', 'drink', 'set_meal'] as const;
export type DishCategory = (typeof DISH_CATEGORIES)[number];

export const PAYMENT_CHANNELS = ['card', 'bank_app', 'wechat', 'alipay', 'cash'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** The lines a canteen's monthly budget has; labour only where it is known. */
export const BUDGET_LINES = ['ingredients', 'subsidy', 'labour'] as const;
export type BudgetLineKind = (typeof BUDGET_LINES)[number];

export const TRANSACTION_KINDS = ['sale', 'refund'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export const WASTE_KINDS = ['overproduction', 'plate', 'spoilage'] as const;
export type WasteKind = (typeof WASTE_KINDS)[number];

export const INGREDIENT_UNITS = ['kg', 'l', 'piece'] as const;
export type IngredientUnit = (typeof INGREDIENT_UNITS)[number];

export const STORAGE_KINDS = ['ambient', 'chilled', 'frozen'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** China's calendar distinguishes make-up working days (调休) from ordinary weekends. */
export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup_workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export const ROLES = ['admin', 'manager', 'finance', 'union', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
