import { randomSource } from '../testing/synthetic';
import { parseIsoDate } from '../core/iso-date';
import { quantileOfSorted } from '../core/quantiles';
import { ConformalCalibrator, conformalQuantiles, ConformalSeries, errorScales } from './conformal';
import { computeMetrics } from './metrics';
import { thinlyInformedDays, unusualDays } from './unusual-days';

const LEVELS = [0.1, 0.5, 0.9];

/** A forecast of 100 every day and actuals 100 × (1 + scale × noise), the scale changing at day `switchAt`. */
function drifting(seed: string, scales: readonly [number, number], switchAt: number, count: number): ConformalSeries {
  const random = randomSource(seed);
  const days = Int32Array.from({ length: count }, (_, i) => 20_000 + i);
  const actual = Float64Array.from(days, (_, i) => 100 * (1 + (i < switchAt ? scales[0] : scales[1]) * random.normal()));
  return { days, actual, point: new Float64Array(count).fill(100) };
}

function coverage(series: ConformalSeries, quantiles: Map<number, Float64Array>, from: number, to = series.days.length): number {
  const low = quantiles.get(0.1)!;
  const high = quantiles.get(0.9)!;
  let inside = 0;
  for (let i = from; i < to; i++) inside += series.actual[i] >= low[i] && series.actual[i] <= high[i] ? 1 : 0;
  return inside / (to - from);
}

function meanWidth(quantiles: Map<number, Float64Array>, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += quantiles.get(0.9)![i] - quantiles.get(0.1)![i];
  return total / (to - from);
}

describe('adaptive conformal band', () => {
  it('widens the band of a series whose bands keep missing and narrows one whose bands always hold', () => {
    const series = drifting('levels', [0.1, 0.1], 0, 300);
    const calibrator = new ConformalCalibrator([series, series], 7);
    for (let day = 20_000; day < 20_100; day++) {
      calibrator.recordBand(0, day, 1);
      calibrator.recordBand(1, day, 0);
    }
    const before = calibrator.levelsFor(0, 19_999, LEVELS);
    const missing = calibrator.levelsFor(0, 20_100, LEVELS);
    const holding = calibrator.levelsFor(1, 20_100, LEVELS);
    expect([...before]).toEqual(LEVELS);
    expect(missing[0]).toBeLessThan(0.1);
    expect(missing[2]).toBeGreaterThan(0.9);
    expect(holding[0]).toBeGreaterThan(0.1);
    expect(holding[2]).toBeLessThan(0.9);
    // The median stays the median; an outcome after the origin changes nothing.
    expect(missing[1]).toBeCloseTo(0.5, 12);
    expect(calibrator.levelsFor(0, 20_004, LEVELS)[2]).toBeLessThan(calibrator.levelsFor(0, 20_009, LEVELS)[2]);
  });

  it('reads the levels past the band at their own place in the sample, never inside the band', () => {
    const series = drifting('tails', [0.1, 0.1], 0, 300);
    const calibrator = new ConformalCalibrator([series, series], 7);
    for (let day = 20_000; day < 20_010; day++) calibrator.recordBand(0, day, 1);
    const sample = Float64Array.from({ length: 200 }, (_, k) => (k - 100) / 100).sort();
    const levels = [0.02, 0.1, 0.5, 0.9, 0.95, 0.99];
    const nominal = (level: number) => quantileOfSorted(sample, level);
    const read = (s: number) => [...calibrator.relativeQuantiles({ s, origin: 20_010, sample, levels, unusual: false, into: new Float64Array(levels.length) })];
    const [low2, low10, median, high90, high95, high99] = read(0);
    // The band widened: its edges read past the sample's 10 % and 90 %, beyond its 95 % …
    expect(high90).toBeGreaterThan(nominal(0.95));
    expect(low10).toBeLessThan(nominal(0.05));
    expect(median).toBeCloseTo(nominal(0.5), 12);
    // … so p95 sits at the edge, while p99 and p2 keep their own place (not the sample's extremes).
    expect(high95).toBe(high90);
    expect(high99).toBe(nominal(0.99));
    expect(high99).toBeLessThan(sample[sample.length - 1]);
    expect(low2).toBe(nominal(0.02));
    // A series whose band never moved reads every level at its nominal place.
    expect(read(1)).toEqual(levels.map(nominal));
    expect(() => calibrator.relativeQuantiles({ s: 0, origin: 20_010, sample, levels: [0.5, 0.95], unusual: false, into: new Float64Array(2) })).toThrow(/p10–p90 band/);
  });

  it.each([
    ['calm then busy', [0.05, 0.2] as const],
    ['busy then calm', [0.2, 0.05] as const],
  ])('keeps the p10–p90 band near 80 %% after the errors change scale (%s)', (_, scales) => {
    const series = drifting(`drift-${scales.join('-')}`, scales, 400, 700);
    const { quantiles } = conformalQuantiles({ series: [series], lead: 7, levels: LEVELS, fromDay: Number.NEGATIVE_INFINITY });
    // Over the 300 days after the change; without any adaptation the calm-then-busy case covers about 53 %.
    const after = coverage(series, quantiles[0], 400);
    expect(after).toBeGreaterThan(0.72);
    expect(after).toBeLessThan(0.88);
  });
});

