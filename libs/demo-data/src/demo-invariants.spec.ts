import type { MealPeriod } from '@larder/domain';
import type { DemoDay } from './day-stream';
import { generateDemoEnterprise } from './demo-enterprise';
import type { DemoTransaction } from './demo-rows';
import { SMALL_DEMO } from './demo-test-options';
import { FEEDBACK_TAGS } from './feedback.generator';

const enterprise = generateDemoEnterprise(SMALL_DEMO);
const { masters, options } = enterprise;
const days: DemoDay[] = [...enterprise.days()];
const history = days.filter((day) => !day.future);
const kindOf = new Map(masters.calendarDays.map((row) => [row.day, row.kind]));
const dishById = new Map(masters.dishes.map((dish) => [dish.id, dish]));
const key = (...parts: Array<string | number | null>) => parts.join('|');
const menu = new Set(days.flatMap((day) => day.menuItems.map((item) => key(item.canteenId, item.serviceDate, item.meal, item.dishId))));
const servedMeals = new Set(days.flatMap((day) => day.menuItems.map((item) => key(item.canteenId, item.serviceDate, item.meal))));
const closure = masters.closures[0];
const weekdayOnly = masters.canteens.find((canteen) => !canteen.opensWeekends)!;
const weekendCanteen = masters.canteens.find((canteen) => canteen.opensWeekends)!;
const SHANGHAI_MS = 8 * 3600 * 1000;

function salesOf(canteenId: number, date: string): DemoTransaction[] {
  return days.find((day) => day.date === date)!.transactions.filter((t) => t.canteenId === canteenId && t.kind === 'sale');
}

/** The product's rule, written out: a canteen open on weekends serves on public holidays too; a closure shuts it. */
function closedOn(canteen: { id: number; opensWeekends: boolean }, date: string): boolean {
  const kind = kindOf.get(date)!;
  return ((kind === 'holiday' || kind === 'weekend') && !canteen.opensWeekends) || (canteen.id === closure.canteenId && closure.fromDate <= date && date <= closure.toDate);
}

