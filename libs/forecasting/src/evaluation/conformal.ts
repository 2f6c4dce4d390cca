import { EpochDay } from '../core/iso-date';
import { inSeriesUnits, quantileOfSorted, wholeNumbersAsOf } from '../core/quantiles';
import { countUpTo } from '../core/service-series';
import { BAND_LEVELS, bandShare } from './metrics';
import { DatedErrors, LatestErrors, PooledWindow, sortsBefore } from './error-windows';

/** Past out-of-sample errors per series that calibrate a day's quantiles, and the pooled ones that fill in for short records. */
export const CALIBRATION_ERRORS = 240;
const POOL_WEIGHT = 30;
const POOL_DAYS = 56;
/** Fewer errors of a day's class than this calibrate it with every day's errors. */
const MIN_CLASS_ERRORS = 40;

export interface ConformalSeries {
  readonly days: Int32Array;
  readonly actual: Float64Array;
  /** Out-of-sample forecasts aligned with `days` (NaN where none). */
  readonly point: Float64Array;
  /** 1 on the days `unusualDays` sets apart; absent: every day is ordinary. */
  readonly unusual?: Uint8Array;
}

/**
 * Split-conformal quantiles on relative errors: for day t with origin t − lead, the forecast is
 * scaled by 1 + the level's quantile of (actual − forecast) / forecast over the series' latest
 * out-of-sample errors (up to 240) whose actual was known at the origin, blended with the same quantile over
 * every series' errors of the last weeks when the series' own record is short. Errors drift
 * (a calm month calibrates a busy one), so the levels themselves are recalibrated on how the
 * panel's bands of the last RECALIBRATION_DAYS did: a nominal 90 % level that was exceeded 14 % of
 * the time is moved to the level that was exceeded 10 % (quantile recalibration on the PIT values).
 * Nothing dated after the origin is used, so the coverage measured on later days is honest.
 * Calibration is split by class (Mondrian conformal): an ordinary day's band reads only ordinary
 * days' errors and outcomes, so a break's or a holiday week's large errors do not widen the bands
 * of the weeks after it; an unusual day's band reads every day's.
 */
export function conformalQuantiles(params: {
  series: readonly ConformalSeries[];
  lead: number;
  levels: readonly number[];
  /** Only days from here on get quantiles. */
  fromDay: EpochDay;
  /** Pass one to read its band outcomes afterwards (ConformalCalibrator.history). */
  calibrator?: ConformalCalibrator;
}): { quantiles: Map<number, Float64Array>[]; relative: Float64Array[][] } {
  const { series, lead, levels, fromDay } = params;
  const calibrator = params.calibrator ?? new ConformalCalibrator(series, lead);
  const samples = series.map((entry, s) => {
    const byDay = new Array<Float64Array>(entry.days.length).fill(new Float64Array(0));
    const cachedOrigin = [Number.NaN, Number.NaN];
    const cached: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
    for (let i = 0; i < entry.days.length; i++) {
      if (!Number.isFinite(entry.point[i])) continue;
      const origin = entry.days[i] - lead;
      const unusual = isUnusual(entry, i);
      const kind = unusual ? 1 : 0;
      if (origin !== cachedOrigin[kind]) {
        cachedOrigin[kind] = origin;
        cached[kind] = calibrator.sample(s, origin, unusual);
      }
      const sample = cached[kind];
      byDay[i] = sample;
      const scale = calibrator.scale(s, i);
      // A band read off another class's errors (too few of its own yet) says little of how this class's bands do.
      if (sample.length > 0 && scale > 0 && Number.isFinite(entry.actual[i]) && calibrator.hasOwnClassSample(s, origin, unusual)) {
        calibrator.recordPit(entry.days[i], pit(sample, (entry.actual[i] - entry.point[i]) / scale), unusual);
      }
    }
    return byDay;
  });
  const quantiles = series.map((entry) => new Map(levels.map((level) => [level, new Float64Array(entry.days.length).fill(Number.NaN)] as const)));
  const withBand = [...new Set([...levels, ...STEERING_LEVELS])].sort((a, b) => a - b);
  const values = new Float64Array(withBand.length);
  const relative = new Float64Array(withBand.length);
  const outputs = levels.map((level) => withBand.indexOf(level));
  const steering = STEERING_LEVELS.map((level) => withBand.indexOf(level));
  const steeringValues = new Float64Array(STEERING_LEVELS.length);
  series.forEach((entry, s) => {
    for (let i = 0; i < entry.days.length; i++) {
      if (!Number.isFinite(entry.point[i])) continue;
      const origin = entry.days[i] - lead;
      const unusual = isUnusual(entry, i);
      calibrator.relativeQuantiles({ s, origin, sample: samples[s][i], levels: withBand, unusual, into: relative });
      const scale = calibrator.scale(s, i);
      for (let k = 0; k < withBand.length; k++) values[k] = calibrator.quantileValue(s, origin, entry.point[i] + scale * relative[k]);
      if (entry.days[i] >= fromDay) levels.forEach((level, k) => (quantiles[s].get(level)![i] = values[outputs[k]]));
      if (samples[s][i].length > 0 && Number.isFinite(entry.actual[i]) && !unusual) {
        // A tie counts by its share (bandShare): a dish that sold nothing on a day with p10 = 0 is not simply "inside".
        steering.forEach((k, j) => (steeringValues[j] = values[k]));
        calibrator.recordBand(s, entry.days[i], 1 - bandShare(entry.actual[i], STEERING_LEVELS, steeringValues));
      }
    }
  });
  return { quantiles, relative: samples };
}

