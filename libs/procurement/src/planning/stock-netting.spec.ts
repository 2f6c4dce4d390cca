import { netRequirements, openingLots } from './stock-netting';

describe('stock netting', () => {
  it('nets the latest count minus use since, plus deliveries ordered since', () => {
    const lots = openingLots({
      count: { countedOn: '2026-11-13', quantity: 40 },
      usedSinceCount: 30,
      deliveries: [{ deliveryDate: '2026-11-24', quantity: 25 }],
      shelfLifeDays: 365,
    });
    expect(lots.map((lot) => [lot.source, lot.quantity])).toEqual([
      ['count', 10],
      ['order', 25],
    ]);
    const { net, fromStock } = netRequirements({
      lots,
      needs: [
        { date: '2026-11-23', quantity: 15 },
        { date: '2026-11-24', quantity: 20 },
        { date: '2026-11-25', quantity: 12 },
      ],
    });
    // Monday: 10 from the count, 5 to buy; Tuesday: 20 of the 25 delivered; Wednesday: 5 left, 7 to buy.
    expect(net).toEqual([
      { date: '2026-11-23', quantity: 5 },
      { date: '2026-11-25', quantity: 7 },
    ]);
    expect(fromStock).toBeCloseTo(35, 9);
  });

  it('uses up the counted stock first when use since the count exceeds it', () => {
    const lots = openingLots({ count: { countedOn: '2026-11-13', quantity: 10 }, usedSinceCount: 14, deliveries: [{ deliveryDate: '2026-11-16', quantity: 20 }], shelfLifeDays: 100 });
    expect(lots.map((lot) => [lot.source, lot.quantity])).toEqual([['order', 16]]);
  });

  it('takes past use only from stock received by then, never from deliveries still to come', () => {
    const lots = openingLots({
      count: { countedOn: '2026-11-13', quantity: 10 },
      usedSinceCount: 14,
      usedUntil: '2026-11-22',
      deliveries: [{ deliveryDate: '2026-11-24', quantity: 20 }],
      shelfLifeDays: 100,
    });
    expect(lots.map((lot) => [lot.source, lot.quantity])).toEqual([['order', 20]]);
  });

  it('does not count perishable stock beyond its shelf life from the count day', () => {
    const lots = openingLots({ count: { countedOn: '2026-11-20', quantity: 8 }, usedSinceCount: 0, deliveries: [], shelfLifeDays: 3 });
    const { net } = netRequirements({
      lots,
      needs: [
        { date: '2026-11-22', quantity: 5 },
        { date: '2026-11-23', quantity: 5 },
      ],
    });
    expect(net).toEqual([{ date: '2026-11-23', quantity: 5 }]);
  });
});
