import { approvalReasons, describeReasons, overrideReasons } from './plan-guards';
import type { SupplierItemInfo } from './planning-types';

const band = { levels: [0.1, 0.5, 0.9], values: [80, 100, 120] };
const item: SupplierItemInfo = { id: 1, supplierId: 1, ingredientId: 1, packSize: 1, minOrderPacks: 1, leadTimeDays: 2, deliveryWeekdays: [1, 2, 3, 4, 5], orderCutoff: '16:00' };

describe('plan guards', () => {
  it('asks about an override above the p99 × margin, and above seats × meals', () => {
    // p99 extends the p50–p90 slope: 120 + 50 × 0.09 = 124.5, × 1.5 → 187 portions.
    expect(overrideReasons({ portions: 187, distribution: band, seats: 400, mealsThatDay: 2 })).toEqual([]);
    expect(overrideReasons({ portions: 188, distribution: band, seats: 400, mealsThatDay: 2 })).toEqual([{ code: 'above-forecast', p99: 124.5, limit: 187 }]);
    expect(overrideReasons({ portions: 999_999, distribution: band, seats: 400, mealsThatDay: 2 }).map((reason) => reason.code)).toEqual(['above-forecast', 'above-capacity']);
    // Without a forecast only the seats bound it.
    expect(overrideReasons({ portions: 801, distribution: null, seats: 400, mealsThatDay: 2 })).toEqual([{ code: 'above-capacity', seats: 400, meals: 2, limit: 800 }]);
    expect(overrideReasons({ portions: 0, distribution: band, seats: 400, mealsThatDay: 2 })).toEqual([]);
  });

  it('warns when an order is past its cut-off or the week has begun', () => {
    const order = { orderDate: '2026-12-05', deliveryDate: '2026-12-07', items: [item] };
    expect(approvalReasons({ orders: [order], weekStart: '2026-12-07', now: { date: '2026-12-05', time: '15:59' } })).toEqual([]);
    expect(approvalReasons({ orders: [order], weekStart: '2026-12-07', now: { date: '2026-12-05', time: '16:00' } })).toEqual([{ code: 'past-cutoff', orders: 1, firstOrderDate: '2026-12-05' }]);
    const started = approvalReasons({ orders: [], weekStart: '2026-12-07', now: { date: '2026-12-07', time: '08:00' } });
    expect(started).toEqual([{ code: 'week-started', weekStart: '2026-12-07', today: '2026-12-07' }]);
    expect(describeReasons(started)).toBe('the week began on 2026-12-07 (today is 2026-12-07)');
  });
});
