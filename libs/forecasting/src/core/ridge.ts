/**
 * Weighted ridge regression on standardised columns with an unpenalised intercept,
 * solved by Cholesky on the (small) normal equations.
 */
export interface RidgeInput {
  /** Row-major design matrix without intercept column: rows × columns. */
  readonly design: Float64Array;
  readonly rows: number;
  readonly columns: number;
  readonly target: Float64Array;
  readonly weights: Float64Array;
  /** Penalty relative to the total weight (scale-free). */
  readonly penalty: number;
}

export interface RidgeFit {
  readonly intercept: number;
  /** Coefficients on the original (unstandardised) column scale; 0 for constant columns. */
  readonly coefficients: Float64Array;
}

export function fitRidge(input: RidgeInput): RidgeFit {
  const { design, rows, columns, target, weights, penalty } = input;
  let totalWeight = 0;
  let targetMean = 0;
  const means = new Float64Array(columns);
  const nonzero = new Uint8Array(columns);
  for (let r = 0; r < rows; r++) {
    const weight = weights[r];
    totalWeight += weight;
    targetMean += weight * target[r];
    for (let c = 0; c < columns; c++) {
      const value = design[r * columns + c];
      means[c] += weight * value;
      if (value !== 0) nonzero[c] = 1;
    }
  }
  if (!(totalWeight > 0)) throw new Error('ridge: no weight');
  targetMean /= totalWeight;
  for (let c = 0; c < columns; c++) means[c] /= totalWeight;

  // A column that is 0 on every row (a weekday never served, no holiday in the window) is 0 once
  // centred too and adds exactly nothing: the products run over the other columns only.
  // The sums run in a dense m × m block of the m used columns, then land in their places.
  const used = Int32Array.from(nonzero.keys()).filter((c) => nonzero[c] === 1);
  const m = used.length;
  const usedMeans = Float64Array.from(used, (c) => means[c]);
  const block = new Float64Array(m * m);
  const blockMoment = new Float64Array(m);
  const centred = new Float64Array(m);
  for (let r = 0; r < rows; r++) {
    const weight = weights[r];
    const row = r * columns;
    for (let u = 0; u < m; u++) centred[u] = design[row + used[u]] - usedMeans[u];
    const y = target[r] - targetMean;
    for (let u = 0; u < m; u++) {
      const wa = weight * centred[u];
      if (wa === 0) continue;
      blockMoment[u] += wa * y;
      const at = u * m;
      for (let v = 0; v <= u; v++) block[at + v] += wa * centred[v];
    }
  }
  const gram = new Float64Array(columns * columns);
  const moment = new Float64Array(columns);
  for (let u = 0; u < m; u++) {
    moment[used[u]] = blockMoment[u];
    for (let v = 0; v <= u; v++) gram[used[u] * columns + used[v]] = block[u * m + v];
  }
  // Standardise through the diagonal so that the penalty treats every column alike.
  const scale = new Float64Array(columns);
  for (let c = 0; c < columns; c++) scale[c] = Math.sqrt(gram[c * columns + c] / totalWeight);
  const active = [...scale.keys()].filter((c) => scale[c] > 1e-9);
  const size = active.length;
  const system = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const a = active[i];
    rhs[i] = moment[a] / scale[a];
    for (let j = 0; j <= i; j++) {
      const b = active[j];
      const value = gram[a * columns + b] / (scale[a] * scale[b]);
      system[i * size + j] = value;
      system[j * size + i] = value;
    }
    system[i * size + i] += penalty * totalWeight;
  }
  const solution = solveCholesky(system, rhs, size);
  const coefficients = new Float64Array(columns);
  let intercept = targetMean;
  active.forEach((column, i) => {
    coefficients[column] = solution[i] / scale[column];
    intercept -= coefficients[column] * means[column];
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
