import { type DayKind, type MealPeriod, subsidyInForceFen } from '@larder/domain';
import { Buyer } from './buyer';
import { DishAppeal, mealTurnout } from './demand.model';
import type { DemoWorld } from './demo-master';
import type { DemoFeedback, DemoTransaction, HeadcountRow, MenuItemRow, ProductionLogRow, PurchaseOrderLineRow, PurchaseOrderRow, SaleLineRow, StockCountRow, WasteLogRow } from './demo-rows';
import { generateFeedback } from './feedback.generator';
import { employedOn, siteHeadcount } from './headcount.model';
import { Kitchen } from './kitchen';
import { MenuPlanner } from './menu-cycle';
import { MEAL_INDEX } from './organisation';
import { Random } from './random';
import { Feeder, SalesBuffers, SalesGenerator } from './sales.generator';
import { isCanteenOpen } from './service-calendar';

/** One day's facts. Days after endDate carry only menus and planned headcount. */
export interface DemoDay {
  date: string;
  dayKind: DayKind;
  future: boolean;
  menuItems: MenuItemRow[];
  transactions: DemoTransaction[];
  saleLines: SaleLineRow[];
  production: ProductionLogRow[];
  waste: WasteLogRow[];
  feedback: DemoFeedback[];
  headcount: HeadcountRow[];
  stockCounts: StockCountRow[];
  /** Orders whose deliveries' cover ended today (see `Buyer`): received, or sent on the last day. */
  purchaseOrders: PurchaseOrderRow[];
  purchaseOrderLines: PurchaseOrderLineRow[];
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Generates the days one at a time, so memory holds a single day however long the history. */
export function* streamDemoDays(world: DemoWorld): Generator<DemoDay> {
  const { options, organisation, catalogue, calendar } = world;
  const { sites, canteens, staff } = organisation;
  const appeal = new DishAppeal({ dishes: catalogue.dishes, specs: catalogue.dishSpecs, random: new Random(options.seed, 'appeal') });
  const planner = new MenuPlanner({ seed: options.seed, dishes: catalogue.dishes, specs: catalogue.dishSpecs, startDate: options.startDate });
  const kitchen = new Kitchen({ catalogue, canteens: canteens.length, seed: options.seed });
  const sales = new SalesGenerator({ staff, dishes: catalogue.dishes, specs: catalogue.dishSpecs });
  const appealToday = new Float64Array(catalogue.dishes.length);
  const buyer = new Buyer(world);

  for (const day of calendar.days) {
    const future = day.date > options.endDate;
    const random = new Random(options.seed, 'day', day.date);
    const headcount = sites.map((site) => siteHeadcount({ site, day, historyDays: options.days, random, planned: future }));
    const out: DemoDay = {
      date: day.date,
      dayKind: day.kind,
      future,
      menuItems: [],
      transactions: [],
      saleLines: [],
      production: [],
      waste: [],
      feedback: [],
      headcount,
      stockCounts: [],
      purchaseOrders: [],
      purchaseOrderLines: [],
    };
    const buffers: SalesBuffers = { transactions: out.transactions, lines: out.saleLines, firstLine: [] };
    appeal.fill(day, appealToday);
    const dateKey = Number(day.date.replaceAll('-', ''));
    const localMidnightMs = Date.parse(`${day.date}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
    const subsidyRaised = day.date >= calendar.subsidyChangeDate;
    const bankAppAdoption = 0.06 + (0.22 * Math.min(day.index, options.days)) / options.days;

    canteens.forEach((canteen, canteenIndex) => {
      if (!isCanteenOpen({ canteen, day, closures: calendar.closures })) return;
      let sequence = 1;
      let wasteSeq = 1;
      let feedbackSeq = 1;
      const nextWasteId = () => dateKey * 1000 + wasteSeq++;
      const nextFeedbackId = () => dateKey * 1000 + feedbackSeq++;
      for (const meal of canteen.meals) {
        const menu = planner.menuFor({ canteenIndex, canteen, meal, day });
        for (const dish of [...menu.mains, ...menu.extras]) {
          out.menuItems.push({ canteenId: canteen.row.id, serviceDate: day.date, meal, dishId: dish + 1 });
        }
        if (future) continue;
        const feeders = feedersFor({ world, canteenIndex, meal, headcount, subsidyRaised, dayIndex: day.index });
        // The generator's expected covers reach the kitchen only as the opening figure of its first services.
        const openingCovers = expectedCoversOf({ world, meal, feeders });
        const prepared = kitchen.planProduction({ canteenIndex, meal, day, menu, dishBuffer: appeal.buffer, openingCovers, random });
        const firstSale = out.transactions.length;
        const outcome = sales.run(
          {
            canteenId: canteen.row.id,
            canteenCode: canteen.row.code,
            terminals: canteen.terminals,
            serviceDate: day.date,
            dateKey,
            localMidnightMs,
            meal,
            feeders,
            swing: Math.exp(0.05 * random.normal()),
            menu,
            appeal: appealToday,
            remaining: prepared.slice(),
            subsidyCapFen: subsidyInForceFen(calendar.subsidyRules, meal, day.date),
            bankAppAdoption,
            sequence,
            random,
          },
          buffers,
        );
        sequence = outcome.nextSequence;
        kitchen.closeService({
          canteenIndex,
          canteenId: canteen.row.id,
          day,
          meal,
          menu,
          prepared,
          sold: outcome.sold,
          covers: outcome.sales,
          random,
          nextWasteId,
          production: out.production,
          waste: out.waste,
        });
        generateFeedback({
          transactions: out.transactions,
          firstSale,
          sales: outcome.sales,
          lineOfTransaction: (index) => out.saleLines[buffers.firstLine[index]],
          dishes: catalogue.dishes,
          quality: appeal.quality,
          stockouts: outcome.stockouts,
          meal,
          localMidnightMs,
          random,
          nextId: nextFeedbackId,
          out: out.feedback,
        });
      }
      if (!future) kitchen.closeDay({ canteenIndex, canteenId: canteen.row.id, serviceDate: day.date, random, nextWasteId, waste: out.waste });
    });
    if (!future) buyer.day(day, out.production, out);
    if (!future && day.weekday === 5) {
      canteens.forEach((canteen, canteenIndex) => kitchen.stockCount({ canteenIndex, canteenId: canteen.row.id, countedOn: day.date, random, out: out.stockCounts }));
    }
    yield out;
  }
}

function feedersFor(params: { world: DemoWorld; canteenIndex: number; meal: MealPeriod; headcount: HeadcountRow[]; subsidyRaised: boolean; dayIndex: number }): Feeder[] {
  const { world, meal } = params;
  const day = world.calendar.days[params.dayIndex];
  const feeders: Feeder[] = [];
  world.organisation.sites.forEach((site, siteIndex) => {
    if (site.canteenIndex !== params.canteenIndex) return;
    const turnout = mealTurnout({
      kind: site.kind,
      meal,
      day,
      headcount: params.headcount[siteIndex],
      subsidyRaised: params.subsidyRaised,
    });
    const employed = employedOn({ site, day, historyDays: world.options.days });
    if (turnout > 0) feeders.push({ from: site.firstEmployee, to: site.firstEmployee + employed, turnout });
  });
  return feeders;
}

function expectedCoversOf(params: { world: DemoWorld; meal: MealPeriod; feeders: Feeder[] }): number {
  const { staff } = params.world.organisation;
  const base = MEAL_INDEX[params.meal] * (staff.count + 1);
  let covers = 0;
  for (const feeder of params.feeders) {
    covers += feeder.turnout * (staff.propensityPrefix[base + feeder.to] - staff.propensityPrefix[base + feeder.from]);
  }
  return covers;
}
