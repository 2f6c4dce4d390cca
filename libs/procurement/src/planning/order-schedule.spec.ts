import { item } from '../testing/planning-fixture';
import { canStillOrder, earliestDelivery, latestDeliveryBy, minutesOfDay } from './order-schedule';

describe('order and delivery scheduling', () => {
  const tueThu = item({ id: 1, ingredientId: 1, leadTimeDays: 2, deliveryWeekdays: [2, 4], orderCutoff: '12:00:00' });

  it("delivers only on the supplier's weekdays, as late as possible before the need", () => {
    // Need on Monday 2026-11-23: the last Tuesday/Thursday delivery before is Thursday 2026-11-19, ordered on Tuesday — too late on Wednesday 2026-11-18.
    expect(latestDeliveryBy({ item: tueThu, onOrBefore: '2026-11-23', now: { date: '2026-11-16', time: '09:00' } })).toBe('2026-11-19');
    expect(latestDeliveryBy({ item: tueThu, onOrBefore: '2026-11-23', now: { date: '2026-11-18', time: '09:00' } })).toBeNull();
    // Need on Wednesday 2026-11-25: Tuesday's delivery, ordered by Sunday.
    expect(latestDeliveryBy({ item: tueThu, onOrBefore: '2026-11-25', now: { date: '2026-11-19', time: '09:00' } })).toBe('2026-11-24');
  });

  it('respects the lead time and the order cut-off on the last order day', () => {
    expect(canStillOrder({ item: tueThu, deliveryDate: '2026-11-24', now: { date: '2026-11-22', time: '11:59' } })).toBe(true);
    expect(canStillOrder({ item: tueThu, deliveryDate: '2026-11-24', now: { date: '2026-11-22', time: '12:00' } })).toBe(false);
    expect(canStillOrder({ item: tueThu, deliveryDate: '2026-11-24', now: { date: '2026-11-23', time: '08:00' } })).toBe(false);
    expect(earliestDelivery({ item: tueThu, now: { date: '2026-11-22', time: '13:00' } })).toBe('2026-11-26');
    expect(minutesOfDay('16:30:00')).toBe(990);
  });
});
