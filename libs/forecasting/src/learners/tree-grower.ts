import { FeatureBins } from './feature-bins';

/** What bounds a tree: its leaves, the rows a leaf needs, the L2 penalty in the split gain. */
export interface TreeLimits {
  readonly maxLeaves: number;
  readonly minLeafRows: number;
  readonly lambda: number;
}

interface Split {
  readonly gain: number;
  readonly feature: number;
  /** Bins ≤ bin go left. */
  readonly bin: number;
}

/** A leaf being grown: its rows are `order[start, end)`; its histogram holds (g, h, count) per bin (null when it is too small to split). */
interface Leaf {
  readonly start: number;
  readonly end: number;
  readonly histogram: Float64Array | null;
  readonly node: number;
  split: Split | null;
}

export interface GrownTree {
  readonly feature: readonly number[];
  readonly bin: readonly number[];
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly leafIndex: readonly number[];
  /** Leaf k's rows are `order[starts[k], ends[k])` (valid until the next tree is grown). */
  readonly order: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * Grows one tree of the boosted ensemble leaf-wise on histograms of gradients (the leaf whose best
 * split gains most splits next), over the rows of a bagging sample; fitGbm sets the leaves' values.
 */
export class TreeGrower {
  /** Every leaf's rows are a contiguous run of `order`: splitting a leaf partitions its run in place. */
  private readonly order: Int32Array;
  private readonly scratch: Int32Array;
  /** Histograms of finished trees, reused: allocating one per leaf made most of the work garbage collection. */
  private readonly free: Float64Array[] = [];
  /** Each row's histogram positions by feature, 3 × (offsets[j] + code): the histogram loop's index without arithmetic. */
  private readonly positions: Uint16Array | Uint32Array;

  constructor(
    private readonly codes: Uint8Array,
    rows: number,
    private readonly bins: FeatureBins,
    private readonly o: TreeLimits,
  ) {
    this.order = new Int32Array(rows);
    this.scratch = new Int32Array(rows);
    const { features, offsets } = bins;
    this.positions = 3 * offsets[features] <= 0xffff ? new Uint16Array(codes.length) : new Uint32Array(codes.length);
    for (let k = 0; k < codes.length; k++) this.positions[k] = 3 * (offsets[k % features] + codes[k]);
  }

  grow(sample: Int32Array, gh: Float64Array): GrownTree | null {
    this.order.set(sample);
    const feature: number[] = [-1];
    const bin: number[] = [0];
    const left: number[] = [-1];
    const right: number[] = [-1];
    const leafIndex: number[] = [0];
    const root: Leaf = { start: 0, end: sample.length, histogram: this.histogram(0, sample.length, gh), node: 0, split: null };
    root.split = this.bestSplit(root);
    const leaves: Leaf[] = [root];
    while (leaves.length < this.o.maxLeaves) {
      let best = -1;
      for (let l = 0; l < leaves.length; l++) {
        const split = leaves[l].split;
        if (split && split.gain > 1e-12 && (best < 0 || split.gain > leaves[best].split!.gain)) best = l;
      }
      if (best < 0) break;
      const parent = leaves[best];
      const split = parent.split!;
      const middle = this.partition(parent, split);
      const smallerIsLeft = middle - parent.start <= parent.end - middle;
      const [small, large] = this.childHistograms(parent, middle, smallerIsLeft, gh);
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
      const leftLeaf: Leaf = { start: parent.start, end: middle, histogram: smallerIsLeft ? small : large, node: leftNode, split: null };
      const rightLeaf: Leaf = { start: middle, end: parent.end, histogram: smallerIsLeft ? large : small, node: leftNode + 1, split: null };
      leftLeaf.split = this.bestSplit(leftLeaf);
      rightLeaf.split = this.bestSplit(rightLeaf);
      leaves.splice(best, 1, leftLeaf, rightLeaf);
    }
    if (leaves.length === 1 && sample.length === 0) return null;
    const starts = new Int32Array(leaves.length);
    const ends = new Int32Array(leaves.length);
    leaves.forEach((leaf, index) => {
      leafIndex[leaf.node] = index;
      starts[index] = leaf.start;
      ends[index] = leaf.end;
    });
    for (const leaf of leaves) this.release(leaf.histogram);
    return { feature, bin, left, right, leafIndex, order: this.order, starts, ends };
  }

