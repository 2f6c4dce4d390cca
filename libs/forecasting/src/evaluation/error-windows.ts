import { EpochDay } from '../core/iso-date';
import { quantileOfSorted } from '../core/quantiles';
import { countUpTo } from '../core/service-series';

/** Dated errors of one series, in day order. */
export interface DatedErrors {
  readonly days: Int32Array;
  readonly errors: Float64Array;
}

/**
 * The panel's errors of a sliding window of days — (origin − windowDays, origin] — summarised as
 * `points` sorted quantiles at evenly spaced levels (all of them, sorted, when fewer), for any
 * origin in any order. The same figures as sorting the window's errors and reading
 * `quantileOfSorted` off them, without sorting anything per origin: every error is ranked once in
 * the order a typed array's sort gives, the window is a count per rank (a Fenwick tree), and a
 * quantile reads the two order statistics it interpolates. A panel of thousands of series has
 * hundreds of thousands of errors in a window and a few hundred origins.
 */
export class PooledWindow {
  /** Every error, sorted; `rank[i]` is where error i of the day-ordered list sits in it. */
  private readonly sorted: Float64Array;
  private readonly rank: Int32Array;
  private readonly day: Int32Array;
  private readonly tree: Int32Array;
  private readonly topBit: number;
  /** The window now counted: errors [start, end) of the day-ordered list. */
  private start = 0;
  private end = 0;

  constructor(
    bySeries: readonly DatedErrors[],
    private readonly windowDays: number,
    private readonly points: number,
  ) {
    const total = bySeries.reduce((sum, dated) => sum + dated.days.length, 0);
    const order = dayOrder(bySeries, total);
    this.day = order.day;
    this.sorted = Float64Array.from(order.error).sort();
    this.rank = ranks(order.error, this.sorted);
    this.tree = new Int32Array(total + 1);
    this.topBit = total > 0 ? 2 ** Math.floor(Math.log2(total)) : 0;
  }

  /** The window's quantiles at `origin` (sorted; empty when the window holds no error). */
  at(origin: EpochDay): Float64Array {
    this.moveTo(countUpTo(this.day, origin - this.windowDays), countUpTo(this.day, origin));
    const count = this.end - this.start;
    if (count <= this.points) return Float64Array.from({ length: count }, (_, k) => this.kth(k));
    const two = new Float64Array(2);
    return Float64Array.from({ length: this.points }, (_, k) => {
      const level = k / (this.points - 1);
      // quantileOfSorted reads positions `below` and `above` of the count: the same arithmetic on those two.
      const position = (count - 1) * level;
      const below = Math.floor(position);
      two[0] = this.kth(below);
      two[1] = this.kth(Math.min(below + 1, count - 1));
      return quantileOfSorted(two, position - below);
    });
  }

  private moveTo(start: number, end: number): void {
    // Grow before shrinking, so the counted range is never inverted.
    for (; this.end < end; this.end++) this.add(this.rank[this.end], 1);
    for (; this.start > start;) this.add(this.rank[--this.start], 1);
    for (; this.start < start; this.start++) this.add(this.rank[this.start], -1);
    for (; this.end > end;) this.add(this.rank[--this.end], -1);
  }

  private add(rank: number, delta: number): void {
    for (let i = rank + 1; i < this.tree.length; i += i & -i) this.tree[i] += delta;
  }

  /** The k-th smallest (0-based) error of the window. */
  private kth(k: number): number {
    let position = 0;
    let remaining = k + 1;
    for (let bit = this.topBit; bit > 0; bit >>= 1) {
      const next = position + bit;
      if (next < this.tree.length && this.tree[next] < remaining) {
        position = next;
        remaining -= this.tree[next];
      }
    }
    return this.sorted[position];
  }
}

/** Every series' errors in one list ordered by day (a counting sort: days span a few hundred to a few thousand). */
function dayOrder(bySeries: readonly DatedErrors[], total: number): { day: Int32Array; error: Float64Array } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const dated of bySeries)
    if (dated.days.length > 0) {
      first = Math.min(first, dated.days[0]);
      last = Math.max(last, dated.days[dated.days.length - 1]);
    }
  const day = new Int32Array(total);
  const error = new Float64Array(total);
  if (total === 0) return { day, error };
  const next = new Int32Array(last - first + 2);
  for (const dated of bySeries) for (const value of dated.days) next[value - first + 1]++;
  for (let d = 1; d < next.length; d++) next[d] += next[d - 1];
  for (const dated of bySeries)
    for (let k = 0; k < dated.days.length; k++) {
      const at = next[dated.days[k] - first]++;
      day[at] = dated.days[k];
      error[at] = dated.errors[k];
    }
  return { day, error };
}

/** Each error's position in `sorted` (equal errors take the positions of their run in turn). */
function ranks(errors: Float64Array, sorted: Float64Array): Int32Array {
  const taken = new Int32Array(sorted.length);
  return Int32Array.from(errors, (value) => {
    const first = firstAtOrAfter(sorted, value);
    return first + taken[first]++;
  });
}

/** The first position of `sorted` whose value does not sort before `value` (typed-array order: −0 before +0). */
function firstAtOrAfter(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sortsBefore(sorted[mid], value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The order of a typed array's sort: numeric, −0 before +0, NaN last. */
export function sortsBefore(a: number, b: number): boolean {
  if (a < b) return true;
  if (a === 0 && b === 0) return Object.is(a, -0) && !Object.is(b, -0);
  return a === a && b !== b;
}

/** Moves of a window past which sorting afresh costs less than stepping. */
const MAX_STEPS = 16;

/**
 * A series' latest `count` errors dated ≤ an origin, sorted — the same array as slicing and sorting
 * them, stepped from the last origin asked for: a backtest asks at every day's origin in turn, and
 * consecutive windows differ by an error or two. Returned arrays are never changed afterwards.
 */
export class LatestErrors {
  private start = 0;
  private end = 0;
  private sorted: Float64Array = new Float64Array(0);

  constructor(
    private readonly dated: DatedErrors,
    private readonly count: number,
  ) {}

  at(origin: EpochDay): Float64Array {
    const end = countUpTo(this.dated.days, origin);
    const start = Math.max(0, end - this.count);
    if (start === this.start && end === this.end) return this.sorted;
    const { errors } = this.dated;
    const stepped = start >= this.start && end >= this.end && start - this.start + (end - this.end) <= MAX_STEPS && start < this.end;
    this.sorted = stepped ? step(this.sorted, errors.subarray(this.start, start), errors.subarray(this.end, end)) : errors.slice(start, end).sort();
    this.start = start;
    this.end = end;
    return this.sorted;
  }
}

/** A new sorted array: `sorted` without one occurrence of each of `gone` (all of which it holds) and with `added`. */
function step(sorted: Float64Array, gone: Float64Array, added: Float64Array): Float64Array {
  const out = new Float64Array(sorted.length + added.length);
  out.set(sorted);
  let length = sorted.length;
  for (const value of gone) {
    const at = firstAtOrAfter(out.subarray(0, length), value);
    if (!Object.is(out[at], value)) throw new Error('error window: an error left that was never in');
    out.copyWithin(at, at + 1, length--);
  }
  for (const value of added) {
    const at = firstAtOrAfter(out.subarray(0, length), value);
    out.copyWithin(at + 1, at, length++);
    out[at] = value;
  }
  return length === out.length ? out : out.slice(0, length);
}
