/**
 * The dashboard's HTTP contract: what each page may ask for and what it gets back.
 * Shared, type for type, by `apps/api` (which serves it) and `apps/web` (which draws it), so the
 * two cannot drift. No imports: the front-end bundler reads this file as it is.
 *
 * Conventions for every panel endpoint (`GET /api/dashboard/<page>`):
 * - query `from`, `to`: YYYY-MM-DD, inclusive, in the canteen's time zone; default the last 28
 *   service days that have data; at most 400 days apart.
 * - query `canteens`: comma-separated canteen ids; default every canteen the caller may see.
 *   A manager asking for a canteen outside their own gets 403 FORBIDDEN.
 * - query `meal`: one meal period or absent for all meals.
 * - money in fen (integers); the page formats yuan. Shares and rates are fractions 0..1.
 * - every figure comes from the rollups (or small tables such as feedback and plans), never from
 *   a scan of raw sales.
 */

export type DashboardRole = 'admin' | 'manager' | 'finance' | 'union' | 'viewer';
export type DashboardMeal = 'breakfast' | 'lunch' | 'dinner' | 'night';

export type DashboardPageId = 'overview' | 'dishes' | 'demand' | 'waste' | 'purchasing' | 'menu' | 'finance' | 'satisfaction' | 'jobs';

/** Which roles see which page; the API enforces the same table on the page's endpoints. Admins see all. */
export const DASHBOARD_PAGES: Record<DashboardPageId, readonly DashboardRole[]> = {
  overview: ['admin', 'manager', 'finance', 'viewer'],
  dishes: ['admin', 'manager', 'finance', 'viewer'],
  demand: ['admin', 'manager', 'finance', 'viewer'],
  waste: ['admin', 'manager', 'finance', 'viewer'],
  purchasing: ['admin', 'manager', 'finance', 'viewer'],
  menu: ['admin', 'manager'],
  finance: ['admin', 'finance'],
  satisfaction: ['admin', 'manager', 'union', 'viewer'],
  jobs: ['admin', 'manager', 'finance'],
};

export const DASHBOARD_PAGE_ORDER: readonly DashboardPageId[] = ['overview', 'dishes', 'demand', 'waste', 'purchasing', 'menu', 'finance', 'satisfaction', 'jobs'];

export function pagesFor(role: DashboardRole): DashboardPageId[] {
  return DASHBOARD_PAGE_ORDER.filter((page) => DASHBOARD_PAGES[page].includes(role));
}

