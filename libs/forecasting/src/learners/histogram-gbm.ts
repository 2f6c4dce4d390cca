/**
 * A compact histogram gradient-boosting regressor (the LightGBM / scikit-learn HistGradientBoosting
 * recipe): features are bucketed once into at most 255 bins, trees grow leaf-wise on histograms of
 * gradients (a child's histogram is its parent's minus its sibling's), and the absolute-error loss
 * sets each leaf to the weighted median of its residuals, so that the model minimises Σ w·|y − ŷ|.
 * No package for Node trains such models (no LightGBM binding; ml-xgboost is little used), and the
 * global demand model needs one: see libs/forecasting/README.md.
 */

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

interface Tree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

const DEFAULTS = { loss: 'l1' as GbmLoss, iterations: 200, learningRate: 0.08, maxLeaves: 31, minLeafRows: 40, lambda: 1, maxBins: 255, rowSubsample: 0.8, seed: 1 };

/** A fitted ensemble; `predict` needs no binning (thresholds are in feature units, missing goes left). */
export class GbmModel {
  constructor(
    readonly features: number,
    private readonly base: number,
    private readonly trees: readonly Tree[],
  ) {}

  get treeCount(): number {
    return this.trees.length;
  }

  predictRow(x: ArrayLike<number>, offset = 0): number {
    let sum = this.base;
    for (const tree of this.trees) {
      let node = 0;
      while (tree.feature[node] >= 0) {
        const v = x[offset + tree.feature[node]];
        node = v !== v || v <= tree.threshold[node] ? tree.left[node] : tree.right[node];
      }
      sum += tree.value[node];
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
  const o = { ...DEFAULTS, ...options };
  const p = data.features;
  const n = data.y.length;
  if (data.x.length !== n * p) throw new Error(`gbm: ${data.x.length} feature values for ${n} rows × ${p} features`);
  if (n === 0) throw new Error('gbm: no training rows');
  const weight = data.weight ?? new Float64Array(n).fill(1);
  const bins = binFeatures(data.x, n, p, o.maxBins);
  const base = o.loss === 'l1' ? weightedMedian(Float64Array.from(data.y), Float64Array.from(weight)) : weightedMean(data.y, weight);
  const prediction = new Float64Array(n).fill(base);
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n);
  const random = lcg(o.seed);
  const grower = new TreeGrower({ bins, rows: n, features: p, maxLeaves: o.maxLeaves, minLeafRows: o.minLeafRows, lambda: o.lambda });
  const trees: Tree[] = [];
  for (let iteration = 0; iteration < o.iterations; iteration++) {
    for (let i = 0; i < n; i++) {
      const residual = data.y[i] - prediction[i];
      // l1: the sign of the residual drives the structure; the leaf values come from the residuals' medians below.
      gradient[i] = o.loss === 'l1' ? -weight[i] * Math.sign(residual) : -weight[i] * residual;
      hessian[i] = weight[i];
    }
    const sample = subsample(n, o.rowSubsample, random);
    const grown = grower.grow(sample, gradient, hessian);
    if (!grown) break;
    const values = new Float64Array(grown.leafRows.length);
    grown.leafRows.forEach((rows, leaf) => {
      if (o.loss === 'l1') {
        const residuals = new Float64Array(rows.length);
        const weights = new Float64Array(rows.length);
        for (let k = 0; k < rows.length; k++) {
          residuals[k] = data.y[rows[k]] - prediction[rows[k]];
          weights[k] = weight[rows[k]];
        }
        values[leaf] = weightedMedian(residuals, weights);
      } else {
        let g = 0;
        let h = 0;
        for (const i of rows) {
          g += gradient[i];
          h += hessian[i];
        }
        values[leaf] = -g / (h + o.lambda);
      }
    });
    const scaled = values.map((value) => value * o.learningRate);
    const tree = grown.toTree(scaled, bins.edges);
    // Rows the tree was grown on already know their leaf; only the others are walked down it.
    const inSample = new Uint8Array(n);
    grown.leafRows.forEach((rows, leaf) => {
      for (let k = 0; k < rows.length; k++) {
        prediction[rows[k]] += scaled[leaf];
        inSample[rows[k]] = 1;
      }
    });
    for (let i = 0; i < n; i++) if (!inSample[i]) prediction[i] += tree.value[leafOf(tree, data.x, i * p)];
    trees.push(tree);
  }
  return new GbmModel(p, base, trees);
}

function leafOf(tree: Tree, x: Float64Array, offset: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    const v = x[offset + tree.feature[node]];
    node = v !== v || v <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  }
  return node;
}

