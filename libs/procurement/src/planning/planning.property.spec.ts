import fc from 'fast-check';
import { addDays, daysBetween, packsFor } from '@larder/domain';
import { fixtureCatalogue, item, WEEK_START } from '../testing/planning-fixture';
import { newsvendorLevel, planQuantity, SERVICE_LEVEL_RANGE } from './newsvendor';
import { lineAmountFen, surplusQuantity, surplusValueFen } from './order-rules';
import { coverDays, planIngredientPurchases, usableDays } from './purchase-planner';
import { groupPurchaseOrders } from './purchase-orders';
import { distributionFromStored, quantileAt } from './quantile-interpolation';
import { netRequirements, openingLots, StockLot } from './stock-netting';
import type { IngredientInfo } from './planning-types';

// Deterministic: a failure prints its seed and path, and the same seed reproduces it on every machine.
fc.configureGlobal({ seed: 20261125, numRuns: 150 });

const EPS = 1e-6;
const cost = fc.double({ min: 0, max: 1e6, noNaN: true });
const stored = fc
  .tuple(
    fc.double({ min: 0, max: 5000, noNaN: true }),
    fc.double({ min: 0, max: 5000, noNaN: true }),
    fc.double({ min: 0, max: 5000, noNaN: true }),
    fc.dictionary(fc.constantFrom('0.05', '0.25', '0.75', '0.95', '0.99'), fc.double({ min: 0, max: 8000, noNaN: true })),
  )
  .map(([p10, p50, p90, quantiles]) => ({ p10, p50, p90, quantiles }));
const level = fc.double({ min: 0.001, max: 0.999, noNaN: true });
const date = fc.integer({ min: 0, max: 20 }).map((day) => addDays(WEEK_START, day));

describe('newsvendor (properties)', () => {
  it('gives a service level inside [0, 1] that never falls when shortage costs more', () => {
    fc.assert(
      fc.property(cost, cost, cost, (shortage, extra, leftover) => {
        const low = newsvendorLevel({ shortageCostFen: shortage, leftoverCostFen: leftover });
        const high = newsvendorLevel({ shortageCostFen: shortage + extra, leftoverCostFen: leftover });
        expect(low).toBeGreaterThanOrEqual(SERVICE_LEVEL_RANGE.min);
        expect(high).toBeLessThanOrEqual(SERVICE_LEVEL_RANGE.max);
        expect(high).toBeGreaterThanOrEqual(low - EPS);
      }),
    );
  });

  it('plans a quantity (the quantile) that never falls as the level rises, and never below zero', () => {
    fc.assert(
      fc.property(stored, level, level, (columns, a, b) => {
        const distribution = distributionFromStored(columns);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(quantileAt(distribution, lo)).toBeGreaterThanOrEqual(0);
        expect(quantileAt(distribution, hi)).toBeGreaterThanOrEqual(quantileAt(distribution, lo) - EPS);
        const planned = [planQuantity({ distribution, level: lo }), planQuantity({ distribution, level: hi })];
        expect(planned[1].portions).toBeGreaterThanOrEqual(planned[0].portions);
        expect(planned[0].portions).toBeGreaterThanOrEqual(planned[0].quantile - EPS);
        expect(planned[0].portions).toBeLessThan(planned[0].quantile + 1);
      }),
    );
  });
});

describe('pack rounding (properties)', () => {
  it('buys at least the need, less than one extra pack unless the minimum order forces more, never below the minimum', () => {
    const packSize = fc.constantFrom(0.5, 1, 2.5, 5, 10, 25, 50);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 10_000, noNaN: true }), packSize, fc.integer({ min: 1, max: 5 }), (quantity, size, minOrderPacks) => {
        const packs = packsFor({ quantity, packSize: size, minOrderPacks });
        expect(Number.isInteger(packs)).toBe(true);
        expect(packs).toBeGreaterThanOrEqual(minOrderPacks);
        expect(packs * size).toBeGreaterThanOrEqual(quantity - EPS);
        if (packs > minOrderPacks) expect(packs * size).toBeLessThan(quantity + size + EPS);
      }),
    );
    expect(packsFor({ quantity: 0, packSize: 10, minOrderPacks: 3 })).toBe(0);
  });
});

