import { selectOnline } from './online-selection';

describe('online selection', () => {
  // Forty service days; model "steady" misses every day by 2, model "restart" by 10 — except on the
  // first 25 days, forecast from before a long break, where "restart" is exact and "steady" misses by 20.
  const count = 40;
  const days = Int32Array.from({ length: count }, (_, i) => 30_000 + i);
  const actual = new Float64Array(count).fill(100);
  const origins = days.map((day) => day - 1);
  const thin = (i: number) => i < 25;
  const candidates = new Map([
    ['steady', Float64Array.from(days, (_, i) => (thin(i) ? 120 : 102))],
    ['restart', Float64Array.from(days, (_, i) => (thin(i) ? 100 : 110))],
  ]);
  const thinlyInformed = Uint8Array.from(days, (_, i) => (thin(i) ? 1 : 0));

  it('ranks the models on the errors of informed forecasts once there are any', () => {
    const { chosen } = selectOnline({ days, actual, origins, candidates, levels: [0.5], thinlyInformed });
    // Days 26-29 know one to four informed errors: "steady" is better on every one of them.
    expect(chosen.slice(26, 40)).toEqual(new Array(14).fill('steady'));
    // Read on every error, the 25 days of the restart keep "restart" ahead for the rest of the window.
    expect(selectOnline({ days, actual, origins, candidates, levels: [0.5] }).chosen.slice(26, 40)).toEqual(new Array(14).fill('restart'));
  });

  it('ranks on every known error while no informed one is known', () => {
    const { chosen } = selectOnline({ days, actual, origins, candidates, levels: [0.5], thinlyInformed });
    // Days 1-25 know only the restart's errors, on which "restart" is exact.
    expect(chosen.slice(1, 26)).toEqual(new Array(25).fill('restart'));
    // The first day knows nothing: the first candidate.
    expect(chosen[0]).toBe('steady');
  });
});
