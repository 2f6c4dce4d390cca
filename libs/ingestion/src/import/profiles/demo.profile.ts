import { MappingProfile } from './mapping-profile';

/** The files `larder demo export` writes: English snake_case headers, codes rather than ids, yuan with two decimals. */
export const DEMO_PROFILE: MappingProfile = {
  name: 'demo',
  description: 'Larder demo export (demo export --out DIR)',
  /** The source the demo generator gives its payments, so importing an export of a seeded demo adds nothing. */
  source: 'demo',
  amountUnit: 'yuan',
  kinds: {
    sites: { code: 'site_code', name: 'name', nameEn: 'name_en' },
    canteens: { code: 'canteen_code', name: 'name', nameEn: 'name_en', site: 'site_code', timezone: 'timezone', seats: 'seats', opensWeekends: 'opens_weekends' },
    meal_periods: { canteen: 'canteen_code', meal: 'meal', startsAt: 'starts_at', endsAt: 'ends_at' },
    dishes: {
      code: 'dish_code', name: 'name', nameEn: 'name_en', category: 'category', listPrice: 'list_price', subsidisedPrice: 'subsidised_price',
      portionKg: 'portion_kg', introducedOn: 'introduced_on', retiredOn: 'retired_on',
    },
    ingredients: { code: 'ingredient_code', name: 'name', nameEn: 'name_en', unit: 'unit', shelfLifeDays: 'shelf_life_days', storage: 'storage' },
    recipes: { dish: 'dish_code', ingredient: 'ingredient_code', quantityPerPortion: 'quantity_per_portion', yieldLoss: 'yield_loss' },
    suppliers: { code: 'supplier_code', name: 'name', nameEn: 'name_en', contact: 'contact', address: 'address', phone: 'phone' },
    supplier_items: {
      supplier: 'supplier_code', ingredient: 'ingredient_code', sku: 'sku', packSize: 'pack_size', minOrderPacks: 'min_order_packs',
      leadTimeDays: 'lead_time_days', deliveryWeekdays: 'delivery_weekdays', orderCutoff: 'order_cutoff',
    },
    supplier_prices: { supplier: 'supplier_code', sku: 'sku', validFrom: 'valid_from', packPrice: 'pack_price' },
    subsidy_rules: { validFrom: 'valid_from', meal: 'meal', subsidy: 'subsidy' },
    calendar: { day: ['date', 'day'], kind: 'kind', holidayName: 'holiday_name', holidayNameZh: 'holiday_name_zh' },
    budget: { canteen: 'canteen_code', month: 'month', line: 'line', amount: 'amount' },
    staff: { employeeNo: 'employee_no', department: 'department', grade: 'grade' },
    closures: { canteen: 'canteen_code', fromDate: 'from_date', toDate: 'to_date', reason: 'reason' },
    headcount: {
      site: 'site_code', day: ['date', 'day'], employees: 'employees', onDuty: 'on_duty', onLeave: 'on_leave', travelling: 'travelling',
      overtime: 'overtime', remote: 'remote',
    },
    menus: { canteen: 'canteen_code', serviceDate: 'service_date', meal: 'meal', dish: 'dish_code', dishName: 'dish_name' },
    production: { canteen: 'canteen_code', serviceDate: 'service_date', meal: 'meal', dish: 'dish_code', portionsPrepared: 'portions_prepared' },
    waste: {
      id: 'waste_id', canteen: 'canteen_code', serviceDate: 'service_date', meal: 'meal', kind: 'kind', dish: 'dish_code', ingredient: 'ingredient_code',
      kg: 'kg', portions: 'portions',
    },
    stock_counts: { canteen: 'canteen_code', countedOn: 'counted_on', ingredient: 'ingredient_code', quantity: 'quantity', unit: 'unit' },
    feedback: {
      id: 'feedback_id', canteen: 'canteen_code', submittedAt: 'submitted_at', serviceDate: 'service_date', meal: 'meal', dish: 'dish_code', rating: 'rating',
      tags: 'tags', comment: 'comment', employeeNo: 'employee_no',
    },
    transactions: {
      canteen: 'canteen_code', externalId: 'external_id', transactionNo: 'transaction_no', source: 'source', terminal: 'terminal', cardNo: 'card_no',
      employeeNo: 'employee_no', occurredAt: 'occurred_at', serviceDate: 'service_date', meal: 'meal', kind: 'kind',
      channel: ['payment_channel', 'channel'], refundOf: ['refund_of', 'refund_of_external_id'], amountPaid: ['paid_amount', 'amount_paid'],
      subsidy: ['subsidy_amount', 'subsidy'], lineNo: 'line_no', dish: 'dish_code', dishName: 'dish_name', quantity: 'quantity',
      unitPrice: 'unit_price', lineAmount: ['line_amount', 'amount'], lineSubsidy: 'line_subsidy',
    },
  },
};