const ingredient = fc.record({
  shelfLifeDays: fc.integer({ min: 1, max: 30 }),
  storage: fc.constantFrom('chilled' as const, 'ambient' as const, 'frozen' as const),
});
const supplierItem = fc.record({
  packSize: fc.constantFrom(1, 2.5, 5, 10, 25),
  minOrderPacks: fc.integer({ min: 1, max: 3 }),
  leadTimeDays: fc.integer({ min: 0, max: 3 }),
  deliveryWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  packPriceFen: fc.integer({ min: 100, max: 100_000 }),
});
const needs = fc.uniqueArray(fc.record({ date, quantity: fc.double({ min: 0.01, max: 500, noNaN: true }) }), { selector: (need) => need.date, minLength: 1, maxLength: 14 });
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('purchase planning and shelf-life splitting (properties)', () => {
  it('buys every need once, in whole packs, and never plans a delivery for days past its shelf life', () => {
    fc.assert(
      fc.property(ingredient, fc.array(supplierItem, { minLength: 1, maxLength: 3 }), needs, (shape, sources, dayNeeds) => {
        const food: IngredientInfo = { id: 1, unit: 'kg', ...shape };
        const supplierItems = sources.map((source, index) => item({ id: 100 + index, supplierId: index + 1, ingredientId: 1, ...source }));
        const catalogue = fixtureCatalogue({
          ingredients: [food],
          supplierItems,
          prices: sources.map((source, index) => ({ supplierItemId: 100 + index, validFrom: '2026-01-01', packPriceFen: source.packPriceFen })),
        });
        const { batches, unmet } = planIngredientPurchases({ canteenId: 1, ingredient: food, needs: dayNeeds, catalogue, now: { date: '2026-11-16', time: '09:00' } });
        const total = sum(dayNeeds.map((need) => need.quantity));
        const sized = sum(batches.map((batch) => batch.neededQuantity)) + sum(unmet.map((need) => need.quantity));
        const surplus = sum(batches.map((batch) => batch.surplusQuantity));
        // What deliveries were sized for, plus what could not be bought, is the need less what earlier rounding surplus covered.
        expect(sized).toBeLessThanOrEqual(total + EPS);
        expect(sized + surplus).toBeGreaterThanOrEqual(total - EPS);
        for (const batch of batches) {
          expect(batch.packs).toBeGreaterThanOrEqual(1);
          expect(batch.packs * batch.packSize).toBeCloseTo(batch.neededQuantity + batch.surplusQuantity, 6);
          expect(batch.coversTo >= batch.coversFrom).toBe(true);
          expect(daysBetween(batch.coversFrom, batch.coversTo)).toBeLessThan(coverDays(food));
          if (!batch.late) expect(batch.deliveryDate <= batch.coversFrom).toBe(true);
          // only the first day of a delivery that cannot come fresher may lie past its shelf life
          const freshUntil = addDays(batch.deliveryDate, usableDays(food) - 1);
          if (batch.coversTo > batch.coversFrom) expect(batch.coversTo <= freshUntil).toBe(true);
          expect(batch.beyondShelfLife).toBe(!batch.late && batch.coversFrom > freshUntil);
        }
      }),
    );
  });

  it('prices every order line and values its surplus by the one rule, lines merged from several batches too', () => {
    fc.assert(
      fc.property(ingredient, fc.array(supplierItem, { minLength: 1, maxLength: 3 }), needs, (shape, sources, dayNeeds) => {
        const food: IngredientInfo = { id: 1, unit: 'kg', ...shape };
        const catalogue = fixtureCatalogue({
          ingredients: [food],
          supplierItems: sources.map((source, index) => item({ id: 100 + index, supplierId: index + 1, ingredientId: 1, ...source })),
          prices: sources.map((source, index) => ({ supplierItemId: 100 + index, validFrom: '2026-01-01', packPriceFen: source.packPriceFen })),
        });
        // Too late to order: every need falls on the same earliest deliveries, whose batches merge into one line.
        const { batches } = planIngredientPurchases({ canteenId: 1, ingredient: food, needs: dayNeeds, catalogue, now: { date: addDays(WEEK_START, 6), time: '09:00' } });
        for (const line of groupPurchaseOrders(batches).flatMap((order) => order.lines)) {
          expect(line.amountFen).toBe(lineAmountFen(line.packs, line.packPriceFen));
          expect(line.surplusQuantity).toBe(surplusQuantity(line));
          expect(line.surplusFen).toBe(surplusValueFen(line));
        }
      }),
    );
  });

  it('splits the need exactly when packs of one unit leave no rounding surplus', () => {
    fc.assert(
      fc.property(ingredient, fc.integer({ min: 0, max: 3 }), needs, (shape, leadTimeDays, dayNeeds) => {
        const food: IngredientInfo = { id: 1, unit: 'kg', ...shape };
        const whole = dayNeeds.map((need) => ({ date: need.date, quantity: Math.ceil(need.quantity) }));
        const catalogue = fixtureCatalogue({
          ingredients: [food],
          supplierItems: [item({ id: 100, ingredientId: 1, packSize: 1, leadTimeDays })],
          prices: [{ supplierItemId: 100, validFrom: '2026-01-01', packPriceFen: 500 }],
        });
        const { batches, unmet } = planIngredientPurchases({ canteenId: 1, ingredient: food, needs: whole, catalogue, now: { date: '2026-11-16', time: '09:00' } });
        expect(unmet).toEqual([]);
        expect(sum(batches.map((batch) => batch.packs))).toBe(sum(whole.map((need) => need.quantity)));
        for (const need of whole) expect(batches.filter((batch) => batch.coversFrom <= need.date && need.date <= batch.coversTo)).toHaveLength(1);
      }),
    );
  });
});