describe('bands of a sparse count', () => {
  it('are steered on the coverage with ties spread, so the days without a sale do not narrow them', () => {
    // A dish that sells nothing on most days (one on about 10 %, two on 5 %), forecast at its mean.
    const random = randomSource('sparse');
    const count = 600;
    const days = Int32Array.from({ length: count }, (_, i) => 20_000 + i);
    const actual = Float64Array.from(days, () => {
      const draw = random.uniform();
      return draw < 0.85 ? 0 : draw < 0.95 ? 1 : 2;
    });
    const levels = [0.1, 0.5, 0.8, 0.9];
    const { quantiles } = conformalQuantiles({ series: [{ days, actual, point: new Float64Array(count).fill(0.2) }], lead: 7, levels, fromDay: Number.NEGATIVE_INFINITY });
    const scored = new Map(levels.map((level) => [level, quantiles[0].get(level)!.subarray(300)]));
    const metrics = computeMetrics({ actual: actual.subarray(300), point: new Float64Array(300), quantiles: scored });
    expect(metrics.tieCoverage80!).toBeGreaterThan(0.76);
    expect(metrics.tieCoverage80!).toBeLessThan(0.88);
    // Steered on the plain coverage (every day without a sale a sure hit), the band narrowed until p90
    // fell below one on nine days in ten, though 15 % of days sell one or more (ties spread: 71 %).
    let p90ReachesOne = 0;
    for (let i = 300; i < count; i++) p90ReachesOne += quantiles[0].get(0.9)![i] >= 1 ? 1 : 0;
    expect(p90ReachesOne).toBeGreaterThan(200);
  });
});

describe('quantiles of counts', () => {
  /** Units sold of an item averaging `mean` a day (a Poisson draw), forecast at that mean. */
  function sold(mean: number, seed: string): ConformalSeries {
    const random = randomSource(seed);
    const count = 400;
    const days = Int32Array.from({ length: count }, (_, i) => 20_000 + i);
    // Inverse transform: the first count whose cumulative Poisson probability reaches a uniform draw.
    const actual = Float64Array.from(days, () => {
      const draw = random.uniform();
      let units = 0;
      let probability = Math.exp(-mean);
      let cumulative = probability;
      while (draw > cumulative) {
        probability *= mean / ++units;
        cumulative += probability;
      }
      return units;
    });
    return { days, actual, point: new Float64Array(count).fill(mean) };
  }

  it('are whole numbers where every quantity is one, and keep their fractions otherwise', () => {
    const counts = sold(3, 'whole');
    const amounts = { ...counts, actual: counts.actual.map((units) => units * 2.35) };
    const { quantiles } = conformalQuantiles({ series: [counts, amounts], lead: 7, levels: LEVELS, fromDay: Number.NEGATIVE_INFINITY });
    const scored = (s: number) => LEVELS.flatMap((level) => [...quantiles[s].get(level)!.subarray(100)]);
    expect(scored(0).every(Number.isInteger)).toBe(true);
    expect(scored(1).some((value) => !Number.isInteger(value))).toBe(true);
  });

  it('keep a sparse item calibrated: about 80 % of days inside p10–p90 with ties spread', () => {
    // One sale on about one day in six: whole-number bands tie with most days, and the ties must count by their share.
    const item = sold(0.18, 'sparse-whole');
    // The forecast moves from day to day around the item's rate, as a model's does.
    const random = randomSource('sparse-forecast');
    const forecast = { ...item, point: item.point.map((rate) => rate * (0.5 + random.uniform())) };
    const levels = [0.1, 0.5, 0.8, 0.9];
    const { quantiles } = conformalQuantiles({ series: [forecast], lead: 7, levels, fromDay: Number.NEGATIVE_INFINITY });
    const scored = new Map(levels.map((level) => [level, quantiles[0].get(level)!.subarray(150)]));
    const metrics = computeMetrics({ actual: item.actual.subarray(150), point: new Float64Array(250), quantiles: scored });
    expect(metrics.tieCoverage80!).toBeGreaterThan(0.75);
    expect(metrics.tieCoverage80!).toBeLessThan(0.85);
    expect([...scored.get(0.9)!].every(Number.isInteger)).toBe(true);
  });
});