function isUnusual(entry: ConformalSeries, i: number): boolean {
  return entry.unusual !== undefined && entry.unusual[i] === 1;
}

/**
 * The levels a day's band outcome is read on (ties spread by them, `bandShare`): fixed, so that the
 * steering does not depend on which levels a caller asks for (a backtest tracing a plan curve on 99
 * of them steers as one asking for three); those of `larder backtest`'s default plan levels.
 */
const STEERING_LEVELS: readonly number[] = [BAND_LEVELS[0], 0.5, 0.8, BAND_LEVELS[1]];

/** The band whose coverage is steered (BAND_LEVELS: p10–p90) is missed by 20 % of days when calibrated. */
const BAND_MISS = 0.2;
/**
 * Step of the adaptive band (adaptive conformal inference, Gibbs & Candès 2021, on the band as a
 * whole): after each outcome the band's miss rate target moves by STEP × (0.2 − missed), so a
 * series whose bands keep missing widens them and one whose bands always hold narrows them.
 */
const ADAPT_STEP = 0.02;
const ADAPT_LIMITS = [0.02, 0.6] as const;

/** Per series, the adaptive band's miss target after each recorded outcome, in day order. */
class AdaptiveBand {
  private readonly days: number[] = [];
  private readonly targets: number[] = [];

  /** `missed`: how much of the day missed the band, 0 … 1 (a tie counts by its share). */
  record(day: EpochDay, missed: number): void {
    const previous = this.targets.length > 0 ? this.targets[this.targets.length - 1] : BAND_MISS;
    const next = previous + ADAPT_STEP * (BAND_MISS - missed);
    this.days.push(day);
    this.targets.push(Math.min(ADAPT_LIMITS[1], Math.max(ADAPT_LIMITS[0], next)));
  }

  /** The miss target from the outcomes of days ≤ origin. */
  targetAt(origin: EpochDay): number {
    const known = countUpTo(this.days, origin);
    return known === 0 ? BAND_MISS : this.targets[known - 1];
  }
}

/** Days of past bands whose outcomes recalibrate the levels, and the fewest outcomes worth using. */
const RECALIBRATION_DAYS = 120;
const MIN_RECALIBRATION_OUTCOMES = 100;
const PIT_BINS = 200;

/**
 * Where a realised error fell within the sample that calibrated its band (0 … 1). Ties count half
 * (mid-rank): an item that sells nothing on most days repeats one error value, and counting all of
 * them as below would read every such day as a high outcome and push the median into the sales.
 */
function pit(sorted: Float64Array, error: number): number {
  let below = 0;
  while (below < sorted.length && sorted[below] < error) below++;
  let equal = 0;
  while (below + equal < sorted.length && sorted[below + equal] === error) equal++;
  return (below + equal / 2 + 0.5) / (sorted.length + 1);
}

/** The PIT values of past bands, by day, and the levels that would have given the nominal frequencies. */
export class PitHistory {
  private readonly byDay = new Map<EpochDay, Int32Array>();
  private readonly cache = new Map<EpochDay, Float64Array>();
  private cachedLevels: readonly number[] = [];

  add(day: EpochDay, value: number): void {
    let bins = this.byDay.get(day);
    if (!bins) this.byDay.set(day, (bins = new Int32Array(PIT_BINS)));
    bins[Math.min(PIT_BINS - 1, Math.floor(value * PIT_BINS))]++;
    if (this.cache.size > 0) this.cache.clear();
  }

