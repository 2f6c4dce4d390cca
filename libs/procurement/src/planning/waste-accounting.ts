import { IsoDate, isoWeek, MealPeriod, WasteKind } from '@larder/domain';
import { PlanningCatalogue } from './planning-catalogue';

export interface WasteLogEntry {
  readonly canteenId: number;
  readonly serviceDate: IsoDate;
  readonly meal: MealPeriod | null;
  readonly kind: WasteKind;
  readonly dishId: number | null;
  readonly ingredientId: number | null;
  readonly kg: number;
  readonly portions: number | null;
}

export interface ProductionEntry {
  readonly canteenId: number;
  readonly serviceDate: IsoDate;
  readonly dishId: number;
  readonly portionsPrepared: number;
}

export interface CoversEntry {
  readonly canteenId: number;
  readonly serviceDate: IsoDate;
  readonly covers: number;
}

/** What an approved plan expected to be left over of a dish on a day. */
export interface PlanExpectation {
  readonly canteenId: number;
  readonly serviceDate: IsoDate;
  readonly dishId: number;
  readonly expectedLeftover: number;
}

export interface WasteAmount {
  kg: number;
  portions: number;
  costFen: number;
  /** kg that could not be priced (spoilage of an ingredient counted in pieces, or without a supplier price). */
  uncostedKg: number;
}

export interface WasteRow extends WasteAmount {
  readonly week: string;
  readonly canteenId: number;
  readonly kind: WasteKind;
  readonly dishId: number | null;
}

export interface CanteenWeekWaste {
  readonly week: string;
  readonly canteenId: number;
  readonly covers: number;
  readonly byKind: Record<WasteKind, WasteAmount>;
  readonly total: WasteAmount;
  /** Plate waste in kg per cover. */
  readonly plateKgPerCover: number | null;
  /** Leftover portions the approved plans expected on the days with a plan, and what was logged as overproduction on those days. */
  readonly plan: { readonly expectedLeftoverPortions: number; readonly loggedOverproductionPortions: number; readonly days: number } | null;
}

export interface WasteAccount {
  readonly rows: WasteRow[];
  readonly canteenWeeks: CanteenWeekWaste[];
  readonly byDish: (WasteAmount & { dishId: number })[];
  readonly total: WasteAmount;
}

const empty = (): WasteAmount => ({ kg: 0, portions: 0, costFen: 0, uncostedKg: 0 });

function addTo(target: WasteAmount, amount: WasteAmount): void {
  target.kg += amount.kg;
  target.portions += amount.portions;
  target.costFen += amount.costFen;
  target.uncostedKg += amount.uncostedKg;
}

/**
 * Waste by week, canteen, kind and dish in kg, portions and money. Overproduction is priced at the dish's
 * food cost per portion; plate waste (weighed without a dish) at the canteen-week's average food cost per
 * cooked kg; spoilage at the ingredient's cheapest price per kg (or litre). Prices are those in force on the day.
 * Overproduction and spoilage come to what @larder/analytics' waste figures charge (OVERPRODUCTION_FEN and
 * the cost rollup), per log here rather than per rollup row; test/integration/waste-cost.spec.ts holds them
 * together. Plate waste is priced only here: the waste page and report leave it uncosted.
 */
