/** A fraction as a percentage for a benchmark's table (0.123 → "12.3 %"), "-" when there is none. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '-' : `${(value * 100).toFixed(digits)} %`;
}
