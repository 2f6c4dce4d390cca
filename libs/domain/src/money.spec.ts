import { fenToYuan, yuanText, yuanToFen } from './money';

describe('money', () => {
  it('converts between whole fen and yuan and writes yuan as text', () => {
    expect(yuanToFen(12.3)).toBe(1230);
    expect(fenToYuan(1230)).toBe(12.3);
    expect(yuanText(1230)).toBe('¥12.30');
    expect(yuanText(5)).toBe('¥0.05');
  });
});
