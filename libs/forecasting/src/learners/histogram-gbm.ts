/**
 * A compact histogram gradient-boosting regressor (the LightGBM / scikit-learn HistGradientBoosting
 * recipe): features are bucketed once into at most 255 bins, trees grow leaf-wise on histograms of
 * gradients (a child's histogram is its parent's minus its sibling's), and the absolute-error loss
 * sets each leaf to the weighted median of its residuals, so that the model minimises Σ w·|y − ŷ|.
 * No package for Node trains such models (no LightGBM binding; ml-xgboost is little used), and the
 * global demand model needs one: see libs/forecasting/README.md.
 */

import { binOf, binRows, FeatureBins, learnBins } from './feature-bins';
import { GrownTree, TreeGrower } from './tree-grower';

export type GbmLoss = 'l2' | 'l1';

export interface GbmOptions {
  readonly loss?: GbmLoss;
  readonly iterations?: number;
  readonly learningRate?: number;
  readonly maxLeaves?: number;
  readonly minLeafRows?: number;
  /** L2 penalty on leaf values (l2 loss). */
  readonly lambda?: number;
  readonly maxBins?: number;
  /** Share of rows each tree is grown on (bagging), deterministic for a seed. */
  readonly rowSubsample?: number;
  readonly seed?: number;
}

export interface GbmTrainingSet {
  /** Row-major features, `rows × features`; NaN means missing. */
  readonly x: Float64Array;
  readonly features: number;
  readonly y: Float64Array;
  /** Row weights (default 1). */
  readonly weight?: Float64Array;
}

const DEFAULTS = { loss: 'l1' as GbmLoss, iterations: 200, learningRate: 0.08, maxLeaves: 31, minLeafRows: 40, lambda: 1, maxBins: 255, rowSubsample: 0.8, seed: 1 };

/** The trees of an ensemble in flat arrays; a node splits on bin codes (`code ≤ bin` goes left, so missing goes left). */
interface Forest {
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly bin: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

/** A fitted ensemble: a row is binned with the training edges once, then walks every tree on bytes. */
export class GbmModel {
  private readonly codes: Uint8Array;

  constructor(
    readonly features: number,
    private readonly base: number,
    private readonly bins: FeatureBins,
    private readonly forest: Forest,
  ) {
    this.codes = new Uint8Array(features);
  }

  get treeCount(): number {
    return this.forest.roots.length;
  }

  predictRow(x: ArrayLike<number>, offset = 0): number {
    const { codes, features } = this;
    const edges = this.bins.edges;
    for (let j = 0; j < features; j++) codes[j] = binOf(edges[j], x[offset + j]);
    const { roots, feature, bin, left, right, value } = this.forest;
    let sum = this.base;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t];
      while (feature[node] >= 0) node = codes[feature[node]] <= bin[node] ? left[node] : right[node];
      sum += value[node];
    }
    return sum;
  }

  predict(x: Float64Array): Float64Array {
    const rows = x.length / this.features;
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = this.predictRow(x, r * this.features);
    return out;
  }
}

/** Trains the ensemble. Deterministic for given data and options. */
export function fitGbm(data: GbmTrainingSet, options: GbmOptions = {}): GbmModel {
  // An option passed as undefined (a spread of partial settings) keeps its default rather than becoming NaN.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as GbmOptions;
  const o = { ...DEFAULTS, ...given };
  const p = data.features;
  const n = data.y.length;
  if (data.x.length !== n * p) throw new Error(`gbm: ${data.x.length} feature values for ${n} rows × ${p} features`);
  if (n === 0) throw new Error('gbm: no training rows');
  const { y } = data;
  const weight = data.weight ?? new Float64Array(n).fill(1);
  const bins = learnBins(data.x, n, p, o.maxBins);
  const codes = binRows(bins, data.x, n);
  const base = o.loss === 'l1' ? weightedMedian(Float64Array.from(y), Float64Array.from(weight)) : weightedMean(y, weight);
  const prediction = new Float64Array(n).fill(base);
  // Gradient and hessian of row i at 2i and 2i + 1: the histogram reads both at once.
  const gh = new Float64Array(2 * n);
  const l1 = o.loss === 'l1';
  const random = lcg(o.seed);
  const grower = new TreeGrower(codes, n, bins, o);
  const forest = new ForestBuilder();
  const residuals = new Float64Array(n);
  const weights = new Float64Array(n);
  const inSample = new Uint8Array(n);
  for (let iteration = 0; iteration < o.iterations; iteration++) {
    for (let i = 0; i < n; i++) {
      const residual = y[i] - prediction[i];
      // l1: the sign of the residual drives the structure; the leaf values come from the residuals' medians below.
      gh[2 * i] = l1 ? -weight[i] * Math.sign(residual) : -weight[i] * residual;
      gh[2 * i + 1] = weight[i];
    }
    const grown = grower.grow(subsample(n, o.rowSubsample, random), gh);
    if (!grown) break;
    const { order, starts, ends } = grown;
    const leaves = starts.length;
    const scaled = new Float64Array(leaves);
    for (let leaf = 0; leaf < leaves; leaf++) {
      const from = starts[leaf];
      const to = ends[leaf];
      if (l1) {
        for (let k = from; k < to; k++) {
          residuals[k - from] = y[order[k]] - prediction[order[k]];
          weights[k - from] = weight[order[k]];
        }
        scaled[leaf] = weightedMedian(residuals.subarray(0, to - from), weights.subarray(0, to - from)) * o.learningRate;
      } else {
        let g = 0;
        let h = 0;
        for (let k = from; k < to; k++) {
          g += gh[2 * order[k]];
          h += gh[2 * order[k] + 1];
        }
        scaled[leaf] = (-g / (h + o.lambda)) * o.learningRate;
      }
    }
    const root = forest.add(grown, scaled);
    // Rows the tree was grown on already know their leaf; only the others are walked down it.
    inSample.fill(0);
    for (let leaf = 0; leaf < leaves; leaf++) {
      for (let k = starts[leaf]; k < ends[leaf]; k++) {
        prediction[order[k]] += scaled[leaf];
        inSample[order[k]] = 1;
      }
    }
    for (let i = 0; i < n; i++) if (!inSample[i]) prediction[i] += forest.leafValue(root, codes, i * p);
  }
  return new GbmModel(p, base, bins, forest.build());
}

