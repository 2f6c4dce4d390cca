/**
 * Weighted ridge regression on standardised columns with an unpenalised intercept, solved by
 * Cholesky on the (small) normal equations, which are built from sums a caller can extend.
 */
export interface RidgeFit {
  readonly intercept: number;
  /** Coefficients on the original (unstandardised) column scale; 0 for constant columns. */
  readonly coefficients: Float64Array;
}

/**
 * Weighted sums of a design's rows and target, about the first row's values: they can be rescaled
 * (every weight times a factor) and extended by later rows, so that a backtest's refits on growing
 * prefixes of one series add only their new rows. Shifted by the first row, most columns of a row
 * (weekday and day dummies, a steady driver) are 0 and cost nothing.
 */
export class RidgeMoments {
  readonly columns: number;
  totalWeight = 0;
  /** Σ w (x − shift) per column, Σ w (y − targetShift). */
  readonly sums: Float64Array;
  targetSum = 0;
  /** Σ w (x − shift)(x − shift)ᵀ, lower triangle of a columns × columns matrix. */
  readonly cross: Float64Array;
  /** Σ w (x − shift)(y − targetShift) per column. */
  readonly moment: Float64Array;
  readonly shift: Float64Array;
  readonly targetShift: number;
  /** The row being added: its non-zero columns (ascending) and their shifted values. */
  private readonly used: Int32Array;
  private readonly values: Float64Array;

  constructor(shift: Float64Array, targetShift: number) {
    this.columns = shift.length;
    this.shift = Float64Array.from(shift);
    this.targetShift = targetShift;
    this.sums = new Float64Array(this.columns);
    this.cross = new Float64Array(this.columns * this.columns);
    this.moment = new Float64Array(this.columns);
    this.used = new Int32Array(this.columns);
    this.values = new Float64Array(this.columns);
  }

  addRow(design: Float64Array, offset: number, target: number, weight: number): void {
    const { columns, shift, used, values, sums, cross, moment } = this;
    this.totalWeight += weight;
    const y = target - this.targetShift;
    this.targetSum += weight * y;
    let count = 0;
    for (let c = 0; c < columns; c++) {
      const value = design[offset + c] - shift[c];
      if (value === 0) continue;
      used[count] = c;
      values[count++] = value;
    }
    for (let u = 0; u < count; u++) {
      const c = used[u];
      const wa = weight * values[u];
      sums[c] += wa;
      moment[c] += wa * y;
      const at = c * columns;
      for (let v = 0; v <= u; v++) cross[at + used[v]] += wa * values[v];
    }
  }

  /** Every weight so far times `factor` (recency weights when the latest day moves on). */
  rescale(factor: number): void {
    this.totalWeight *= factor;
    this.targetSum *= factor;
    for (let c = 0; c < this.columns; c++) {
      this.sums[c] *= factor;
      this.moment[c] *= factor;
    }
    for (let k = 0; k < this.cross.length; k++) this.cross[k] *= factor;
  }
}

/**
 * A column whose spread about its mean is below this share of its spread about the first row is
 * taken as constant: there the centred sums are rounding errors, not data.
 */
const CONSTANT_SHARE = 1e-10;

export function solveRidge(moments: RidgeMoments, penalty: number): RidgeFit {
  const { columns, totalWeight, sums, cross, shift } = moments;
  if (!(totalWeight > 0)) throw new Error('ridge: no weight');
  const offsets = Float64Array.from(sums, (sum) => sum / totalWeight);
  const targetOffset = moments.targetSum / totalWeight;
  // Centred: Σ w (x − μ)(x' − μ') = Σ w (x − s)(x' − s') − W (μ − s)(μ' − s').
  const gram = (a: number, b: number) => (a >= b ? cross[a * columns + b] : cross[b * columns + a]) - totalWeight * offsets[a] * offsets[b];
  // Standardise through the diagonal so that the penalty treats every column alike.
  const scale = new Float64Array(columns);
  const active: number[] = [];
  for (let c = 0; c < columns; c++) {
    const spread = gram(c, c);
    scale[c] = Math.sqrt(Math.max(0, spread) / totalWeight);
    if (scale[c] > 1e-9 && spread > CONSTANT_SHARE * cross[c * columns + c]) active.push(c);
  }
  const size = active.length;
  const system = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const a = active[i];
    rhs[i] = (moments.moment[a] - totalWeight * offsets[a] * targetOffset) / scale[a];
    for (let j = 0; j <= i; j++) {
      const b = active[j];
      const value = gram(a, b) / (scale[a] * scale[b]);
      system[i * size + j] = value;
      system[j * size + i] = value;
    }
    system[i * size + i] += penalty * totalWeight;
  }
  const solution = solveCholesky(system, rhs, size);
  const coefficients = new Float64Array(columns);
  let intercept = moments.targetShift + targetOffset;
  active.forEach((column, i) => {
    coefficients[column] = solution[i] / scale[column];
    intercept -= coefficients[column] * (shift[column] + offsets[column]);
  });
  return { intercept, coefficients };
}

function solveCholesky(matrix: Float64Array, rhs: Float64Array, size: number): Float64Array {
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * size + j];
      for (let k = 0; k < j; k++) sum -= lower[i * size + k] * lower[j * size + k];
      if (i === j) {
        if (!(sum > 0)) throw new Error('ridge: matrix is not positive definite');
        lower[i * size + i] = Math.sqrt(sum);
      } else {
        lower[i * size + j] = sum / lower[j * size + j];
      }
    }
  }
  const forward = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = rhs[i];
    for (let k = 0; k < i; k++) sum -= lower[i * size + k] * forward[k];
    forward[i] = sum / lower[i * size + i];
  }
  const solution = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = forward[i];
    for (let k = i + 1; k < size; k++) sum -= lower[k * size + i] * solution[k];
    solution[i] = sum / lower[i * size + i];
  }
  return solution;
}