  /** For each nominal level, the level of the PIT distribution of the bands dated ≤ origin (the nominal one when too few). */
  levelsAt(origin: EpochDay, levels: readonly number[]): Float64Array {
    if (levels !== this.cachedLevels) {
      this.cache.clear();
      this.cachedLevels = levels;
    }
    let cached = this.cache.get(origin);
    if (cached) return cached;
    const counts = new Float64Array(PIT_BINS);
    let total = 0;
    for (const [day, bins] of this.byDay) {
      if (day > origin || day <= origin - RECALIBRATION_DAYS) continue;
      for (let b = 0; b < PIT_BINS; b++) counts[b] += bins[b];
      for (let b = 0; b < PIT_BINS; b++) total += bins[b];
    }
    cached = Float64Array.from(levels, (level) => (total < MIN_RECALIBRATION_OUTCOMES ? level : pitQuantile(counts, total, level)));
    this.cache.set(origin, cached);
    return cached;
  }
}

function pitQuantile(counts: Float64Array, total: number, level: number): number {
  const target = level * total;
  let cumulative = 0;
  for (let b = 0; b < counts.length; b++) {
    if (cumulative + counts[b] >= target) {
      const within = counts[b] > 0 ? (target - cumulative) / counts[b] : 0;
      return Math.min(0.995, Math.max(0.005, (b + within) / counts.length));
    }
    cumulative += counts[b];
  }
  return 0.995;
}

/** The relative errors that calibrate a series' quantiles at an origin (see conformalQuantiles). */
export class ConformalCalibrator {
  /** Per series, every day's errors, the ordinary days' and the unusual days'. */
  private readonly errors: DatedErrors[];
  private readonly ordinaryErrors: DatedErrors[];
  private readonly unusualErrors: DatedErrors[];
  /** Per series, its latest CALIBRATION_ERRORS errors of every day, of ordinary days, of unusual days, sorted. */
  private readonly latest: LatestErrors[];
  private readonly latestOrdinary: LatestErrors[];
  private readonly latestUnusual: LatestErrors[];
  private readonly pooled: (origin: EpochDay) => Float64Array;
  private readonly pooledOrdinary: (origin: EpochDay) => Float64Array;
  private readonly pooledUnusual: (origin: EpochDay) => Float64Array;
  /** Outcomes of the bands built so far (fed by conformalQuantiles): every day's, the ordinary days'. */
  private readonly history = new PitHistory();
  private readonly ordinaryHistory = new PitHistory();
  /** Steered by the ordinary days' outcomes only. */
  private readonly bands: AdaptiveBand[];

  private readonly scales: Float64Array[];
  /** Per series: whether it records whole numbers as of an origin (wholeNumbersAsOf). */
  private readonly wholeNumbers: ((origin: EpochDay) => boolean)[];

  constructor(series: readonly ConformalSeries[], lead: number) {
    this.scales = series.map((entry) => errorScales(entry, lead));
    this.errors = series.map((entry, s) => relativeErrors(entry, this.scales[s], () => true));
    this.ordinaryErrors = series.map((entry, s) => (entry.unusual ? relativeErrors(entry, this.scales[s], (i) => !isUnusual(entry, i)) : this.errors[s]));
    this.unusualErrors = series.map((entry, s) => relativeErrors(entry, this.scales[s], (i) => isUnusual(entry, i)));
    this.latest = this.errors.map((dated) => new LatestErrors(dated, CALIBRATION_ERRORS));
    this.latestOrdinary = series.map((entry, s) => (entry.unusual ? new LatestErrors(this.ordinaryErrors[s], CALIBRATION_ERRORS) : this.latest[s]));
    this.latestUnusual = this.unusualErrors.map((dated) => new LatestErrors(dated, CALIBRATION_ERRORS));
    this.bands = series.map(() => new AdaptiveBand());
    this.wholeNumbers = series.map((entry) => wholeNumbersAsOf(entry.days, entry.actual));
    this.pooled = pooledErrors(this.errors);
    const classed = series.some((entry) => entry.unusual);
    this.pooledOrdinary = classed ? pooledErrors(this.ordinaryErrors) : this.pooled;
    this.pooledUnusual = classed ? pooledErrors(this.unusualErrors) : this.pooled;
  }