export const REPORT_KINDS = ['purchase-plan', 'finance', 'satisfaction', 'waste', 'accuracy', 'congress'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * Who may read which Excel report, downloads and subscriptions alike; admins read all, read tokens
 * download all. The API refuses the rest; the page offers only what will download.
 */
export const REPORT_READERS: Record<ReportKind, readonly DashboardRole[]> = {
  finance: ['admin', 'finance', 'manager'],
  satisfaction: ['admin', 'union', 'manager', 'finance'],
  waste: ['admin', 'manager', 'finance', 'viewer'],
  accuracy: ['admin', 'manager', 'finance', 'viewer'],
  'purchase-plan': ['admin', 'manager', 'finance'],
  congress: ['admin', 'union', 'manager', 'finance'],
};

export function mayReadReport(role: DashboardRole, kind: ReportKind): boolean {
  return REPORT_READERS[kind].includes(role);
}

/** The filters every panel endpoint accepts, as the page keeps them in its URL. */
export interface DashboardFilters {
  from: string;
  to: string;
  canteens: number[];
  meal: DashboardMeal | null;
}

/** Echoed by every response: the filters actually applied after defaults and scoping. */
/** A settlement file set against a month's card and bank payments (POST /api/reports/finance/reconciliation), for the finance page. */
export interface FinanceReconciliation {
  month: string;
  fileName: string;
  /** Some canteens' payments only, while a settlement file usually covers them all. */
  canteenOnly: boolean;
  /** `incomplete`: no pair differs, but some lines of the file could not be read. */
  status: 'matched' | 'mismatched' | 'incomplete';
  /** Days with a settlement or a Larder total, and those with a pair that differs. */
  checkedDays: number;
  mismatchedDays: number;
  settlementFen: number;
  larderFen: number;
  /** Settlement minus Larder over the month. */
  differenceFen: number;
  mismatches: { date: string; channel: string; settlementFen: number | null; larderFen: number | null; status: 'differs' | 'only_settlement' | 'only_larder' }[];
  /** File lines not read (line number and why, in English) and lines dated outside the month. */
  rejected: { line: number; reason: string }[];
}

export interface AppliedFilters extends DashboardFilters {
  /** The last service date with data, the "today" the page measures against. */
  asOf: string;
  /** Set when the range reaches past its last day with data: the day its comparisons stop (the same days before). */
  comparedThrough?: string;
}

export interface TrendPoint {
  date: string;
  value: number | null;
}

export interface Kpi {
  /** Current value over the range; null when there is nothing to measure. */
  value: number | null;
  /** The same figure over the previous range of equal length, for the arrow and the delta. */
  previous: number | null;
  /** Daily (or weekly, for ranges over 92 days) values for the sparkline. */
  trend: TrendPoint[];
}

export type AlertKind = 'forecast_drift' | 'unusual_waste' | 'falling_ratings';

export interface DashboardAlert {
  kind: AlertKind;
  severity: 'info' | 'warning' | 'critical';
  canteenId: number | null;
  dishId: number | null;
  /** The service date the alert is about, when it is about one day (unusual waste). */
  date?: string;
  /** Numbers behind the message, so the page can word it in either language. */
  figures: Record<string, number>;
}

// GET /api/dashboard/meta — every role: canteens, dishes and the data's date span for the filters.
export interface DashboardMeta {
  role: DashboardRole;
  pages: DashboardPageId[];
  canteens: { id: number; code: string; name: string; nameEn: string | null }[];
  dishes: { id: number; code: string; name: string; nameEn: string | null; category: string }[];
  /** Suppliers by id, so purchase orders read by name. */
  suppliers: { id: number; code: string; name: string; nameEn: string | null }[];
  /** Ingredients by id, for the what-if's price changes. */
  ingredients: { id: number; code: string; name: string; nameEn: string | null }[];
  meals: DashboardMeal[];
  firstServiceDate: string | null;
  lastServiceDate: string | null;
  timeZone: string;
}

// GET /api/dashboard/overview
/**
 * What the overview's "today" says: covers served, the canteen open with no sales in yet, open but
 * without today's menu imported (so no forecast either), or closed today — only where Larder knows it.
 */
export type TodayStatus = 'served' | 'awaiting' | 'no_menu' | 'closed';

/** Why a canteen is closed on a day: a closure, a public holiday or a weekend it does not open on (`dayService` in @larder/domain). */
export type ClosedBecause = 'closure' | 'holiday' | 'weekend';

/** A day every canteen shown is closed, and why: the closure's reason or the holiday's name (English and Chinese; a closure has one text). */
export interface ClosedDay {
  date: string;
  because: ClosedBecause;
  name: string | null;
  nameZh: string | null;
}

export interface OverviewPanel {
  filters: AppliedFilters;
  /** Today in the canteens' time zone (not the last day with data) and what is known of it. */
  coversToday: { date: string; actual: number | null; forecast: number | null; status: TodayStatus; closed: Omit<ClosedDay, 'date'> | null };
  /** Today's ISO week, from its Monday to today: the covers in (null before any day is) against the forecasts of the same days. */
  coversWeek: { week: string; actual: number | null; forecast: number | null };
  kpis: {
    covers: Kpi;
    participationRate: Kpi;
    revenueFen: Kpi;
    subsidyFen: Kpi;
    foodCostPct: Kpi;
    wasteKg: Kpi;
    wastePct: Kpi;
    satisfaction: Kpi;
  };
  /** Daily covers against the stored forecast (p10/p50/p90) for the range. */
  coversVsForecast: { date: string; actual: number | null; p10: number | null; p50: number | null; p90: number | null }[];
  /**
   * The days of the range every canteen shown is closed for a closure or a public holiday, for the
   * chart to mark (weekends a canteen never opens on are its ordinary rhythm, not marked).
   */
  closedDays: ClosedDay[];
  alerts: DashboardAlert[];
}

// GET /api/dashboard/dishes
export type MenuQuadrant = 'star' | 'plowhorse' | 'puzzle' | 'dog';
export interface DishRow {
  dishId: number;
  quantity: number;
  shareOfCovers: number;
  revenueFen: number;
  /** Revenue (paid + subsidy) minus ingredient cost, per portion. */
  marginFen: number | null;
  rating: number | null;
  wastedPortions: number;
  quadrant: MenuQuadrant | null;
  /** Rank change against the previous range of equal length (positive = climbed). */
  rankChange: number | null;
}
export interface DishesPanel {
  filters: AppliedFilters;
  dishes: DishRow[];
  /** The matrix's dividing lines (menu-engineering: 70% of the average mix share, average margin). */
  popularityThreshold: number;
  marginThresholdFen: number | null;
  /** Weekly quantity of the top dishes for the trend chart. */
  trend: { week: string; dishId: number; quantity: number }[];
}

// GET /api/dashboard/dishes/:dishId
export interface DishDetailPanel {
  filters: AppliedFilters;
  dishId: number;
  daily: { date: string; quantity: number; prepared: number; wastedPortions: number; wastedKg: number; revenueFen: number }[];
  /** Suppressed (null) when fewer than 5 diners rated it in the range. */
  ratings: { week: string; average: number | null; responses: number | null }[];
  marginFen: number | null;
  ingredientCostFen: number | null;
}

// GET /api/dashboard/demand — optional query `dish` (dish id) narrows the forecast series to one dish.
export interface DemandPanel {
  filters: AppliedFilters;
  series: { date: string; actual: number | null; p10: number | null; p50: number | null; p90: number | null }[];
  /** Weekly accuracy of the stored forecasts against what happened. */
  accuracy: { week: string; wape: number | null; bias: number | null; coverage80: number | null }[];
  /** Average transactions by ISO weekday (1 = Monday) x hour of day, for staffing the lines. */
  heatmap: { weekday: number; hour: number; transactions: number }[];
  /** Larder against the kitchen's own numbers and median4 on dish portions (the chosen dish, else all dishes). */
  valueAdded: ForecastValueAdded;
  /**
   * The first and last service day with a stored forecast for the canteens and meal shown, whatever
   * the dates chosen and for any target, as the accuracy report counts them; null when none is stored.
   */
  forecastDays: { first: string; last: string } | null;
  /** The range's days on which every canteen shown is closed for a closure or a holiday, as on the overview's chart. */
  closedDays: ClosedDay[];
}

export interface MethodError {
  /** Sum |number − actual| / sum actual. */
  wape: number | null;
  /** Sum (number − actual) / sum actual: positive means too much. */
  bias: number | null;
  /** Sum of the excess over the actual / sum actual. */
  over: number | null;
  /** Sum of the shortfall under the actual / sum actual. */
  under: number | null;
}

export interface ForecastValueAdded {
  /** Services with a Larder forecast and an actual in the scope. */
  scored: number;
  /** Of those, the ones all three numbers exist for: the comparison is made on these only. */
  compared: number;
  /** Left out because the kitchen recorded no number for the service. */
  withoutKitchen: number;
  /** Left out (the kitchen had a number) because the dish had not been served before the forecast was made. */
  withoutHistory: number;
  actual: number;
  larder: MethodError;
  kitchen: MethodError;
  median4: MethodError;
  /** Error of the planner − error of Larder, in WAPE points (positive: Larder is closer). */
  larderOverKitchen: number | null;
  /** Error of median4 − error of the kitchen (positive: the kitchen beats the rule of thumb). */
  kitchenOverMedian4: number | null;
  /** Error of median4 − error of Larder (positive: Larder beats the rule of thumb). */
  larderOverMedian4: number | null;
  /**
   * The kitchen's leftover and shortfall, and Larder's plan at the forecast quantile `level` that runs as short
   * as the kitchen did (shares of the actual). `matched` is false where no level between P1 and P99 runs that
   * short: then `level` is the end reached. A kitchen whose numbers are what it cooked never runs short in the
   * sales (they stop when a dish runs out), so Larder's plan is matched at the level that does not run short either.
   */
  leftover: { kitchenLeftover: number | null; kitchenShortfall: number | null; larderLeftover: number | null; larderShortfall: number | null; level: number; matched: boolean } | null;
}

// GET /api/dashboard/waste
export interface WastePanel {
  filters: AppliedFilters;
  byKind: { kind: 'overproduction' | 'plate' | 'spoilage'; kg: number; portions: number; costFen: number }[];
  byDish: { dishId: number; kg: number; portions: number; costFen: number }[];
  byCanteen: { canteenId: number; kg: number; pct: number | null; costFen: number; platePerCoverG: number | null }[];
  /** Daily waste share of prepared against the target share. */
  trend: { date: string; pct: number | null; kg: number }[];
  targetPct: number;
  costFen: number;
}

/** A month of the finance page: `partial` when the range or the data covers only `days` of its `monthDays`. */
export interface FinanceMonth {
  month: string;
  days: number;
  monthDays: number;
  partial: boolean;
  covers: number;
  revenueFen: number;
  paidFen: number;
  subsidyFen: number;
  ingredientCostFen: number;
  costPerMealFen: number | null;
  foodCostPct: number | null;
}

/** A range's money in short, to compare with another range. */
export interface FinanceSummary {
  from: string;
  to: string;
  covers: number;
  revenueFen: number;
  subsidyFen: number;
  ingredientCostFen: number;
  costPerMealFen: number | null;
}

/** What changed the figures: a subsidy rule, a price list, the menu (see FinanceChangesService). */
export type FinanceChangeNote =
  | { kind: 'subsidy'; date: string; meal: string; beforeFen: number; afterFen: number }
  | { kind: 'prices'; date: string; items: number }
  | { kind: 'menu'; date: string; added: number; removed: number };

/** Spending against a budget: null where the budget is not set. */
export interface BudgetUse {
  budgetFen: number | null;
  usedShare: number | null;
  /**
   * A range still running: the budget of its days through `through` (the last day with data,
   * prorated by calendar day as a partial month is) and the spending's share of it — the pace.
   */
  toDate: { through: string; budgetFen: number | null; usedShare: number | null } | null;
}

// GET /api/dashboard/finance
export interface FinancePanel {
  filters: AppliedFilters;
  canteens: { canteenId: number; covers: number; costPerMealFen: number | null; foodCostPct: number | null; revenueFen: number; subsidyFen: number; ingredientCostFen: number; wasteCostFen: number }[];
  total: { covers: number; costPerMealFen: number | null; foodCostPct: number | null; revenueFen: number; subsidyFen: number; ingredientCostFen: number; wasteCostFen: number };
  /** Revenue in its parts: the employer's subsidy and what diners paid by each channel; they sum to total.revenueFen. */
  revenueParts: { part: 'subsidy' | 'paid'; channel: string | null; amountFen: number }[];
  /** The budget table's lines for the range (partial months prorated by day); null where none is set. */
  budget: { ingredientsFen: number | null; subsidyFen: number | null; labourFen: number | null; prorated: boolean };
  /** Spent against the range's budget, and for a range still running against its days through comparedThrough (BudgetUse). */
  subsidy: { spentFen: number } & BudgetUse;
  ingredients: { costFen: number } & BudgetUse;
  /** The same dates a year earlier, and the range just before (the months before, for whole months); null when nothing was served. */
  sameTimeLastYear: FinanceSummary | null;
  previousPeriod: FinanceSummary | null;
  /** The range's months, each with its budget (prorated when partial) and the same month a year earlier. */
  months: (FinanceMonth & { ingredientBudgetFen: number | null; subsidyBudgetFen: number | null; lastYear: FinanceMonth | null })[];
  /** The twelve months up to the range's last month. */
  trailing12: FinanceMonth[];
  changes: FinanceChangeNote[];
  /** Subsidy and paid by department and by grade (name '' = not on the staff list); groups under 5 diners suppressed; empty without a staff list. */
  staffGroups: { dimension: 'department' | 'grade'; name: string; suppressed: boolean; diners: number | null; subsidyFen: number | null; paidFen: number | null }[];
  /** What received purchase orders cost, by month × ingredient category and supplier × category (SupplierSpendService). */
  supplierSpend: SupplierSpend;
}

/** Fen by ingredient category code (INGREDIENT_CATEGORIES of @larder/domain); a category with no spend is absent. */
export type CategoryAmounts = { [category: string]: number | undefined };

/** Supplier spend: each line of a received order at its delivery note's packs and price, in the month of delivery. */
export interface SupplierSpend {
  /** The categories with spend in the range, in the fixed order of INGREDIENT_CATEGORIES. */
  categories: string[];
  /** Every calendar month the range touches (partial ones marked), zeros where nothing was received. */
  months: { month: string; from: string; to: string; days: number; monthDays: number; partial: boolean; byCategory: CategoryAmounts; totalFen: number }[];
  /** Suppliers with spend, the largest first. */
  suppliers: { id: number; code: string; name: string; nameEn: string | null; byCategory: CategoryAmounts; totalFen: number }[];
  byCategory: CategoryAmounts;
  totalFen: number;
  /** Orders due in the range not yet received: their ordered value is not spend until they are. */
  awaitingReceipt: { orders: number; totalFen: number };
}

/** A feedback tag praises, complains, or is on neither configured list. */
export type FeedbackTagKind = 'praise' | 'complaint' | 'other';

export type CommentSentiment = 'praise' | 'complaint' | 'neutral';

/** The comment themes of a canteen (dishId null) or one of its dishes; only groups of five diners or more. */
export interface CommentThemeGroup {
  canteenId: number;
  dishId: number | null;
  /** Distinct diners who commented. */
  diners: number;
  comments: number;
  /**
   * Comments by sentiment: from their tags' classes, else a small lexicon. A cell's comments of one
   * sentiment count only when five diners or more wrote them (and five or more, or none, wrote the rest).
   */
  sentiment: Record<CommentSentiment, number>;
  /** Comments whose sentiment is withheld by that rule: `comments` less the three counts (so no new disclosure). */
  sentimentWithheld: number;
  /** Theme words (segmented), each written by five diners or more, with one masked representative comment. */
  keywords: { word: string; sentiment: CommentSentiment; diners: number; mentions: number; example: string }[];
}

// GET /api/dashboard/satisfaction — aggregated only; every group under 5 diners is suppressed.
export interface SatisfactionPanel {
  filters: AppliedFilters;
  minGroupDiners: number;
  /**
   * The whole ISO weeks (Monday to Sunday, ended) the figures cover: the weeks the range touches.
   * Figures are sums of released cells (canteen × meal × week, five diners or more), so no two
   * answers differ by a group under five; null when no whole week has ended in the range.
   */
  period: { from: string; to: string } | null;
  total: { average: number | null; responses: number | null; satisfiedShare: number | null; suppressed: boolean };
  canteens: { canteenId: number; average: number | null; responses: number | null; suppressed: boolean }[];
  dishes: { canteenId: number; dishId: number; average: number | null; responses: number | null; suppressed: boolean }[];
  tags: { tag: string; kind: FeedbackTagKind; mentions: number | null; shareOfResponses: number | null; lowRatingShare: number | null; suppressed: boolean }[];
  participation: { week: string; rate: number | null }[];
  /** Price fairness: share of responses tagged about price, and the average price paid per cover. */
  priceFairness: { week: string; priceComplaintShare: number | null; averagePaidFen: number | null }[];
  trend: { week: string; average: number | null; suppressed: boolean }[];
  /**
   * Weeks of `period` the data covers only in part (`days` of 7 within the first to last service
   * day with data): the page draws their figures apart and never joins them to whole weeks.
   */
  partialWeeks: { week: string; days: number }[];
  /** Comment themes per canteen and dish, from released cells, groups of five diners or more. */
  themes: CommentThemeGroup[];
}
