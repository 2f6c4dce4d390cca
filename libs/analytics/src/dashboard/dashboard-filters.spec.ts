import { LarderError } from '@larder/common';
import { parseDashboardQuery } from './dashboard-filters';

function failure(query: Record<string, unknown>): string {
  try {
    parseDashboardQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(LarderError);
    expect((error as LarderError).code).toBe('VALIDATION_FAILED');
    return (error as Error).message;
  }
  throw new Error('expected a validation failure');
}

describe('parseDashboardQuery', () => {
  it('leaves absent filters for the defaults', () => {
    expect(parseDashboardQuery({})).toEqual({ from: undefined, to: undefined, canteens: undefined, meal: null, dish: undefined });
  });

  it('reads dates, canteen ids (sorted, once each), the meal and a dish', () => {
    expect(parseDashboardQuery({ from: '2026-10-01', to: '2026-10-31', canteens: '3, 1,3', meal: 'lunch', dish: '12' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      canteens: [1, 3],
      meal: 'lunch',
      dish: 12,
    });
  });

  it('names the parameter and the fault', () => {
    expect(failure({ from: '2026-13-01' })).toContain('"from" must be a date YYYY-MM-DD');
    expect(failure({ from: '2026-11-02', to: '2026-11-01' })).toContain('must not be after "to"');
    expect(failure({ from: '2025-01-01', to: '2026-11-01' })).toContain('at most 400 days');
    expect(failure({ canteens: '1,x' })).toContain('"canteens" must be a positive whole number');
    expect(failure({ canteens: '0' })).toContain('"canteens"');
    expect(failure({ meal: 'brunch' })).toContain('"meal" must be one of breakfast, lunch, dinner, night');
    expect(failure({ meal: ['lunch', 'dinner'] })).toContain('"meal" must be given once');
  });

  it('accepts exactly 400 days', () => {
    expect(parseDashboardQuery({ from: '2025-10-01', to: '2026-11-04' }).to).toBe('2026-11-04');
  });
});
