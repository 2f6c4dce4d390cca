import { numberTextParts, readNumberText } from './number-text';

describe('number text in people’s files', () => {
  it('reads decimal notation, with commas only as thousands separators in groups of three', () => {
    const read = ['12', '-3', '+4', '12.5', '.5', '12.', ' 7 ', '1e3', '2.5E-2', '1,234', '1,234.5', '-1,234,567.89', '12,345'].map(readNumberText);
    expect(read).toEqual([12, -3, 4, 12.5, 0.5, 12, 7, 1000, 0.025, 1234, 1234.5, -1234567.89, 12345]);
  });

  it('names a decimal comma apart from a misplaced one', () => {
    expect(['12,5', '0,75', ',5', '-1,5', '1234,567', '1,2345'].map(readNumberText)).toEqual(Array(6).fill('decimal-comma'));
    expect(['1,23.4', '1,2,3', '12,', '1,2345.00', '1234,567.8', '1,234,56'].map(readNumberText)).toEqual(Array(6).fill('misplaced-comma'));
  });

  it('guesses nothing else: other notations and words are no number', () => {
    expect(['0x10', '0b11', '0o7', 'Infinity', 'NaN', '', ' ', '.', '-', '1e999', '12,3x', ',', '1 234', '1_000', '1.2.3', '--1', '¥12'].map(readNumberText)).toEqual(Array(17).fill('not-a-number'));
  });

  it('takes a number apart into digits, for callers that must not round (money in fen)', () => {
    expect(numberTextParts('-1,234.50')).toEqual({ negative: true, whole: '1234', fraction: '50', exponent: '' });
    expect(numberTextParts('.5e-3')).toEqual({ negative: false, whole: '', fraction: '5', exponent: '-3' });
    expect(numberTextParts('12,5')).toBe('decimal-comma');
  });
});
