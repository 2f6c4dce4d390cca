/**
 * Bucketing of features for the histogram learner: each feature's values go to at most 254 bins
 * (bin 0 holds missing values, bin b ≥ 1 the values in (edges[b − 2], edges[b − 1]]), so that rows
 * are one byte per feature and a tree compares bytes instead of doubles.
 */
export interface FeatureBins {
  readonly features: number;
  readonly edges: readonly Float64Array[];
  /**
   * Where each feature's bins start in a histogram (`offsets[features]` bins in all): a flag takes
   * 3 slots instead of 256, which keeps a histogram small enough to stay in the processor's cache.
   */
  readonly offsets: Int32Array;
}

/** Learns the bins' edges from (a regular sample of) the rows. */
export function learnBins(x: Float64Array, rows: number, features: number, maxBins: number): FeatureBins {
  const edges: Float64Array[] = [];
  const offsets = new Int32Array(features + 1);
  const stride = Math.max(1, Math.floor(rows / 50_000));
  const scratch = new Float64Array(Math.ceil(rows / stride));
  for (let j = 0; j < features; j++) {
    let n = 0;
    for (let i = 0; i < rows; i += stride) {
      const v = x[i * features + j];
      if (v === v) scratch[n++] = v;
    }
    // A typed array sorts numerically without a comparator call per pair: the learner's costliest step otherwise.
    const featureEdges = quantileEdges(scratch.subarray(0, n).sort(), maxBins - 1);
    edges.push(featureEdges);
    // Missing, one bin below each edge and one above the last.
    offsets[j + 1] = offsets[j] + featureEdges.length + 2;
  }
  return { features, edges, offsets };
}

/** Row-major bin codes of `rows` rows of `x`. */
export function binRows(bins: FeatureBins, x: Float64Array, rows: number): Uint8Array {
  const { features, edges } = bins;
  const codes = new Uint8Array(rows * features);
  for (let j = 0; j < features; j++) {
    const featureEdges = edges[j];
    for (let i = 0, k = j; i < rows; i++, k += features) codes[k] = binOf(featureEdges, x[k]);
  }
  return codes;
}

/** The bin of one value: 0 when missing, else 1 + the number of edges strictly below it. */
export function binOf(edges: Float64Array, v: number): number {
  if (v !== v) return 0;
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (edges[mid] < v) low = mid + 1;
    else high = mid;
  }
  return 1 + low;
}

/** At most `bins − 1` cut points of an ascending sample: midpoints between distinct values, at quantiles when there are too many. */
function quantileEdges(sample: Float64Array, bins: number): Float64Array {
  const distinct: number[] = [];
  for (const v of sample) if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
  if (distinct.length <= 1) return new Float64Array(0);
  if (distinct.length <= bins) return Float64Array.from(distinct.slice(1), (v, i) => (distinct[i] + v) / 2);
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = sample[Math.floor((b * sample.length) / bins)];
    if (cuts.length === 0 || v > cuts[cuts.length - 1]) cuts.push(v);
  }
  return Float64Array.from(cuts);
}