describe('bands by day class', () => {
  /** Calm days (5 % noise) with a served break of 60 days (40 % noise) flagged unusual, or not flagged. */
  function withBreak(flagged: boolean): ConformalSeries {
    const random = randomSource('break');
    const count = 560;
    const days = Int32Array.from({ length: count }, (_, i) => 20_000 + i);
    const inBreak = (i: number) => i >= 300 && i < 360;
    const actual = Float64Array.from(days, (_, i) => 100 * (1 + (inBreak(i) ? 0.4 : 0.05) * random.normal()));
    const unusual = flagged ? Uint8Array.from(days, (_, i) => (inBreak(i) ? 1 : 0)) : undefined;
    return { days, actual, point: new Float64Array(count).fill(100), unusual };
  }

  it("keeps the ordinary days' band near 80 % in the eight weeks after a break whose days are unusual", () => {
    const run = (series: ConformalSeries) => conformalQuantiles({ series: [series], lead: 7, levels: LEVELS, fromDay: Number.NEGATIVE_INFINITY }).quantiles[0];
    const flagged = withBreak(true);
    const unflagged = withBreak(false);
    const [apart, mixed] = [run(flagged), run(unflagged)];
    const weeksAfter = [367, 423] as const;
    expect(coverage(flagged, apart, ...weeksAfter)).toBeGreaterThan(0.72);
    expect(coverage(flagged, apart, ...weeksAfter)).toBeLessThan(0.9);
    // Read as ordinary days, the break's errors make the bands after it several times too wide.
    expect(coverage(unflagged, mixed, ...weeksAfter)).toBeGreaterThan(0.95);
    expect(meanWidth(mixed, ...weeksAfter)).toBeGreaterThan(3 * meanWidth(apart, ...weeksAfter));
    // The break's own days still get the wide bands their errors call for.
    expect(meanWidth(apart, 340, 360)).toBeGreaterThan(3 * meanWidth(apart, ...weeksAfter));
  });
});

describe('thinly informed forecasts', () => {
  /** Mondays to Fridays from `from` for `weeks` weeks. */
  const weekdays = (from: string, weeks: number) => Array.from({ length: weeks * 7 }, (_, k) => parseIsoDate(from) + k).filter((_, k) => k % 7 < 5);

  it("keep the median of the second term's last eight weeks in the middle of its sales", () => {
    // Two school terms of 16 weeks a year apart; six series with 8 % noise around 100. The forecasts made
    // from the break or a term's first weeks (a model without its data) are 25 % low; the rest are right.
    const days = Int32Array.from([...weekdays('2025-09-01', 16), ...weekdays('2026-09-07', 16)]);
    const lead = 14;
    const thin = unusualDays(
      days,
      undefined,
      thinlyInformedDays(days, (i) => days[i] - lead),
    );
    const random = randomSource('terms');
    const series = Array.from({ length: 6 }, () => ({
      days,
      actual: Float64Array.from(days, () => 100 * (1 + 0.08 * random.normal())),
      point: Float64Array.from(days, (_, i) => (thin[i] ? 75 : 100)),
    }));
    const scored = (unusual: Uint8Array) => {
      const { quantiles } = conformalQuantiles({ series: series.map((entry) => ({ ...entry, unusual })), lead, levels: LEVELS, fromDay: Number.NEGATIVE_INFINITY });
      let above = 0;
      series.forEach((entry, s) => {
        for (let i = days.length - 40; i < days.length; i++) above += entry.actual[i] > quantiles[s].get(0.5)![i] ? 1 : 0;
      });
      return { above: above / (40 * series.length) };
    };
    const apart = scored(thin);
    expect(apart.above).toBeGreaterThan(0.4);
    expect(apart.above).toBeLessThan(0.6);
    // Read as ordinary errors, the low forecasts lift the median: sales fall below it on about three days in four.
    expect(scored(unusualDays(days)).above).toBeLessThan(0.35);
  });
});

