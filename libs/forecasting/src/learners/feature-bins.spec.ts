import { binOf, binRows, learnBins } from './feature-bins';

describe('feature bins', () => {
  it('puts missing values in bin 0 and value v in 1 + the number of edges below it', () => {
    const edges = Float64Array.of(1.5, 2.5, 4);
    expect(binOf(edges, Number.NaN)).toBe(0);
    expect(binOf(edges, 1)).toBe(1);
    expect(binOf(edges, 1.5)).toBe(1);
    expect(binOf(edges, 2)).toBe(2);
    expect(binOf(edges, 4)).toBe(3);
    expect(binOf(edges, 9)).toBe(4);
  });

  it('gives a flag 3 histogram slots and a many-valued feature at most maxBins + 1', () => {
    const rows = 1000;
    const x = new Float64Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      x[i * 2] = i % 2;
      x[i * 2 + 1] = i % 7 === 0 ? Number.NaN : i;
    }
    const bins = learnBins(x, rows, 2, 32);
    expect(bins.offsets[1] - bins.offsets[0]).toBe(3);
    expect(bins.offsets[2] - bins.offsets[1]).toBeLessThanOrEqual(33);
    const codes = binRows(bins, x, rows);
    for (let i = 0; i < rows; i++) {
      expect(codes[i * 2]).toBe(1 + (i % 2));
      expect(codes[i * 2 + 1]).toBe(binOf(bins.edges[1], x[i * 2 + 1]));
      // Every code falls inside its feature's slots.
      expect(codes[i * 2 + 1]).toBeLessThan(bins.offsets[2] - bins.offsets[1]);
    }
    expect(codes[1]).toBe(0);
  });
});