export function accountWaste(params: {
  waste: readonly WasteLogEntry[];
  production: readonly ProductionEntry[];
  covers: readonly CoversEntry[];
  plans?: readonly PlanExpectation[];
  catalogue: PlanningCatalogue;
}): WasteAccount {
  const { catalogue } = params;
  const weekOf = memo((date: IsoDate) => isoWeek(date));
  const costPerKg = new Map<string, { fen: number; kg: number }>();
  for (const entry of params.production) {
    const dish = catalogue.dishes.get(entry.dishId);
    if (!dish) continue;
    const key = `${weekOf(entry.serviceDate)}|${entry.canteenId}`;
    const sums = costPerKg.get(key) ?? { fen: 0, kg: 0 };
    sums.fen += entry.portionsPrepared * catalogue.costPerPortionOn(entry.dishId, entry.serviceDate);
    sums.kg += entry.portionsPrepared * dish.portionKg;
    costPerKg.set(key, sums);
  }
  const rows = new Map<string, WasteRow>();
  for (const log of params.waste) {
    const week = weekOf(log.serviceDate);
    const amount = priceWaste(log, catalogue, costPerKg.get(`${week}|${log.canteenId}`));
    const key = `${week}|${log.canteenId}|${log.kind}|${log.dishId ?? ''}`;
    const row = rows.get(key) ?? { week, canteenId: log.canteenId, kind: log.kind, dishId: log.dishId, ...empty() };
    addTo(row, amount);
    rows.set(key, row);
  }
  const coversBy = new Map<string, number>();
  for (const entry of params.covers) {
    const key = `${weekOf(entry.serviceDate)}|${entry.canteenId}`;
    coversBy.set(key, (coversBy.get(key) ?? 0) + entry.covers);
  }
  const planBy = new Map<string, { expected: number; days: Set<IsoDate> }>();
  for (const line of params.plans ?? []) {
    const key = `${weekOf(line.serviceDate)}|${line.canteenId}`;
    const entry = planBy.get(key) ?? { expected: 0, days: new Set<IsoDate>() };
    entry.expected += line.expectedLeftover;
    entry.days.add(line.serviceDate);
    planBy.set(key, entry);
  }
  const weeks = new Map<string, { week: string; canteenId: number; byKind: Record<WasteKind, WasteAmount>; total: WasteAmount; plannedDaysOverproduction: number }>();
  const weekEntry = (week: string, canteenId: number) => {
    const key = `${week}|${canteenId}`;
    let entry = weeks.get(key);
    if (!entry) {
      entry = { week, canteenId, byKind: { overproduction: empty(), plate: empty(), spoilage: empty() }, total: empty(), plannedDaysOverproduction: 0 };
      weeks.set(key, entry);
    }
    return entry;
  };
  for (const row of rows.values()) {
    const entry = weekEntry(row.week, row.canteenId);
    addTo(entry.byKind[row.kind], row);
    addTo(entry.total, row);
  }
  for (const log of params.waste) {
    const plan = planBy.get(`${weekOf(log.serviceDate)}|${log.canteenId}`);
    if (log.kind === 'overproduction' && plan?.days.has(log.serviceDate)) weekEntry(weekOf(log.serviceDate), log.canteenId).plannedDaysOverproduction += log.portions ?? 0;
  }
  for (const key of [...coversBy.keys(), ...planBy.keys()]) {
    const [week, canteenId] = key.split('|');
    weekEntry(week, Number(canteenId));
  }
  const canteenWeeks = [...weeks.values()]
    .map((entry) => {
      const key = `${entry.week}|${entry.canteenId}`;
      const covers = coversBy.get(key) ?? 0;
      const plan = planBy.get(key);
      return {
        week: entry.week,
        canteenId: entry.canteenId,
        covers,
        byKind: mapKinds(entry.byKind, rounded),
        total: rounded(entry.total),
        plateKgPerCover: covers > 0 ? Math.round((entry.byKind.plate.kg / covers) * 100000) / 100000 : null,
        plan: plan ? { expectedLeftoverPortions: Math.round(plan.expected * 10) / 10, loggedOverproductionPortions: entry.plannedDaysOverproduction, days: plan.days.size } : null,
      };
    })
    .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : a.canteenId - b.canteenId));
  const byDish = new Map<number, WasteAmount & { dishId: number }>();
  const total = empty();
  for (const row of rows.values()) {
    addTo(total, row);
    if (row.dishId === null) continue;
    const entry = byDish.get(row.dishId) ?? { dishId: row.dishId, ...empty() };
    addTo(entry, row);
    byDish.set(row.dishId, entry);
  }
  return {
    rows: [...rows.values()]
      .map((row) => ({ ...row, ...rounded(row) }))
      .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : a.canteenId - b.canteenId || a.kind.localeCompare(b.kind) || (a.dishId ?? 0) - (b.dishId ?? 0))),
    canteenWeeks,
    byDish: [...byDish.values()].map((entry) => ({ ...entry, ...rounded(entry) })).sort((a, b) => b.costFen - a.costFen),
    total: rounded(total),
  };
}

function priceWaste(log: WasteLogEntry, catalogue: PlanningCatalogue, week: { fen: number; kg: number } | undefined): WasteAmount {
  const kg = log.kg;
  if (log.kind === 'overproduction' && log.dishId !== null) {
    const dish = catalogue.dishes.get(log.dishId);
    const portions = log.portions ?? (dish && dish.portionKg > 0 ? kg / dish.portionKg : 0);
    return { kg, portions: log.portions ?? 0, costFen: portions * catalogue.costPerPortionOn(log.dishId, log.serviceDate), uncostedKg: dish ? 0 : kg };
  }
  if (log.kind === 'spoilage' && log.ingredientId !== null) {
    const ingredient = catalogue.ingredients.get(log.ingredientId);
    const unitCost = ingredient && ingredient.unit !== 'piece' ? catalogue.unitCostOn(log.ingredientId, log.serviceDate) : null;
    return unitCost === null ? { kg, portions: 0, costFen: 0, uncostedKg: kg } : { kg, portions: 0, costFen: kg * unitCost, uncostedKg: 0 };
  }
  if (week && week.kg > 0) return { kg, portions: log.portions ?? 0, costFen: kg * (week.fen / week.kg), uncostedKg: 0 };
  return { kg, portions: log.portions ?? 0, costFen: 0, uncostedKg: kg };
}

function rounded(amount: WasteAmount): WasteAmount {
  return { kg: Math.round(amount.kg * 1000) / 1000, portions: amount.portions, costFen: Math.round(amount.costFen), uncostedKg: Math.round(amount.uncostedKg * 1000) / 1000 };
}

function mapKinds(byKind: Record<WasteKind, WasteAmount>, map: (amount: WasteAmount) => WasteAmount): Record<WasteKind, WasteAmount> {
  return { overproduction: map(byKind.overproduction), plate: map(byKind.plate), spoilage: map(byKind.spoilage) };
}

function memo<T>(fn: (date: IsoDate) => T): (date: IsoDate) => T {
  const cache = new Map<IsoDate, T>();
  return (date) => {
    let value = cache.get(date);
    if (value === undefined) {
      value = fn(date);
      cache.set(date, value);
    }
    return value;
  };
}
