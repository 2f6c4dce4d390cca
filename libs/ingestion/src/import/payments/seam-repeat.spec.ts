import type { CellValue, SourceRecord } from '../formats/record-stream';
import { seamRepeat } from './seam-repeat';

// columns: serial, time, dish, amount, an unmapped note (the guard leaves it out of the mapped ones)
const MAPPED = [0, 1, 2, 3];
const record = (line: number, ...values: CellValue[]): SourceRecord => ({ line, values });

describe('seamRepeat', () => {
  it('finds a payment whose lines repeat right after themselves, naming both halves', () => {
    const repeat = seamRepeat(
      [
        record(2, 'T1', '12:01', '红烧肉', '10.00', 'a'),
        record(3, 'T1', '12:01', '米饭', '3.00', 'a'),
        record(4, 'T1', '12:01', '红烧肉', '10.00', 'b'),
        record(5, 'T1', '12:01', '米饭', '3.00', 'b'),
      ],
      MAPPED,
    );
    expect(repeat?.half).toBe(2);
    expect(repeat?.reason).toContain('第 4–5 行与第 2–3 行完全相同');
    expect(repeat?.reason).toContain('lines 4–5 repeat lines 2–3 exactly');
  });

  it('finds a single line repeated: a one-line payment at the seam', () => {
    const repeat = seamRepeat([record(7, 'T2', '12:05', '套餐', 13), record(8, 'T2', '12:05', '套餐', 13)], MAPPED);
    expect(repeat?.half).toBe(1);
    expect(repeat?.reason).toContain('第 8 行与第 7 行完全相同');
    expect(repeat?.reason).toContain('line 8 repeats line 7 exactly');
  });

  it('leaves a payment alone when any mapped value differs, the halves are reordered or the count is odd', () => {
    expect(seamRepeat([record(2, 'T1', '12:01', '套餐', 13), record(3, 'T1', '12:01', '套餐', 14)], MAPPED)).toBeNull();
    expect(seamRepeat([record(2, 'T1', '12:01', '套餐', 13), record(3, 'T1', '12:01', '套餐', null)], MAPPED)).toBeNull();
    expect(seamRepeat([record(2, 'T1', '12:01', '红烧肉', 10), record(3, 'T1', '12:01', '米饭', 3), record(4, 'T1', '12:01', '米饭', 3), record(5, 'T1', '12:01', '红烧肉', 10)], MAPPED)).toBeNull();
    expect(seamRepeat([record(2, 'T1', '12:01', '套餐', 13), record(3, 'T1', '12:01', '套餐', 13), record(4, 'T1', '12:01', '套餐', 13)], MAPPED)).toBeNull();
    expect(seamRepeat([record(2, 'T1', '12:01', '套餐', 13)], MAPPED)).toBeNull();
  });

  it('compares the mapped columns only, a missing cell as empty', () => {
    expect(seamRepeat([record(2, 'T1', '12:01', '套餐', 13, 'a'), record(3, 'T1', '12:01', '套餐', 13, 'b')], MAPPED)?.half).toBe(1);
    expect(seamRepeat([record(2, 'T1', '12:01', '套餐', null), record(3, 'T1', '12:01', '套餐')], MAPPED)?.half).toBe(1);
  });
});
