import { historyOrigins } from './first-start.service';

describe('the forecast history of a first start', () => {
  it('forecasts each of the last weeks from the Sunday before it, the current week first', () => {
    // Friday 2026-12-04: the week of 11-30 has begun, so it is the first.
    expect(historyOrigins('2026-12-04', 4)).toEqual(['2026-11-29', '2026-11-22', '2026-11-15', '2026-11-08']);
    // A Sunday's data day closes its week: that week is still the newest.
    expect(historyOrigins('2026-12-06', 2)).toEqual(['2026-11-29', '2026-11-22']);
    expect(historyOrigins('2026-12-07', 1)).toEqual(['2026-12-06']);
  });
});