  /**
   * The histograms of a split leaf's smaller and larger child, null for a child too small to split
   * again: most leaves of a small panel end there, and a histogram costs its every bin to clear and subtract.
   */
  private childHistograms(parent: Leaf, middle: number, smallerIsLeft: boolean, gh: Float64Array): [Float64Array | null, Float64Array | null] {
    const [smallFrom, smallTo, largeRows] = smallerIsLeft ? [parent.start, middle, parent.end - middle] : [middle, parent.end, middle - parent.start];
    if (!this.splittable(largeRows)) {
      this.release(parent.histogram);
      return [null, null];
    }
    const small = this.histogram(smallFrom, smallTo, gh);
    // The parent's histogram is not needed once split: it becomes the larger child's in place.
    const large = subtractInPlace(parent.histogram!, small);
    if (this.splittable(smallTo - smallFrom)) return [small, large];
    this.release(small);
    return [null, large];
  }

  private splittable(rows: number): boolean {
    return rows >= 2 * this.o.minLeafRows;
  }

  private release(histogram: Float64Array | null): void {
    if (histogram) this.free.push(histogram);
  }

  private histogram(start: number, end: number, gh: Float64Array): Float64Array {
    const { features, offsets } = this.bins;
    const { positions, order } = this;
    const reused = this.free.pop();
    if (reused) reused.fill(0);
    const histogram = reused ?? new Float64Array(3 * offsets[features]);
    for (let r = start; r < end; r++) {
      const i = order[r];
      const g = gh[2 * i];
      const h = gh[2 * i + 1];
      const base = i * features;
      for (let j = 0; j < features; j++) {
        const k = positions[base + j];
        histogram[k] += g;
        histogram[k + 1] += h;
        histogram[k + 2]++;
      }
    }
    return histogram;
  }

  private bestSplit(leaf: Leaf): Split | null {
    const { minLeafRows, lambda } = this.o;
    const { features, offsets } = this.bins;
    const rows = leaf.end - leaf.start;
    const histogram = leaf.histogram;
    if (!histogram || !this.splittable(rows)) return null;
    let totalG = 0;
    let totalH = 0;
    for (let b = offsets[0]; b < offsets[1]; b++) {
      totalG += histogram[3 * b];
      totalH += histogram[3 * b + 1];
    }
    const parentScore = (totalG * totalG) / (totalH + lambda);
    let best: Split | null = null;
    for (let j = 0; j < features; j++) {
      const first = offsets[j];
      // The last bin cannot be a split: every row would go left.
      const last = offsets[j + 1] - 1;
      let leftG = 0;
      let leftH = 0;
      let leftCount = 0;
      for (let slot = first; slot < last; slot++) {
        const k = 3 * slot;
        leftG += histogram[k];
        leftH += histogram[k + 1];
        leftCount += histogram[k + 2];
        if (leftCount < minLeafRows) continue;
        if (rows - leftCount < minLeafRows) break;
        if (histogram[k + 2] === 0 && slot > first) continue;
        const rightG = totalG - leftG;
        const rightH = totalH - leftH;
        const gain = (leftG * leftG) / (leftH + lambda) + (rightG * rightG) / (rightH + lambda) - parentScore;
        if (!best || gain > best.gain) best = { gain, feature: j, bin: slot - first };
      }
    }
    return best;
  }

  /** Stable partition of the leaf's run: rows going left first; returns where the right ones start. */
  private partition(leaf: Leaf, split: Split): number {
    const { features } = this.bins;
    const { codes, order, scratch } = this;
    let a = leaf.start;
    let b = 0;
    for (let r = leaf.start; r < leaf.end; r++) {
      const i = order[r];
      if (codes[i * features + split.feature] <= split.bin) order[a++] = i;
      else scratch[b++] = i;
    }
    order.set(scratch.subarray(0, b), a);
    return a;
  }
}

function subtractInPlace(parent: Float64Array, child: Float64Array): Float64Array {
  for (let k = 0; k < parent.length; k++) parent[k] -= child[k];
  return parent;
}