const lot = fc
  .record({
    quantity: fc.double({ min: 0, max: 300, noNaN: true }),
    from: fc.integer({ min: 0, max: 10 }),
    life: fc.integer({ min: 1, max: 10 }),
    source: fc.constantFrom('count' as const, 'order' as const, 'surplus' as const),
  })
  .map((entry): StockLot => ({ quantity: entry.quantity, availableFrom: addDays(WEEK_START, entry.from), usableUntil: addDays(WEEK_START, entry.from + entry.life - 1), source: entry.source }));

describe('stock netting (properties)', () => {
  it('never leaves stock or net needs negative, and what stock gives plus what is bought is the need', () => {
    fc.assert(
      fc.property(fc.array(lot, { maxLength: 6 }), needs, (lots, dayNeeds) => {
        const before = lots.map((entry) => ({ ...entry }));
        const { net, fromStock, remainingLots } = netRequirements({ needs: dayNeeds, lots });
        expect(lots).toEqual(before);
        for (const entry of [...net, ...remainingLots]) expect(entry.quantity).toBeGreaterThanOrEqual(0);
        expect(fromStock).toBeGreaterThanOrEqual(-EPS);
        expect(fromStock).toBeLessThanOrEqual(sum(lots.map((entry) => entry.quantity)) + EPS);
        expect(fromStock + sum(net.map((need) => need.quantity))).toBeCloseTo(sum(dayNeeds.map((need) => need.quantity)), 6);
        expect(sum(remainingLots.map((entry) => entry.quantity)) + fromStock).toBeCloseTo(sum(lots.map((entry) => entry.quantity)), 6);
      }),
    );
  });

  it('opening stock is the count plus deliveries less use, never negative', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0, max: 500, noNaN: true })),
        fc.array(fc.record({ deliveryDate: date, quantity: fc.double({ min: -10, max: 300, noNaN: true }) }), { maxLength: 5 }),
        fc.double({ min: -50, max: 2000, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (counted, deliveries, used, shelfLifeDays) => {
          const lots = openingLots({ count: counted === null ? null : { countedOn: WEEK_START, quantity: counted }, usedSinceCount: used, deliveries, shelfLifeDays });
          const supply = (counted ?? 0) + sum(deliveries.map((delivery) => Math.max(0, delivery.quantity)));
          for (const entry of lots) expect(entry.quantity).toBeGreaterThan(0);
          expect(sum(lots.map((entry) => entry.quantity))).toBeCloseTo(Math.max(0, supply - Math.max(0, used)), 6);
        },
      ),
    );
  });
});