interface BinnedFeatures {
  /** Row-major bin indices; bin 0 holds missing values, bin b ≥ 1 the values in (edges[b−2], edges[b−1]]. */
  readonly codes: Uint8Array;
  readonly edges: readonly Float64Array[];
  readonly binCount: number;
}

function binFeatures(x: Float64Array, rows: number, features: number, maxBins: number): BinnedFeatures {
  const edges: Float64Array[] = [];
  const codes = new Uint8Array(rows * features);
  const stride = Math.max(1, Math.floor(rows / 50_000));
  for (let j = 0; j < features; j++) {
    const sample: number[] = [];
    for (let i = 0; i < rows; i += stride) {
      const v = x[i * features + j];
      if (v === v) sample.push(v);
    }
    const featureEdges = quantileEdges(sample, maxBins - 1);
    edges.push(featureEdges);
    for (let i = 0; i < rows; i++) {
      const v = x[i * features + j];
      codes[i * features + j] = v !== v ? 0 : 1 + upperBound(featureEdges, v);
    }
  }
  return { codes, edges, binCount: maxBins + 1 };
}

/** At most `bins − 1` cut points: midpoints between distinct values, at quantiles when there are too many. */
function quantileEdges(sample: number[], bins: number): Float64Array {
  sample.sort((a, b) => a - b);
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

/** Number of edges strictly below v. */
function upperBound(edges: Float64Array, v: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (edges[mid] < v) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface Histogram {
  readonly g: Float64Array;
  readonly h: Float64Array;
  readonly count: Int32Array;
}

interface Split {
  readonly gain: number;
  readonly feature: number;
  /** Bins ≤ bin go left. */
  readonly bin: number;
}

interface Leaf {
  readonly rows: Int32Array;
  readonly histogram: Histogram;
  readonly node: number;
  split: Split | null;
}

interface GrowerSettings {
  readonly bins: BinnedFeatures;
  readonly rows: number;
  readonly features: number;
  readonly maxLeaves: number;
  readonly minLeafRows: number;
  readonly lambda: number;
}

class GrownTree {
  constructor(
    private readonly feature: number[],
    private readonly bin: number[],
    private readonly left: number[],
    private readonly right: number[],
    private readonly leafIndex: number[],
    readonly leafRows: Int32Array[],
  ) {}

  toTree(leafValues: Float64Array, edges: readonly Float64Array[]): Tree {
    const nodes = this.feature.length;
    const threshold = new Float64Array(nodes);
    const value = new Float64Array(nodes);
    for (let node = 0; node < nodes; node++) {
      if (this.feature[node] >= 0) {
        const featureEdges = edges[this.feature[node]];
        // Bin b ≥ 1 holds values ≤ edges[b − 1]; the last bin has no upper edge.
        threshold[node] = this.bin[node] === 0 ? Number.NEGATIVE_INFINITY : this.bin[node] - 1 < featureEdges.length ? featureEdges[this.bin[node] - 1] : Number.POSITIVE_INFINITY;
      } else value[node] = leafValues[this.leafIndex[node]];
    }
    return { feature: Int32Array.from(this.feature), threshold, left: Int32Array.from(this.left), right: Int32Array.from(this.right), value };
  }
}

class TreeGrower {
  private readonly width: number;

  constructor(private readonly s: GrowerSettings) {
    this.width = s.bins.binCount;
  }

  grow(sample: Int32Array, gradient: Float64Array, hessian: Float64Array): GrownTree | null {
    const { maxLeaves } = this.s;
    const feature: number[] = [-1];
    const bin: number[] = [0];
    const left: number[] = [-1];
    const right: number[] = [-1];
    const leafIndex: number[] = [0];
    const root: Leaf = { rows: sample, histogram: this.histogram(sample, gradient, hessian), node: 0, split: null };
    root.split = this.bestSplit(root);
    const leaves: Leaf[] = [root];
    while (leaves.length < maxLeaves) {
      let best = -1;
      for (let l = 0; l < leaves.length; l++) {
        const split = leaves[l].split;
        if (split && split.gain > 1e-12 && (best < 0 || split.gain > leaves[best].split!.gain)) best = l;
      }
      if (best < 0) break;
      const parent = leaves[best];
      const split = parent.split!;
      const [leftRows, rightRows] = this.partition(parent.rows, split);
      const smallerIsLeft = leftRows.length <= rightRows.length;
      const small = this.histogram(smallerIsLeft ? leftRows : rightRows, gradient, hessian);
      // The parent's histogram is not needed once split: it becomes the larger child's in place.
      const large = subtractInPlace(parent.histogram, small);
      const leftNode = feature.length;
      feature.push(-1, -1);
      bin.push(0, 0);
      left.push(-1, -1);
      right.push(-1, -1);
      leafIndex.push(0, 0);
      feature[parent.node] = split.feature;
      bin[parent.node] = split.bin;
      left[parent.node] = leftNode;
      right[parent.node] = leftNode + 1;
      const leftLeaf: Leaf = { rows: leftRows, histogram: smallerIsLeft ? small : large, node: leftNode, split: null };
      const rightLeaf: Leaf = { rows: rightRows, histogram: smallerIsLeft ? large : small, node: leftNode + 1, split: null };
      leftLeaf.split = this.bestSplit(leftLeaf);
      rightLeaf.split = this.bestSplit(rightLeaf);
      leaves.splice(best, 1, leftLeaf, rightLeaf);
    }
    if (leaves.length === 1 && sample.length === 0) return null;
    leaves.forEach((leaf, index) => (leafIndex[leaf.node] = index));
    for (const leaf of leaves) this.free.push(leaf.histogram);
    return new GrownTree(feature, bin, left, right, leafIndex, leaves.map((leaf) => leaf.rows));
  }

  /** Histograms of finished trees, reused: allocating one per leaf made most of the work garbage collection. */
  private readonly free: Histogram[] = [];

  private histogram(rows: Int32Array, gradient: Float64Array, hessian: Float64Array): Histogram {
    const { features } = this.s;
    const codes = this.s.bins.codes;
    const size = features * this.width;
    const reused = this.free.pop();
    if (reused) {
      reused.g.fill(0);
      reused.h.fill(0);
      reused.count.fill(0);
    }
    const { g, h, count } = reused ?? { g: new Float64Array(size), h: new Float64Array(size), count: new Int32Array(size) };
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      const gi = gradient[i];
      const hi = hessian[i];
      const base = i * features;
      for (let j = 0, slot = 0; j < features; j++, slot += this.width) {
        const index = slot + codes[base + j];
        g[index] += gi;
        h[index] += hi;
        count[index]++;
      }
    }
    return reused ?? { g, h, count };
  }

  private bestSplit(leaf: Leaf): Split | null {
    const { features, minLeafRows, lambda } = this.s;
    if (leaf.rows.length < 2 * minLeafRows) return null;
    const { g, h, count } = leaf.histogram;
    let totalG = 0;
    let totalH = 0;
    for (let b = 0; b < this.width; b++) {
      totalG += g[b];
      totalH += h[b];
    }
    const parentScore = (totalG * totalG) / (totalH + lambda);
    let best: Split | null = null;
    for (let j = 0; j < features; j++) {
      const slot = j * this.width;
      let leftG = 0;
      let leftH = 0;
      let leftCount = 0;
      for (let b = 0; b < this.width - 1; b++) {
        leftG += g[slot + b];
        leftH += h[slot + b];
        leftCount += count[slot + b];
        if (leftCount < minLeafRows) continue;
        if (leaf.rows.length - leftCount < minLeafRows) break;
        if (count[slot + b] === 0 && b > 0) continue;
        const rightG = totalG - leftG;
        const rightH = totalH - leftH;
        const gain = (leftG * leftG) / (leftH + lambda) + (rightG * rightG) / (rightH + lambda) - parentScore;
        if (!best || gain > best.gain) best = { gain, feature: j, bin: b };
      }
    }
    return best;
  }

  private partition(rows: Int32Array, split: Split): [Int32Array, Int32Array] {
    const { features } = this.s;
    const codes = this.s.bins.codes;
    const goesLeft = new Uint8Array(rows.length);
    let leftCount = 0;
    for (let r = 0; r < rows.length; r++) {
      if (codes[rows[r] * features + split.feature] <= split.bin) {
        goesLeft[r] = 1;
        leftCount++;
      }
    }
    const left = new Int32Array(leftCount);
    const right = new Int32Array(rows.length - leftCount);
    for (let r = 0, a = 0, b = 0; r < rows.length; r++) {
      if (goesLeft[r]) left[a++] = rows[r];
      else right[b++] = rows[r];
    }
    return [left, right];
  }
}

function subtractInPlace(parent: Histogram, child: Histogram): Histogram {
  const { g, h, count } = parent;
  for (let k = 0; k < g.length; k++) {
    g[k] -= child.g[k];
    h[k] -= child.h[k];
    count[k] -= child.count[k];
  }
  return parent;
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

/** A small deterministic generator (Park–Miller), enough for bagging. */
function lcg(seed: number): () => number {
  let state = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}