  /**
   * The levels to read from series `s`'s sample at `origin`: the nominal ones recalibrated on the
   * panel's past bands of the day's class, then spread around the median by the series' own adaptive band.
   */
  levelsFor(s: number, origin: EpochDay, levels: readonly number[], unusual = false): Float64Array {
    const recalibrated = (unusual ? this.history : this.ordinaryHistory).levelsAt(origin, levels);
    const spread = (1 - this.bands[s].targetAt(origin)) / (1 - BAND_MISS);
    if (spread === 1) return recalibrated;
    return recalibrated.map((level) => Math.min(0.995, Math.max(0.005, 0.5 + (level - 0.5) * spread)));
  }

  /**
   * The relative errors that place a day's quantiles at `levels` (ascending, holding the p10–p90 band's):
   * inside the band, the sample read at the levels of `levelsFor`; beyond it, the sample read at the
   * nominal level, but never inside the band (where the band widened past it, at the band's edge).
   * Spreading a tail level like the band's would read p95 … p99 off the sample's few largest errors
   * whenever the band widens (every level past 0.9 meets at the sample's top), and recalibrating it on
   * a hundred outcomes cannot place it; moving the tail with the band's edge followed its swings too
   * (more leftover at a 1–2 % shortfall on LH, Kiel and Recruit; docs/BENCHMARKS.md).
   */
  relativeQuantiles(params: { s: number; origin: EpochDay; sample: Float64Array; levels: readonly number[]; unusual: boolean; into: Float64Array }): Float64Array {
    const { sample, levels, into } = params;
    const lowEdge = levels.indexOf(BAND_LEVELS[0]);
    const highEdge = levels.indexOf(BAND_LEVELS[1]);
    if (lowEdge < 0 || highEdge < 0) throw new Error(`conformal: the levels must hold the p10–p90 band (${BAND_LEVELS.join(', ')}), got ${levels.join(', ')}`);
    const adjusted = this.levelsFor(params.s, params.origin, levels, params.unusual);
    for (let k = lowEdge; k <= highEdge; k++) into[k] = quantileOfSorted(sample, adjusted[k]);
    for (let k = 0; k < lowEdge; k++) into[k] = Math.min(quantileOfSorted(sample, levels[k]), into[lowEdge]);
    for (let k = highEdge + 1; k < levels.length; k++) into[k] = Math.max(quantileOfSorted(sample, levels[k]), into[highEdge]);
    return into;
  }

  /** Where a day's actual fell within its band's sample (fed by conformalQuantiles). */
  recordPit(day: EpochDay, value: number, unusual: boolean): void {
    this.history.add(day, value);
    if (!unusual) this.ordinaryHistory.add(day, value);
  }

  /** How much the p10–p90 band of series `s` for an ordinary `day` missed its actual, 0 … 1 (fed by conformalQuantiles, in day order). */
  recordBand(s: number, day: EpochDay, missed: number): void {
    this.bands[s].record(day, missed);
  }

  /** A quantile of series `s` for a forecast made at `origin`, in the series' units (inSeriesUnits). */
  quantileValue(s: number, origin: EpochDay, value: number): number {
    return inSeriesUnits(value, this.wholeNumbers[s](origin));
  }

  /** What day `i` of series `s`'s errors are relative to (see errorScales). */
  scale(s: number, i: number): number {
    return this.scales[s][i];
  }

  /**
   * Sorted relative errors of series `s` known at `origin`, of the day's class, shrunk towards the
   * panel's of that class when few; every day's when the class has fewer than MIN_CLASS_ERRORS.
   */
  sample(s: number, origin: EpochDay, unusual = false): Float64Array {
    if (this.hasOwnClassSample(s, origin, unusual)) {
      const ofClass = unusual ? this.latestUnusual[s] : this.latestOrdinary[s];
      return blend(ofClass.at(origin), (unusual ? this.pooledUnusual : this.pooledOrdinary)(origin));
    }
    return blend(this.latest[s].at(origin), this.pooled(origin));
  }

  /**
   * Whether series `s` has MIN_CLASS_ERRORS errors of the day's class known at `origin`, so that its
   * sample is of that class (counted before anything is sorted: a short record is not read at all).
   */
  hasOwnClassSample(s: number, origin: EpochDay, unusual = false): boolean {
    const ofClass = unusual ? this.unusualErrors[s] : this.ordinaryErrors[s];
    return countUpTo(ofClass.days, origin) >= MIN_CLASS_ERRORS;
  }
}

