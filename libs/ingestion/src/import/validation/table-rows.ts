import { BUDGET_LINES, DAY_KINDS, DEFAULT_INGREDIENT_CATEGORY, DISH_CATEGORIES, INGREDIENT_CATEGORIES, INGREDIENT_UNITS, MEAL_PERIODS, STORAGE_KINDS, WASTE_KINDS } from '@larder/domain';
import type { ImportKind } from '../profiles/import-kinds';
import {
  BUDGET_LINE_SYNONYMS,
  CATEGORY_SYNONYMS,
  DAY_KIND_SYNONYMS,
  INGREDIENT_CATEGORY_SYNONYMS,
  MEAL_SYNONYMS,
  STORAGE_SYNONYMS,
  UNIT_ADVICE,
  UNIT_SYNONYMS,
  WASTE_KIND_SYNONYMS,
} from './code-synonyms';
import { parseBoolean, parseDate, parseDateTime, parseDecimal, parseInteger, parseIntegerList, parseMoney, parseMonth, parseTextList, parseTimeOfDay } from './field-values';
import type { ReferenceData } from './reference-data';
import type { RowReader } from './row-reader';

export interface MapContext {
  refs: ReferenceData;
  amountUnit: 'yuan' | 'fen';
  /** Keys an identifier that is not in the file (an anonymous payer's); the file's own are keyed already. */
  pseudonym(identifier: string): string;
  /** The last service date a sale or an answer may have: today plus LARDER_FUTURE_DAYS. */
  latestDate: string;
}

/** An entity row (property names as in the entity) and, for facts, the canteen-day it touches. */
export interface MappedRow {
  row: Record<string, unknown>;
  day?: { canteenId: number; date: string };
}

export type TableKind = Exclude<ImportKind, 'transactions'>;

const CANTEEN = { what: ['食堂', 'canteen'] as [string, string] };
const MEAL = { allowed: MEAL_PERIODS, synonyms: MEAL_SYNONYMS, what: ['餐别', 'meal'] as [string, string] };
const count = (value: Parameters<typeof parseInteger>[0]) => parseInteger(value, { min: 0, max: 10_000_000 });

/** A source system's own row id: once the file has the column, every row needs one. */
function sourceId(r: RowReader): number | undefined {
  return r.mapping.columns.id === undefined ? undefined : r.required('id', (value) => parseInteger(value, { min: 1 }));
}

function canteenOf(r: RowReader, context: MapContext) {
  return r.ref('canteen', { in: context.refs.canteens, ...CANTEEN });
}
const dishOf = (r: RowReader, context: MapContext) => r.ref('dish', { in: context.refs.dishes, what: ['菜品编码', 'dish code'] });
const ingredientOf = (r: RowReader, context: MapContext) => r.ref('ingredient', { in: context.refs.ingredients, what: ['食材编码', 'ingredient code'] });

/** A sale or an answer dated after LARDER_FUTURE_DAYS from today: a clock or export fault, kept out of every figure. */
export function refuseFuture(r: RowReader, context: MapContext, field: string, date: string): void {
  if (date <= context.latestDate) return;
  r.fail(
    field,
    `日期 ${date} 晚于允许的最晚日期 ${context.latestDate}（今天之后的天数见 LARDER_FUTURE_DAYS）`,
    `dated ${date}, after the latest date allowed, ${context.latestDate} (LARDER_FUTURE_DAYS days after today)`,
  );
}

