import type { Fen, MealPeriod } from '@larder/domain';
import type { CostPolicy } from './newsvendor';
import { PlanningCatalogue } from './planning-catalogue';
import type { DemandForecast, PlanningMoment } from './planning-types';
import { CoversLine, OverrideMap, planProduction, ProductionLine } from './production-planner';
import { PurchaseBatch, PurchaseOptions, planIngredientPurchases } from './purchase-planner';
import { groupPurchaseOrders, PurchaseOrderDraft } from './purchase-orders';
import { explodeRecipes, IngredientNeed } from './recipe-explosion';
import { DatedQuantity, netRequirements, StockLot } from './stock-netting';

export interface WeekPlanInput {
  readonly catalogue: PlanningCatalogue;
  /** Dish forecasts for every dish on the menu, and covers (dishId 0). */
  readonly demand: readonly DemandForecast[];
  readonly policy: CostPolicy;
  /** When the plan is made: food is priced on this day and orders can only be placed from now on. */
  readonly now: PlanningMoment;
  /** Opening stock lots by `${canteenId}|${ingredientId}` (see openingLots). */
  readonly stock?: ReadonlyMap<string, readonly StockLot[]>;
  readonly overrides?: OverrideMap;
  readonly onHandDaysBefore?: Partial<Record<MealPeriod, number>>;
  readonly purchase?: PurchaseOptions;
}

export interface NetNeed extends IngredientNeed {
  /** Gross need before netting. */
  readonly grossQuantity: number;
}

export interface PlanSummary {
  readonly covers: number;
  readonly plannedPortions: number;
  readonly expectedLeftoverPortions: number;
  readonly expectedShortfallPortions: number;
  readonly expectedLeftoverKg: number;
  /** Food cost of the expected leftover portions. */
  readonly expectedLeftoverFen: Fen;
  /** Food cost of everything planned, at the plan day's prices. */
  readonly foodCostFen: Fen;
  /** What the purchase orders cost (stock netted, packs rounded). */
  readonly purchaseCostFen: Fen;
  /** Value bought beyond the need by rounding to packs and minimum orders. */
  readonly roundingSurplusFen: Fen;
  /** Food cost per expected cover. */
  readonly costPerMealFen: number;
  readonly orders: number;
  readonly lateOrders: number;
}

export interface WeekPlan {
  readonly production: ProductionLine[];
  readonly covers: CoversLine[];
  readonly needs: IngredientNeed[];
  readonly netNeeds: NetNeed[];
  readonly batches: PurchaseBatch[];
  readonly orders: PurchaseOrderDraft[];
  readonly summary: PlanSummary;
  readonly warnings: string[];
}