describe('demo facts', () => {
  it('produce sales on every open day and none on closed ones', () => {
    for (const day of days) {
      for (const canteen of masters.canteens) {
        const served = day.menuItems.some((item) => item.canteenId === canteen.id);
        const sold = day.transactions.some((t) => t.canteenId === canteen.id);
        const closed = closedOn(canteen, day.date);
        expect({ date: day.date, canteen: canteen.code, served: served && !closed }).toEqual({ date: day.date, canteen: canteen.code, served: !closed });
        if (closed || day.future) expect(sold).toBe(false);
        else expect(sold).toBe(true);
      }
    }
  });

  it('serve make-up working Saturdays like weekdays, and the depot at a reduced level on weekends', () => {
    expect(kindOf.get('2026-02-14')).toBe('makeup_workday');
    expect(salesOf(weekdayOnly.id, '2026-02-14').length).toBeGreaterThan(20);
    expect(salesOf(weekdayOnly.id, '2026-02-28').length).toBeGreaterThan(20);
    const depotOn = (kind: 'weekend' | 'workday') => {
      const dates = history.filter((day) => kindOf.get(day.date) === kind).map((day) => day.date);
      return dates.reduce((sum, date) => sum + salesOf(weekendCanteen.id, date).length, 0) / dates.length;
    };
    expect(depotOn('weekend')).toBeGreaterThan(5);
    expect(depotOn('weekend')).toBeLessThan(depotOn('workday') * 0.6);
  });

  it('sell only dishes on that canteen and meal menu, within the meal window, on the local service date', () => {
    const windows = new Map(masters.mealPeriods.map((p) => [key(p.canteenId, p.meal), p]));
    for (const day of history) {
      const byId = new Map(day.transactions.map((t) => [key(t.canteenId, t.id), t]));
      for (const line of day.saleLines) {
        const t = byId.get(key(line.canteenId, line.transactionId))!;
        expect(menu.has(key(t.canteenId, t.serviceDate, t.meal, line.dishId))).toBe(true);
      }
      for (const t of day.transactions) {
        const local = new Date(t.occurredAt.getTime() + SHANGHAI_MS).toISOString();
        expect(local.slice(0, 10)).toBe(t.serviceDate);
        const time = local.slice(11, 19);
        const window = windows.get(key(t.canteenId, t.meal))!;
        const inWindow = window.startsAt < window.endsAt ? time >= window.startsAt && time <= window.endsAt : time >= window.startsAt || time <= window.endsAt;
        expect({ id: t.externalId, time, inWindow }).toEqual({ id: t.externalId, time, inWindow: true });
      }
    }
  });

  it('add up: lines to payments, subsidy once per employee and meal within the rule', () => {
    const rules = [...masters.subsidyRules].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    const cap = (meal: MealPeriod, date: string) => rules.find((rule) => rule.meal === meal && rule.validFrom <= date)!.subsidyFen;
    for (const day of history) {
      const linesOf = new Map<string, typeof day.saleLines>();
      for (const line of day.saleLines) {
        expect(line.amountFen).toBe(line.quantity * line.unitPriceFen);
        const k = key(line.canteenId, line.transactionId);
        linesOf.set(k, [...(linesOf.get(k) ?? []), line]);
      }
      const subsidised = new Set<string>();
      const ids = new Set<string>();
      for (const t of day.transactions) {
        expect(ids.has(key(t.canteenId, t.externalId))).toBe(false);
        ids.add(key(t.canteenId, t.externalId));
        const lines = linesOf.get(key(t.canteenId, t.id)) ?? [];
        expect(lines.length).toBeGreaterThan(0);
        expect(t.amountPaidFen + t.subsidyFen).toBe(lines.reduce((sum, line) => sum + line.amountFen, 0));
        expect(t.subsidyFen).toBe(lines.reduce((sum, line) => sum + line.subsidyFen, 0));
        if (t.kind === 'sale') {
          expect(t.amountPaidFen).toBeGreaterThanOrEqual(0);
          expect(t.subsidyFen).toBeLessThanOrEqual(cap(t.meal, t.serviceDate));
          if (t.subsidyFen > 0) {
            const diner = key(t.canteenId, t.meal, t.employeeNo);
            expect(subsidised.has(diner)).toBe(false);
            subsidised.add(diner);
          }
        }
      }
    }
  });

  it('refund real earlier sales of the same day in full', () => {
    let refunds = 0;
    for (const day of history) {
      const byExternalId = new Map(day.transactions.map((t) => [key(t.canteenId, t.externalId), t]));
      for (const refund of day.transactions.filter((t) => t.kind === 'refund')) {
        refunds++;
        const sale = byExternalId.get(key(refund.canteenId, refund.refundOfExternalId))!;
        expect(sale.kind).toBe('sale');
        expect(sale.serviceDate).toBe(refund.serviceDate);
        expect(refund.amountPaidFen).toBe(-sale.amountPaidFen);
        expect(refund.subsidyFen).toBe(-sale.subsidyFen);
        expect(refund.occurredAt.getTime()).toBeGreaterThanOrEqual(sale.occurredAt.getTime());
      }
    }
    expect(refunds).toBeGreaterThan(0);
  });

  it('never sell more than was prepared, and never bin more than was left over', () => {
    let stockouts = 0;
    for (const day of history) {
      const prepared = new Map(day.production.map((p) => [key(p.canteenId, p.meal, p.dishId), p.portionsPrepared]));
      const sold = new Map<string, number>();
      const meals = new Map(day.transactions.map((t) => [key(t.canteenId, t.id), t]));
      for (const line of day.saleLines) {
        const t = meals.get(key(line.canteenId, line.transactionId))!;
        if (t.kind !== 'sale') continue;
        const k = key(line.canteenId, t.meal, line.dishId);
        sold.set(k, (sold.get(k) ?? 0) + line.quantity);
      }
      for (const [k, quantity] of sold) {
        expect(quantity).toBeLessThanOrEqual(prepared.get(k)!);
        if (quantity === prepared.get(k)) stockouts++;
      }
      const wasteKg = new Map<string, number>();
      for (const waste of day.waste) {
        if (waste.kind === 'overproduction') {
          const k = key(waste.canteenId, waste.meal, waste.dishId);
          expect(waste.portions!).toBeGreaterThan(0);
          expect(waste.portions!).toBeLessThanOrEqual(prepared.get(k)! - (sold.get(k) ?? 0));
        }
        if (waste.kind === 'spoilage') expect(waste.ingredientId).not.toBeNull();
        if (waste.meal !== null) wasteKg.set(key(waste.canteenId, waste.meal), (wasteKg.get(key(waste.canteenId, waste.meal)) ?? 0) + waste.kg);
      }
      for (const [k, kg] of wasteKg) {
        const [canteenId, meal] = k.split('|');
        const preparedKg = day.production.filter((p) => String(p.canteenId) === canteenId && p.meal === meal).reduce((sum, p) => sum + p.portionsPrepared * dishById.get(p.dishId)!.portionKg, 0);
        expect(kg).toBeLessThanOrEqual(preparedKg + 1e-9);
      }
      for (const p of day.production) expect(menu.has(key(p.canteenId, p.serviceDate, p.meal, p.dishId))).toBe(true);
    }
    expect(stockouts).toBeGreaterThan(0);
  });

  it('collect feedback about dishes that were on the menu, with tags from the fixed list', () => {
    const feedback = history.flatMap((day) => day.feedback);
    expect(feedback.length).toBeGreaterThan(10);
    for (const item of feedback) {
      expect(servedMeals.has(key(item.canteenId, item.serviceDate, item.meal))).toBe(true);
      if (item.dishId !== null) expect(menu.has(key(item.canteenId, item.serviceDate, item.meal, item.dishId))).toBe(true);
      expect(item.rating).toBeGreaterThanOrEqual(1);
      expect(item.rating).toBeLessThanOrEqual(5);
      for (const tag of item.tags) expect(FEEDBACK_TAGS).toContain(tag);
      expect(new Date(item.submittedAt.getTime() + SHANGHAI_MS).toISOString().slice(0, 10)).toBe(item.serviceDate);
    }
  });

  it('count stock weekly and report headcount for every site every day', () => {
    for (const day of days) {
      expect(day.headcount).toHaveLength(masters.sites.length);
      for (const row of day.headcount) {
        expect(row.onDuty + row.onLeave + row.travelling).toBeLessThanOrEqual(row.employees);
        expect(row.remote).toBeLessThanOrEqual(row.onDuty);
      }
      if (day.stockCounts.length > 0) expect(new Date(`${day.date}T00:00:00Z`).getUTCDay()).toBe(5);
    }
    expect(history.filter((day) => day.stockCounts.length > 0).length).toBeGreaterThanOrEqual(7);
  });

  it('carry only menus and planned headcount after endDate', () => {
    const future = days.filter((day) => day.future);
    expect(future).toHaveLength(options.futureDays);
    expect(future[0].date > options.endDate).toBe(true);
    expect(future.some((day) => day.menuItems.length > 0)).toBe(true);
    for (const day of future) {
      expect([day.transactions, day.saleLines, day.production, day.waste, day.feedback, day.stockCounts].every((rows) => rows.length === 0)).toBe(true);
      expect(
        day.menuItems.filter((item) =>
          closedOn(
            masters.canteens.find((canteen) => canteen.id === item.canteenId)!,
            day.date,
          ),
        ),
      ).toEqual([]);
    }
  });
});