/** One mapper per kind: read and check every field, or throw a RowRejection. */
export const TABLE_ROW_MAPPERS: Record<TableKind, (r: RowReader, context: MapContext) => MappedRow> = {
  sites: (r) => ({ row: { code: r.text('code'), name: r.text('name'), nameEn: r.optionalText('nameEn') ?? '' } }),
  canteens: (r, c) => {
    const timezone = r.optionalText('timezone') ?? 'Asia/Shanghai';
    try {
      new Intl.DateTimeFormat('en', { timeZone: timezone });
    } catch {
      r.fail('timezone', `未知的时区“${timezone}”`, `unknown time zone "${timezone}"`);
    }
    return {
      row: {
        code: r.text('code'),
        name: r.text('name'),
        nameEn: r.optionalText('nameEn') ?? '',
        siteId: r.ref('site', { in: c.refs.sites, what: ['园区', 'site'] }),
        timezone,
        seats: r.required('seats', (value) => parseInteger(value, { min: 0, max: 100_000 })),
        opensWeekends: r.optional('opensWeekends', parseBoolean) ?? false,
      },
    };
  },
  meal_periods: (r, c) => ({ row: { canteenId: canteenOf(r, c).id, meal: r.code('meal', MEAL), startsAt: r.required('startsAt', parseTimeOfDay), endsAt: r.required('endsAt', parseTimeOfDay) } }),
  dishes: (r, c) => {
    const listPriceFen = r.required('listPrice', (value) => parseMoney(value, c.amountUnit));
    const subsidisedPriceFen = r.optional('subsidisedPrice', (value) => parseMoney(value, c.amountUnit)) ?? listPriceFen;
    if (listPriceFen < 0 || subsidisedPriceFen < 0) r.fail('listPrice', '价格不能为负', 'a price cannot be negative');
    return {
      row: {
        code: r.text('code'),
        name: r.text('name'),
        nameEn: r.optionalText('nameEn') ?? '',
        category: r.code('category', { allowed: DISH_CATEGORIES, synonyms: CATEGORY_SYNONYMS, what: ['菜品类别', 'dish category'] }),
        listPriceFen,
        subsidisedPriceFen,
        portionKg: r.required('portionKg', (value) => parseDecimal(value, { min: 0, max: 50 })),
        introducedOn: r.optional('introducedOn', parseDate),
        retiredOn: r.optional('retiredOn', parseDate),
      },
    };
  },
  ingredients: (r, c) => {
    const code = r.text('code');
    const category = r.optionalCode('category', { allowed: INGREDIENT_CATEGORIES, synonyms: INGREDIENT_CATEGORY_SYNONYMS, what: ['食材类别', 'ingredient category'] });
    return {
      row: {
        code,
        name: r.text('name'),
        nameEn: r.optionalText('nameEn') ?? '',
        unit: r.code('unit', { allowed: INGREDIENT_UNITS, synonyms: UNIT_SYNONYMS, what: ['单位', 'unit'], advice: UNIT_ADVICE }),
        shelfLifeDays: r.required('shelfLifeDays', (value) => parseInteger(value, { min: 0, max: 3650 })),
        storage: r.code('storage', { allowed: STORAGE_KINDS, synonyms: STORAGE_SYNONYMS, what: ['储存方式', 'storage'] }),
        category: category ?? c.refs.ingredientCategories.get(code) ?? DEFAULT_INGREDIENT_CATEGORY,
      },
    };
  },
  recipes: (r, c) => ({
    row: {
      dishId: dishOf(r, c),
      ingredientId: ingredientOf(r, c),
      quantityPerPortion: r.required('quantityPerPortion', (value) => parseDecimal(value, { min: 0.0001, max: 100 })),
      yieldLoss: r.optional('yieldLoss', (value) => parseDecimal(value, { min: 0, max: 0.95 })) ?? 0,
    },
  }),
  suppliers: (r) => ({
    row: { code: r.text('code'), name: r.text('name'), nameEn: r.optionalText('nameEn') ?? '', contact: r.optionalText('contact'), address: r.optionalText('address'), phone: r.optionalText('phone') },
  }),
  supplier_items: (r, c) => ({
    row: {
      supplierId: r.ref('supplier', { in: c.refs.suppliers, what: ['供应商编码', 'supplier code'] }),
      ingredientId: ingredientOf(r, c),
      sku: r.text('sku'),
      packSize: r.required('packSize', (value) => parseDecimal(value, { min: 0.001, max: 100_000 })),
      minOrderPacks: r.optional('minOrderPacks', (value) => parseInteger(value, { min: 1, max: 100_000 })) ?? 1,
      leadTimeDays: r.optional('leadTimeDays', (value) => parseInteger(value, { min: 0, max: 365 })) ?? 1,
      deliveryWeekdays: r.optional('deliveryWeekdays', (value) => {
        const days = parseIntegerList(value);
        for (const day of days) parseInteger(day, { min: 1, max: 7 });
        return days;
      }) ?? [1, 2, 3, 4, 5, 6],
      orderCutoff: r.optional('orderCutoff', parseTimeOfDay) ?? '16:00:00',
    },
  }),
  supplier_prices: (r, c) => {
    const supplierId = r.optionalRef('supplier', { in: c.refs.suppliers, what: ['供应商编码', 'supplier code'] });
    const sku = r.text('sku');
    const supplierItemId = supplierId === null ? c.refs.supplierItemsBySku.get(sku) : c.refs.supplierItems.get(`${supplierId}|${sku}`);
    if (supplierItemId === undefined) {
      r.fail(
        'sku',
        `找不到商品编号“${sku}”${supplierId === null ? '（或多个供应商共用，请加供应商编码列）' : ''}，请先导入供应商商品`,
        `no supplier item with SKU "${sku}"${supplierId === null ? ' (or several suppliers share it: add a supplier code column)' : ''}; import supplier items first`,
      );
    }
    const packPriceFen = r.required('packPrice', (value) => parseMoney(value, c.amountUnit));
    if (packPriceFen < 0) r.fail('packPrice', '价格不能为负', 'a price cannot be negative');
    return { row: { supplierItemId, validFrom: r.required('validFrom', parseDate), packPriceFen } };
  },
  subsidy_rules: (r, c) => ({
    row: { validFrom: r.required('validFrom', parseDate), meal: r.code('meal', MEAL), subsidyFen: r.required('subsidy', (value) => parseMoney(value, c.amountUnit)) },
  }),
  budget: (r, c) => {
    const amountFen = r.required('amount', (value) => parseMoney(value, c.amountUnit));
    if (amountFen < 0) r.fail('amount', '预算不能为负', 'a budget cannot be negative');
    const line = r.code('line', { allowed: BUDGET_LINES, synonyms: BUDGET_LINE_SYNONYMS, what: ['预算科目', 'budget line'] });
    return { row: { canteenId: canteenOf(r, c).id, month: r.required('month', parseMonth), line, amountFen, updatedBy: 'import', updatedAt: new Date() } };
  },
  staff: (r) => ({ row: { dinerPseudonym: r.text('employeeNo'), department: r.text('department'), grade: r.optionalText('grade') ?? '' } }),
  closures: (r, c) => {
    const row = { canteenId: canteenOf(r, c).id, fromDate: r.required('fromDate', parseDate), toDate: r.required('toDate', parseDate), reason: r.optionalText('reason') ?? '' };
    if (row.toDate < row.fromDate) r.fail('toDate', `结束日期 ${row.toDate} 早于开始日期 ${row.fromDate}`, `the end ${row.toDate} is before the start ${row.fromDate}`);
    return { row };
  },
  calendar: (r) => ({
    row: {
      day: r.required('day', parseDate),
      kind: r.code('kind', { allowed: DAY_KINDS, synonyms: DAY_KIND_SYNONYMS, what: ['日期类型', 'day kind'] }),
      holidayName: r.optionalText('holidayName'),
      holidayNameZh: r.optionalText('holidayNameZh'),
    },
  }),
  headcount: (r, c) => {
    const row = {
      siteId: r.ref('site', { in: c.refs.sites, what: ['园区', 'site'] }),
      day: r.required('day', parseDate),
      employees: r.required('employees', count),
      onDuty: r.required('onDuty', count),
      onLeave: r.optional('onLeave', count) ?? 0,
      travelling: r.optional('travelling', count) ?? 0,
      overtime: r.optional('overtime', count) ?? 0,
      remote: r.optional('remote', count) ?? 0,
    };
    if (row.onDuty > row.employees) r.fail('onDuty', `在岗人数 ${row.onDuty} 多于员工总数 ${row.employees}`, `${row.onDuty} on duty is more than the ${row.employees} employees`);
    return { row };
  },
  menus: (r, c) => {
    const canteen = canteenOf(r, c);
    const serviceDate = r.required('serviceDate', parseDate);
    return { row: { canteenId: canteen.id, serviceDate, meal: r.code('meal', MEAL), dishId: dishOf(r, c) } };
  },
  production: (r, c) => {
    const canteen = canteenOf(r, c);
    const serviceDate = r.required('serviceDate', parseDate);
    return {
      row: { canteenId: canteen.id, serviceDate, meal: r.code('meal', MEAL), dishId: dishOf(r, c), portionsPrepared: r.required('portionsPrepared', count) },
      day: { canteenId: canteen.id, date: serviceDate },
    };
  },
  waste: (r, c) => {
    const canteen = canteenOf(r, c);
    const serviceDate = r.required('serviceDate', parseDate);
    const kind = r.code('kind', { allowed: WASTE_KINDS, synonyms: WASTE_KIND_SYNONYMS, what: ['浪费类型', 'waste kind'] });
    const ingredientId = r.optionalRef('ingredient', { in: c.refs.ingredients, what: ['食材编码', 'ingredient code'] });
    const dishId = r.optionalRef('dish', { in: c.refs.dishes, what: ['菜品编码', 'dish code'] });
    if (kind === 'spoilage' && ingredientId === null) r.fail('ingredient', '变质损耗必须注明食材', 'spoilage must name the ingredient');
    return {
      row: {
        id: sourceId(r),
        canteenId: canteen.id,
        serviceDate,
        meal: r.optionalCode('meal', MEAL),
        kind,
        dishId,
        ingredientId,
        kg: r.required('kg', (value) => parseDecimal(value, { min: 0, max: 100_000 })),
        portions: r.optional('portions', count),
      },
      day: { canteenId: canteen.id, date: serviceDate },
    };
  },
  stock_counts: (r, c) => {
    const ingredientId = ingredientOf(r, c);
    const unit = r.optionalCode('unit', { allowed: INGREDIENT_UNITS, synonyms: UNIT_SYNONYMS, what: ['单位', 'unit'], advice: UNIT_ADVICE });
    const expected = c.refs.ingredientUnits.get(ingredientId);
    if (unit !== null && unit !== expected) r.fail('unit', `单位 ${unit} 与该食材的单位 ${expected} 不同`, `the unit ${unit} differs from the ingredient's unit ${expected}`);
    return {
      row: {
        canteenId: canteenOf(r, c).id,
        countedOn: r.required('countedOn', parseDate),
        ingredientId,
        quantity: r.required('quantity', (value) => parseDecimal(value, { min: 0, max: 1_000_000 })),
      },
    };
  },
  feedback: (r, c) => {
    const canteen = canteenOf(r, c);
    const submitted = r.required('submittedAt', (value) => parseDateTime(value, canteen.timezone));
    // already the staff number's pseudonym: the PersonalDataGuard replaced it before this read
    const diner = r.optionalText('employeeNo');
    const serviceDate = r.optional('serviceDate', parseDate) ?? submitted.localDate;
    refuseFuture(r, c, r.has('serviceDate') ? 'serviceDate' : 'submittedAt', serviceDate);
    return {
      row: {
        id: sourceId(r),
        canteenId: canteen.id,
        submittedAt: submitted.instant,
        serviceDate,
        meal: r.optionalCode('meal', MEAL),
        dishId: r.optionalRef('dish', { in: c.refs.dishes, what: ['菜品编码', 'dish code'] }),
        rating: r.required('rating', (value) => parseInteger(value, { min: 1, max: 5 })),
        tags: r.optional('tags', parseTextList) ?? [],
        comment: r.optionalText('comment'),
        dinerPseudonym: diner,
      },
      day: { canteenId: canteen.id, date: serviceDate },
    };
  },
};