/** From forecasts to production quantities, ingredient needs, netted requirements and purchase orders. */
export function planWeek(input: WeekPlanInput): WeekPlan {
  const { catalogue, now } = input;
  const production = planProduction({ demand: input.demand, catalogue, policy: input.policy, priceDate: now.date, overrides: input.overrides });
  const warnings = [...production.warnings];
  const needs = explodeRecipes({
    lines: production.lines.map((line) => ({ canteenId: line.canteenId, serviceDate: line.serviceDate, meal: line.meal, dishId: line.dishId, portions: line.plannedPortions })),
    catalogue,
    onHandDaysBefore: input.onHandDaysBefore,
  });
  const netNeeds: NetNeed[] = [];
  const batches: PurchaseBatch[] = [];
  const missingSuppliers: string[] = [];
  const unmetNeeds: string[] = [];
  for (const group of groupNeeds(needs)) {
    const ingredient = catalogue.ingredients.get(group.ingredientId);
    if (!ingredient) {
      warnings.push(`recipes use ingredient ${group.ingredientId}, which is not in the catalogue`);
      continue;
    }
    const lots = input.stock?.get(`${group.canteenId}|${group.ingredientId}`) ?? [];
    const { net } = netRequirements({ needs: group.needs, lots });
    const gross = new Map(group.needs.map((need) => [need.date, need.quantity]));
    for (const need of net)
      netNeeds.push({ canteenId: group.canteenId, ingredientId: group.ingredientId, neededBy: need.date, quantity: need.quantity, grossQuantity: gross.get(need.date) ?? need.quantity });
    if (net.length === 0) continue;
    if (catalogue.itemsFor(group.ingredientId).length === 0) {
      missingSuppliers.push(`${group.ingredientId}@${group.canteenId}`);
      continue;
    }
    const purchases = planIngredientPurchases({ canteenId: group.canteenId, ingredient, needs: net, catalogue, now, options: input.purchase });
    batches.push(...purchases.batches);
    for (const unmet of purchases.unmet) unmetNeeds.push(`ingredient ${group.ingredientId} in canteen ${group.canteenId}: ${round3(unmet.quantity)} by ${unmet.date}`);
  }
  if (missingSuppliers.length > 0) warnings.push(`no supplier item for ingredient@canteen ${missingSuppliers.join(', ')}: buy these by hand`);
  if (unmetNeeds.length > 0) warnings.push(`no supplier can deliver (or has no price) for ${unmetNeeds.join('; ')}`);
  const late = batches.filter((batch) => batch.late);
  if (late.length > 0) warnings.push(`${late.length} purchase line(s) cannot arrive before the day they are needed; they are ordered for the earliest delivery`);
  const orders = groupPurchaseOrders(batches);
  return {
    production: production.lines,
    covers: production.covers,
    needs,
    netNeeds,
    batches,
    orders,
    summary: summarisePlan({ production: production.lines, covers: production.covers, orders }),
    warnings,
  };
}

function groupNeeds(needs: readonly IngredientNeed[]): { canteenId: number; ingredientId: number; needs: DatedQuantity[] }[] {
  const groups: { canteenId: number; ingredientId: number; needs: DatedQuantity[] }[] = [];
  for (const need of needs) {
    const last = groups[groups.length - 1];
    if (last && last.canteenId === need.canteenId && last.ingredientId === need.ingredientId) last.needs.push({ date: need.neededBy, quantity: need.quantity });
    else groups.push({ canteenId: need.canteenId, ingredientId: need.ingredientId, needs: [{ date: need.neededBy, quantity: need.quantity }] });
  }
  return groups;
}

type SummaryLine = Pick<ProductionLine, 'plannedPortions' | 'expectedLeftover' | 'expectedShortfall' | 'portionKg' | 'costPerPortionFen'>;
type SummaryOrder = Pick<PurchaseOrderDraft, 'totalFen' | 'surplusFen' | 'late'>;

export function summarisePlan(plan: { production: readonly SummaryLine[]; covers: readonly Pick<CoversLine, 'covers'>[]; orders: readonly SummaryOrder[] }): PlanSummary {
  let plannedPortions = 0;
  let leftover = 0;
  let shortfall = 0;
  let leftoverKg = 0;
  let leftoverFen = 0;
  let foodCost = 0;
  for (const line of plan.production) {
    plannedPortions += line.plannedPortions;
    leftover += line.expectedLeftover;
    shortfall += line.expectedShortfall;
    leftoverKg += line.expectedLeftover * line.portionKg;
    leftoverFen += line.expectedLeftover * line.costPerPortionFen;
    foodCost += line.plannedPortions * line.costPerPortionFen;
  }
  const covers = plan.covers.reduce((sum, line) => sum + line.covers, 0);
  const purchaseCost = plan.orders.reduce((sum, order) => sum + order.totalFen, 0);
  return {
    covers: Math.round(covers),
    plannedPortions,
    expectedLeftoverPortions: round3(leftover),
    expectedShortfallPortions: round3(shortfall),
    expectedLeftoverKg: round3(leftoverKg),
    expectedLeftoverFen: Math.round(leftoverFen),
    foodCostFen: Math.round(foodCost),
    purchaseCostFen: purchaseCost,
    roundingSurplusFen: plan.orders.reduce((sum, order) => sum + order.surplusFen, 0),
    costPerMealFen: covers > 0 ? Math.round((foodCost / covers) * 100) / 100 : 0,
    orders: plan.orders.length,
    lateOrders: plan.orders.filter((order) => order.late).length,
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
