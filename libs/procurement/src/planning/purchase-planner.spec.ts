import { addDays, packsFor } from '@larder/domain';
import { fixtureCatalogue, fixtureInput, item, PORK, RICE, TOMATO, WEEK_START } from '../testing/planning-fixture';
import { planIngredientPurchases } from './purchase-planner';
import { lineAmountFen, surplusValueFen } from './order-rules';
import { groupPurchaseOrders } from './purchase-orders';

const EARLY = { date: '2026-11-16', time: '09:00' };
const week = (quantity: number) => Array.from({ length: 7 }, (_, day) => ({ date: addDays(WEEK_START, day), quantity }));

describe('pack rounding and minimum orders', () => {
  it('rounds up to whole packs and never below the minimum', () => {
    expect(packsFor({ quantity: 23, packSize: 25, minOrderPacks: 2 })).toBe(2);
    expect(packsFor({ quantity: 61, packSize: 25, minOrderPacks: 2 })).toBe(3);
    expect(packsFor({ quantity: 50, packSize: 25, minOrderPacks: 1 })).toBe(2);
    expect(packsFor({ quantity: 0, packSize: 25, minOrderPacks: 2 })).toBe(0);
  });

  it('orders the minimum when the need is smaller, and reports the rounding surplus', () => {
    const { batches } = planIngredientPurchases({ canteenId: 1, ingredient: RICE, needs: [{ date: WEEK_START, quantity: 23 }], catalogue: fixtureCatalogue(), now: EARLY });
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ packs: 2, packSize: 25, neededQuantity: 23, surplusQuantity: 27, packPriceFen: 12500, amountFen: 25000 });
  });
});

describe('shelf-life splitting', () => {
  it('buys a 3-day chilled ingredient for the days it is used: every delivery covers at most two days', () => {
    const { batches } = planIngredientPurchases({ canteenId: 1, ingredient: TOMATO, needs: week(10), catalogue: fixtureCatalogue(), now: EARLY });
    expect(batches.map((batch) => [batch.deliveryDate, batch.coversFrom, batch.coversTo, batch.packs])).toEqual([
      ['2026-11-23', '2026-11-23', '2026-11-24', 2],
      ['2026-11-25', '2026-11-25', '2026-11-26', 2],
      ['2026-11-27', '2026-11-27', '2026-11-28', 2],
      ['2026-11-29', '2026-11-29', '2026-11-29', 1],
    ]);
  });

  it('buys a long-life ambient ingredient for the whole week in one delivery', () => {
    const { batches } = planIngredientPurchases({ canteenId: 1, ingredient: RICE, needs: week(10), catalogue: fixtureCatalogue(), now: EARLY });
    // Rice comes on Tuesdays and Thursdays only: Monday's need forces the Thursday-before delivery.
    expect(batches.map((batch) => [batch.orderDate, batch.deliveryDate, batch.neededQuantity, batch.packs])).toEqual([['2026-11-17', '2026-11-19', 70, 3]]);
  });

  it('keeps the rounding surplus for later days while it stays usable', () => {
    const { batches } = planIngredientPurchases({
      canteenId: 1,
      ingredient: PORK,
      catalogue: fixtureCatalogue(),
      now: EARLY,
      needs: [
        { date: '2026-11-23', quantity: 3 },
        { date: '2026-11-24', quantity: 3 },
        { date: '2026-11-25', quantity: 3 },
        { date: '2026-11-28', quantity: 3 },
      ],
    });
    // Monday's delivery (2 packs of 5 kg) covers Monday, Tuesday and — from its 4 kg surplus — Wednesday; Saturday needs a new one.
    expect(batches.map((batch) => [batch.deliveryDate, batch.packs, batch.surplusQuantity])).toEqual([
      ['2026-11-23', 2, 4],
      ['2026-11-28', 1, 2],
    ]);
  });
});

