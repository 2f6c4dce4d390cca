import { noneUsable } from './none-usable';
import type { StockLot } from './stock-netting';

const lot = (quantity: number, availableFrom: string, usableUntil: string): StockLot => ({ quantity, availableFrom, usableUntil, source: 'count' });
const DAY = '2026-11-20';

describe('why a stock line has nothing usable', () => {
  it('says nothing while some stock is usable on the day', () => {
    expect(noneUsable({ lots: [lot(4, '2026-11-13', '2026-11-25')], date: DAY, counted: 10, received: 0 })).toBeNull();
  });

  it('names the last usable day of stock past its shelf life', () => {
    const lots = [lot(2, '2026-11-13', '2026-11-15'), lot(3, '2026-11-16', '2026-11-18')];
    expect(noneUsable({ lots, date: DAY, counted: 10, received: 5 })).toEqual({ reason: 'past-shelf-life', usableUntil: '2026-11-18' });
  });

  it('tells apart an ingredient never counted, one counted as none and one used up', () => {
    expect(noneUsable({ lots: [], date: DAY, counted: null, received: 0 })?.reason).toBe('not-counted');
    expect(noneUsable({ lots: [], date: DAY, counted: 0, received: 0 })?.reason).toBe('counted-none');
    expect(noneUsable({ lots: [], date: DAY, counted: 12, received: 0 })?.reason).toBe('used-up');
    expect(noneUsable({ lots: [], date: DAY, counted: null, received: 6 })?.reason).toBe('used-up');
  });

  it('does not count a delivery still to come as usable', () => {
    expect(noneUsable({ lots: [lot(8, '2026-11-23', '2026-11-30')], date: DAY, counted: null, received: 0 })?.reason).toBe('not-counted');
  });
});