/** Known service days whose mean floors the error scale. */
const SCALE_DAYS = 28;
const SCALE_FLOOR = 0.5;

/**
 * Errors are relative to the day's forecast, but never to less than half the series' mean of its
 * last 28 known days: a near-zero forecast of an item that sells a few a day would otherwise turn
 * every sale into a relative error of hundreds of percent and blow its bands (and median) up.
 */
export function errorScales(entry: ConformalSeries, lead: number): Float64Array {
  const { days, actual, point } = entry;
  const prefix = new Float64Array(days.length + 1);
  const counts = new Int32Array(days.length + 1);
  for (let i = 0; i < days.length; i++) {
    const known = Number.isFinite(actual[i]);
    prefix[i + 1] = prefix[i] + (known ? actual[i] : 0);
    counts[i + 1] = counts[i] + (known ? 1 : 0);
  }
  let visible = 0;
  return Float64Array.from(days, (day, i) => {
    while (visible < days.length && days[visible] <= day - lead) visible++;
    const from = Math.max(0, visible - SCALE_DAYS);
    const n = counts[visible] - counts[from];
    const mean = n > 0 ? (prefix[visible] - prefix[from]) / n : 0;
    return Math.max(Number.isFinite(point[i]) ? point[i] : 0, SCALE_FLOOR * mean);
  });
}

function relativeErrors(entry: ConformalSeries, scales: Float64Array, include: (i: number) => boolean): DatedErrors {
  const days: number[] = [];
  const errors: number[] = [];
  for (let i = 0; i < entry.days.length; i++) {
    if (!include(i) || !Number.isFinite(entry.point[i]) || !(scales[i] > 0) || !Number.isFinite(entry.actual[i])) continue;
    days.push(entry.days[i]);
    // Capped so that one day of a near-zero forecast cannot stretch every later band.
    errors.push(Math.min((entry.actual[i] - entry.point[i]) / scales[i], 5));
  }
  return { days: Int32Array.from(days), errors: Float64Array.from(errors) };
}

/** Points kept of the panel's error distribution per origin (its quantiles at evenly spaced levels). */
const POOL_POINTS = 201;

/**
 * Every series' errors of the POOL_DAYS days up to an origin, summarised as POOL_POINTS sorted
 * quantiles and cached by origin: a panel has a few hundred origins, each shared by all its series.
 */
function pooledErrors(errorsBySeries: readonly DatedErrors[]): (origin: EpochDay) => Float64Array {
  const cache = new Map<EpochDay, Float64Array>();
  let window: PooledWindow | undefined;
  return (origin) => {
    let cached = cache.get(origin);
    if (!cached) {
      window ??= new PooledWindow(errorsBySeries, POOL_DAYS, POOL_POINTS);
      cached = window.at(origin);
      cache.set(origin, cached);
    }
    return cached;
  };
}

/** Two sorted arrays merged in the order a typed array's sort gives. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (b.length === 0) return a;
  const merged = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < merged.length; k++) merged[k] = j >= b.length || (i < a.length && !sortsBefore(b[j], a[i])) ? a[i++] : b[j++];
  return merged;
}

/**
 * A sorted sample whose quantiles are the series' own shrunk towards the pool's: the pool enters
 * as POOL_WEIGHT pseudo-errors, placed at its own quantiles.
 */
function blend(own: Float64Array, pool: Float64Array): Float64Array {
  if (pool.length === 0 || own.length >= CALIBRATION_ERRORS) return own;
  const weight = Math.round(POOL_WEIGHT * (1 - own.length / CALIBRATION_ERRORS));
  if (weight === 0) return own;
  // Both are sorted: merged in order, as sorting them together would place them.
  return mergeSorted(own, pseudoErrors(pool, weight));
}

/** Per pool sample, its `weight` pseudo-errors (sorted), cached: every series blended at an origin shares them. */
const pseudoCache = new WeakMap<Float64Array, Map<number, Float64Array>>();

function pseudoErrors(pool: Float64Array, weight: number): Float64Array {
  let byWeight = pseudoCache.get(pool);
  if (!byWeight) pseudoCache.set(pool, (byWeight = new Map()));
  let pseudo = byWeight.get(weight);
  if (!pseudo) {
    pseudo = Float64Array.from({ length: weight }, (_, k) => quantileOfSorted(pool, (k + 0.5) / weight)).sort();
    byWeight.set(weight, pseudo);
  }
  return pseudo;
}
