/**
 * What can be imported, in the order a set of files must be loaded (masters before the facts that
 * name them), and the logical fields of each kind that a profile maps columns onto.
 */
export const IMPORT_KINDS = [
  'sites',
  'canteens',
  'meal_periods',
  'dishes',
  'ingredients',
  'recipes',
  'suppliers',
  'supplier_items',
  'supplier_prices',
  'subsidy_rules',
  'budget',
  'calendar',
  'closures',
  'headcount',
  'staff',
  'menus',
  'production',
  'waste',
  'stock_counts',
  'feedback',
  'transactions',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Each kind as a Chinese message names it, beside its English name (消费流水（transactions）). */
export const IMPORT_KIND_NAMES_ZH: Record<ImportKind, string> = {
  sites: '场站',
  canteens: '食堂',
  meal_periods: '餐次时段',
  dishes: '菜品',
  ingredients: '食材',
  recipes: '配方',
  suppliers: '供应商',
  supplier_items: '供应商商品',
  supplier_prices: '供应商价格',
  subsidy_rules: '补贴规则',
  budget: '预算',
  calendar: '日历',
  closures: '停业安排',
  headcount: '在岗人数',
  staff: '员工名单',
  menus: '菜单',
  production: '生产记录',
  waste: '浪费记录',
  stock_counts: '库存盘点',
  feedback: '评价',
  transactions: '消费流水',
};

export function kindNameZh(kind: ImportKind): string {
  return `${IMPORT_KIND_NAMES_ZH[kind]}（${kind}）`;
}

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export interface FieldSpec {
  required?: boolean;
  /** A card or staff number: pseudonymised, never stored, logged or echoed in a reason. */
  sensitive?: boolean;
}

const R = { required: true } as const;
const O = {} as const;

export const KIND_FIELDS: Record<ImportKind, Record<string, FieldSpec>> = {
  sites: { code: R, name: R, nameEn: O },
  canteens: { code: R, name: R, nameEn: O, site: R, timezone: O, seats: R, opensWeekends: O },
  meal_periods: { canteen: R, meal: R, startsAt: R, endsAt: R },
  dishes: { code: R, name: R, nameEn: O, category: R, listPrice: R, subsidisedPrice: O, portionKg: R, introducedOn: O, retiredOn: O },
  /** Without a category column an ingredient keeps the one it has (a new one is 'other'). */
  ingredients: { code: R, name: R, nameEn: O, unit: R, shelfLifeDays: R, storage: R, category: O },
  recipes: { dish: R, ingredient: R, quantityPerPortion: R, yieldLoss: O },
  suppliers: { code: R, name: R, nameEn: O, contact: O, address: O, phone: O },
  supplier_items: { supplier: R, ingredient: R, sku: R, packSize: R, minOrderPacks: O, leadTimeDays: O, deliveryWeekdays: O, orderCutoff: O },
  /** The supplier may be left out when SKUs are unique across suppliers. */
  supplier_prices: { supplier: O, sku: R, validFrom: R, packPrice: R },
  subsidy_rules: { validFrom: R, meal: R, subsidy: R },
  /** A canteen's month (YYYY-MM) and line (ingredients, subsidy, labour): what finance plans to spend. */
  budget: { canteen: R, month: R, line: R, amount: R },
  closures: { canteen: R, fromDate: R, toDate: R, reason: O },
  /** HR's department and grade of each staff number (pseudonymised like the payments'), for figures by group. */
  staff: { employeeNo: { required: true, sensitive: true }, department: R, grade: O },
  calendar: { day: R, kind: R, holidayName: O, holidayNameZh: O },
  headcount: { site: R, day: R, employees: R, onDuty: R, onLeave: O, travelling: O, overtime: O, remote: O },
  /** The dish name is read only to be checked against nothing; it keeps the export's column from counting as unknown. */
  menus: { canteen: R, serviceDate: R, meal: R, dish: R, dishName: O },
  production: { canteen: R, serviceDate: R, meal: R, dish: R, portionsPrepared: R },
  waste: { id: O, canteen: R, serviceDate: R, meal: O, kind: R, dish: O, ingredient: O, kg: R, portions: O },
  /** A unit column, when present, must agree with the ingredient's unit. */
  stock_counts: { canteen: R, countedOn: R, ingredient: R, quantity: R, unit: O },
  feedback: { id: O, canteen: R, submittedAt: R, serviceDate: O, meal: O, dish: O, rating: R, tags: O, comment: O, employeeNo: { sensitive: true } },
  transactions: {
    canteen: R,
    externalId: R,
    transactionNo: O,
    source: O,
    terminal: O,
    cardNo: { sensitive: true },
    employeeNo: { sensitive: true },
    occurredAt: R,
    serviceDate: O,
    meal: O,
    kind: O,
    channel: O,
    refundOf: O,
    /** Transaction totals repeated on each of its lines. */
    amountPaid: O,
    subsidy: O,
    /** One dish line; a file without them holds payments only. */
    lineNo: O,
    dish: O,
    dishName: O,
    quantity: O,
    unitPrice: O,
    lineAmount: O,
    lineSubsidy: O,
    linePaid: O,
  },
};
