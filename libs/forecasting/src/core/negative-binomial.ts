/**
 * The level-quantile of a negative binomial count with the given mean and dispersion α (variance
 * μ + α μ²; α = 0 is the Poisson): the smallest whole number whose CDF reaches the level, which is
 * what minimises the pinball loss of a count at that level.
 */
export function negativeBinomialQuantile(mean: number, dispersion: number, level: number): number {
  if (!(mean > 0)) return 0;
  const alpha = Math.max(0, dispersion);
  const size = alpha > 0 ? 1 / alpha : Number.POSITIVE_INFINITY;
  // Probabilities by the recurrence p(k + 1) = p(k) · (k + r) / (k + 1) · μ / (r + μ), in logs for p(0).
  const ratio = alpha > 0 ? mean / (size + mean) : 0;
  let probability = alpha > 0 ? Math.exp(size * Math.log(size / (size + mean))) : Math.exp(-mean);
  let cumulative = probability;
  let k = 0;
  // Past the mean by many standard deviations the remaining mass is rounding error.
  const limit = Math.ceil(mean + 40 * Math.sqrt(mean + alpha * mean * mean) + 10);
  while (cumulative < level && k < limit) {
    probability *= alpha > 0 ? ((k + size) / (k + 1)) * ratio : mean / (k + 1);
    cumulative += probability;
    k++;
  }
  return k;
}

/**
 * The dispersion α of counts y around forecasts μ by the method of moments, from E(y − μ)² = μ + α μ²:
 * α = Σ((y − μ)² − μ) / Σ μ², never below 0 (a count no more spread than a Poisson is read as one).
 * Takes the two sums, so that windows of them can be added up.
 */
export function momentDispersion(excessSquares: number, squaredMeans: number): number {
  return squaredMeans > 0 ? Math.max(0, excessSquares / squaredMeans) : 0;
}
