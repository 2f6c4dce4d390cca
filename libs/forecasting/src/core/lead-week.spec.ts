import { leadWeekDays, leadWeekOf } from './lead-week';

describe('weeks of the horizon', () => {
  it('puts 1–7 days ahead in week 0, 8–14 in week 1, and gives each week back its leads', () => {
    expect([1, 7, 8, 14, 15, 28].map(leadWeekOf)).toEqual([0, 0, 1, 1, 2, 3]);
    expect(leadWeekDays(1)).toEqual({ from: 8, to: 14 });
    for (let lead = 1; lead <= 28; lead++) {
      const { from, to } = leadWeekDays(leadWeekOf(lead));
      expect(lead).toBeGreaterThanOrEqual(from);
      expect(lead).toBeLessThanOrEqual(to);
    }
  });
});