describe('supplier choice and scheduling', () => {
  it('uses the price in force on the order day', () => {
    const { batches } = planIngredientPurchases({ canteenId: 1, ingredient: PORK, needs: [{ date: '2026-11-23', quantity: 4 }], catalogue: fixtureCatalogue(), now: EARLY });
    expect(batches[0]).toMatchObject({ orderDate: '2026-11-22', packPriceFen: 16000 });
    const october = planIngredientPurchases({
      canteenId: 1,
      ingredient: PORK,
      needs: [{ date: '2026-10-20', quantity: 4 }],
      catalogue: fixtureCatalogue(),
      now: { date: '2026-10-01', time: '09:00' },
    });
    expect(october.batches[0].packPriceFen).toBe(15000);
  });

  it('takes the cheapest source per unit needed among those that arrive in time and fresh', () => {
    const input = fixtureInput();
    const cheapBulk = item({ id: 104, supplierId: 4, ingredientId: 1, packSize: 20, minOrderPacks: 1, deliveryWeekdays: [1, 3, 5] });
    const catalogue = fixtureCatalogue({
      supplierItems: [...input.supplierItems, cheapBulk],
      prices: [...input.prices, { supplierItemId: 104, validFrom: '2026-01-01', packPriceFen: 10000 }],
    });
    // Monday needs 20 kg: 1 bulk pack at 100 yuan beats 2 packs at 60 yuan each.
    const monday = planIngredientPurchases({ canteenId: 1, ingredient: TOMATO, needs: [{ date: WEEK_START, quantity: 20 }], catalogue, now: EARLY });
    expect(monday.batches[0]).toMatchObject({ supplierItemId: 104, packs: 1 });
    // Tuesday needs 5 kg: the bulk supplier would deliver on Monday (fresh enough) but 1 pack of 10 kg costs less.
    const tuesday = planIngredientPurchases({ canteenId: 1, ingredient: TOMATO, needs: [{ date: '2026-11-24', quantity: 5 }], catalogue, now: EARLY });
    expect(tuesday.batches[0]).toMatchObject({ supplierItemId: 101, deliveryDate: '2026-11-24', packs: 1 });
  });

  it('orders what cannot arrive in time for the earliest delivery and flags it late', () => {
    const { batches } = planIngredientPurchases({
      canteenId: 1,
      ingredient: RICE,
      needs: [{ date: WEEK_START, quantity: 30 }],
      catalogue: fixtureCatalogue(),
      now: { date: '2026-11-19', time: '10:00' },
    });
    expect(batches[0]).toMatchObject({ late: true, deliveryDate: '2026-11-24', orderDate: '2026-11-22' });
  });

  it('groups lines into one order per supplier and delivery, with cost and rounding surplus', () => {
    const input = fixtureInput();
    const catalogue = fixtureCatalogue({ supplierItems: input.supplierItems.map((entry) => (entry.id === 103 ? { ...entry, supplierId: 1 } : entry)) });
    const tomato = planIngredientPurchases({
      canteenId: 1,
      ingredient: TOMATO,
      needs: [
        { date: WEEK_START, quantity: 12 },
        { date: '2026-11-25', quantity: 5 },
      ],
      catalogue,
      now: EARLY,
    });
    const pork = planIngredientPurchases({ canteenId: 1, ingredient: PORK, needs: [{ date: WEEK_START, quantity: 4 }], catalogue, now: EARLY });
    const orders = groupPurchaseOrders([...tomato.batches, ...pork.batches]);
    expect(orders.map((order) => [order.supplierId, order.deliveryDate, order.lines.length, order.totalFen])).toEqual([
      [1, '2026-11-23', 2, 2 * 6000 + 16000],
      [1, '2026-11-25', 1, 6000],
    ]);
    expect(orders[0].lines.find((line) => line.ingredientId === 1)).toMatchObject({ packs: 2, neededQuantity: 12, surplusQuantity: 8, surplusFen: 4800 });
    expect(orders[0].surplusFen).toBe(4800 + 3200);
    // Lines merged from several batches are priced and valued by the same rules as the stored plan's.
    for (const order of orders) {
      for (const line of order.lines) {
        expect(line.amountFen).toBe(lineAmountFen(line.packs, line.packPriceFen));
        expect(line.surplusFen).toBe(surplusValueFen(line));
        expect(line.surplusQuantity).toBeCloseTo(line.packs * line.packSize - line.neededQuantity, 9);
      }
      expect(order.totalFen).toBe(order.lines.reduce((sum, line) => sum + line.amountFen, 0));
      expect(order.surplusFen).toBe(order.lines.reduce((sum, line) => sum + line.surplusFen, 0));
    }
  });
});