/** Collects the grown trees' nodes in growable arrays (cheap to walk while fitting). */
class ForestBuilder {
  private readonly roots: number[] = [];
  private readonly feature: number[] = [];
  private readonly bin: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly value: number[] = [];

  /** Appends a tree whose leaf k has value `leafValues[k]`; returns its root node. */
  add(tree: GrownTree, leafValues: Float64Array): number {
    const root = this.feature.length;
    for (let node = 0; node < tree.feature.length; node++) {
      const split = tree.feature[node] >= 0;
      this.feature.push(tree.feature[node]);
      this.bin.push(tree.bin[node]);
      this.left.push(split ? root + tree.left[node] : -1);
      this.right.push(split ? root + tree.right[node] : -1);
      this.value.push(split ? 0 : leafValues[tree.leafIndex[node]]);
    }
    this.roots.push(root);
    return root;
  }

  leafValue(root: number, codes: Uint8Array, offset: number): number {
    const { feature, bin, left, right } = this;
    let node = root;
    while (feature[node] >= 0) node = codes[offset + feature[node]] <= bin[node] ? left[node] : right[node];
    return this.value[node];
  }

  build(): Forest {
    return {
      roots: Int32Array.from(this.roots),
      feature: Int32Array.from(this.feature),
      bin: Int32Array.from(this.bin),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
    };
  }
}

function subsample(n: number, share: number, random: () => number): Int32Array {
  const picked = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (share >= 1 || random() < share) picked[count++] = i;
  return picked.subarray(0, count);
}

function weightedMean(values: Float64Array, weight: Float64Array): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] * weight[i];
    total += weight[i];
  }
  return total > 0 ? sum / total : 0;
}

/**
 * The smallest value at which the cumulative weight reaches half the total, by selection in
 * expected linear time (a leaf's median is taken once per leaf and tree). Reorders its arguments.
 */
export function weightedMedian(values: Float64Array, weight: Float64Array): number {
  let low = 0;
  let high = values.length - 1;
  if (high < 0) return 0;
  let total = 0;
  for (let i = 0; i <= high; i++) total += weight[i];
  // Weight that must lie at or below the answer, counted within [low, high].
  let needed = total / 2;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    // Three-way partition: [low, lt) < pivot, [lt, gt] = pivot, (gt, high] > pivot.
    let lt = low;
    let gt = high;
    let i = low;
    while (i <= gt) {
      if (values[i] < pivot) swap(values, weight, lt++, i++);
      else if (values[i] > pivot) swap(values, weight, i, gt--);
      else i++;
    }
    let below = 0;
    for (let k = low; k < lt; k++) below += weight[k];
    let equal = 0;
    for (let k = lt; k <= gt; k++) equal += weight[k];
    if (below >= needed && lt > low) {
      high = lt - 1;
    } else if (below + equal >= needed) {
      return pivot;
    } else {
      needed -= below + equal;
      low = gt + 1;
    }
  }
  return values[low];
}

function swap(values: Float64Array, weight: Float64Array, a: number, b: number): void {
  const v = values[a];
  values[a] = values[b];
  values[b] = v;
  const w = weight[a];
  weight[a] = weight[b];
  weight[b] = w;
}

/**
 * A small deterministic generator (Park–Miller), enough for bagging. The step is Schrage's: the
 * same numbers as (state × 48271) mod (2³¹ − 1), in 32-bit integers instead of a floating-point
 * remainder, which cost a few percent of a small panel's fit.
 */
function lcg(seed: number): () => number {
  let state = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  return () => {
    // 2147483647 = 48271 × 44488 + 3399.
    state = 48271 * (state % 44488) - 3399 * Math.floor(state / 44488);
    if (state <= 0) state += 2147483647;
    return (state - 1) / 2147483646;
  };
}