describe('recalibration of the levels', () => {
  it("learns only from bands read off their own class's errors: a short backtest after a break keeps the median in the middle", () => {
    // The product's backtest: eleven weeks of Mondays to Fridays at lead 14, six series with 8 % noise
    // around 100. The first three weeks follow a break (unusual) and were forecast 25 % low; the rest right.
    const days = Int32Array.from({ length: 77 }, (_, k) => parseIsoDate('2026-09-07') + k).filter((day) => (day - parseIsoDate('2026-09-07')) % 7 < 5);
    const lead = 14;
    const unusual = Uint8Array.from(days, (_, i) => (i < 15 ? 1 : 0));
    const random = randomSource('short-backtest');
    const series = Array.from({ length: 6 }, () => ({
      days,
      actual: Float64Array.from(days, () => 100 * (1 + 0.08 * random.normal())),
      point: Float64Array.from(days, (_, i) => (unusual[i] ? 75 : 100)),
      unusual,
    }));
    const calibrator = new ConformalCalibrator(series, lead);
    conformalQuantiles({ series, lead, levels: LEVELS, fromDay: Number.NEGATIVE_INFINITY, calibrator });
    const lastDay = days[days.length - 1];
    // Bands of the ordinary days before they had 40 errors of their own were read off the break's errors,
    // whose low forecasts put every later actual low in them: learnt from, the median sat near level 0.06.
    const [, median] = calibrator.levelsFor(0, lastDay, LEVELS);
    expect(median).toBeGreaterThan(0.45);
    expect(median).toBeLessThan(0.55);
  });
});

describe('error scale', () => {
  it('is the forecast, but never below half the mean of the last 28 days known at the origin', () => {
    const days = Int32Array.from({ length: 60 }, (_, i) => 20_000 + i);
    const actual = Float64Array.from(days, (_, i) => (i < 30 ? 4 : 100));
    const point = Float64Array.from(days, (_, i) => (i === 40 ? 150 : 0.1));
    const scales = errorScales({ days, actual, point }, 7);
    expect(scales[0]).toBe(0.1); // nothing known yet
    expect(scales[20]).toBeCloseTo(2, 12); // days 0-13 known: mean 4
    expect(scales[40]).toBe(150); // the forecast itself when larger
    expect(scales[36]).toBeCloseTo(2, 12); // days 1-29 known, the last 28 all 4
    expect(scales[59]).toBeCloseTo(0.5 * ((5 * 4 + 23 * 100) / 28), 12); // days 25-52 known: five of 4, 23 of 100
  });

  it("keeps a day's band near its forecast when the same series had near-zero forecasts on other days", () => {
    const random = randomSource('mixed');
    const count = 400;
    const days = Int32Array.from({ length: count }, (_, i) => 20_000 + i);
    const actual = Float64Array.from(days, () => 8 + Math.floor(7 * random.uniform()));
    // Every other day the model (wrongly) forecast almost nothing: relative to 0.05, each sale is an error of thousands of percent.
    const point = Float64Array.from(days, (_, i) => (i % 2 === 0 ? 12 : 0.05));
    const { quantiles } = conformalQuantiles({ series: [{ days, actual, point }], lead: 7, levels: [0.1, 0.5, 0.9], fromDay: Number.NEGATIVE_INFINITY });
    for (let i = 300; i < count; i += 2) {
      expect(quantiles[0].get(0.5)![i]).toBeLessThan(24);
      expect(quantiles[0].get(0.9)![i]).toBeLessThan(48);
    }
  });
});
