import { FieldProblem, parseDate, parseDateTime, parseDecimal, parseInteger, parseMoney, parseTimeOfDay, zoneOffsetMinutes } from './field-values';

describe('field values', () => {
  it('reads money exactly in fen, in yuan or fen', () => {
    expect(['12.50', '-12.50', '0.01', '12', '12.5', '¥1,234.56', ' 3.00 '].map((value) => parseMoney(value, 'yuan'))).toEqual([1250, -1250, 1, 1200, 1250, 123456, 300]);
    expect(parseMoney(12.34, 'yuan')).toBe(1234);
    expect(parseMoney('850', 'fen')).toBe(850);
    for (const bad of ['12.345', '1.2.3', 'abc', '12,3x', '--1.00']) expect(() => parseMoney(bad, 'yuan')).toThrow(FieldProblem);
    expect(() => parseMoney(12.345, 'yuan')).toThrow(FieldProblem);
    // a comma that does not separate thousands may be a decimal comma: refused, never read as ten or a hundred times the amount
    for (const decimalComma of ['1,23', '12,5', '1,2345.00', ',5']) expect(() => parseMoney(decimalComma, 'yuan')).toThrow(/comma may only separate thousands/);
    expect(parseMoney('-1,234,567.89', 'yuan')).toBe(-123456789);
    // text that is no amount either way is refused as such
    expect(() => parseMoney('12,3x', 'yuan')).toThrow(/is not an amount/);
  });

  it('reads decimals with thousands separators and refuses a decimal comma', () => {
    expect(['1,234.5', '12.5', '-1,000', '7'].map((value) => parseDecimal(value))).toEqual([1234.5, 12.5, -1000, 7]);
    for (const decimalComma of ['12,5', '0,75', '1,2,3']) expect(() => parseDecimal(decimalComma)).toThrow(FieldProblem);
    expect(parseInteger('12,000')).toBe(12000);
    expect(() => parseInteger('1,5')).toThrow(/comma may only separate thousands/);
  });

  it('reads dates in the spellings vendors use and refuses impossible ones', () => {
    expect(['2026-11-24', '2026/11/24', '20261124', '2026-1-5', '2026年11月24日', '2024-02-29'].map(parseDate)).toEqual([
      '2026-11-24',
      '2026-11-24',
      '2026-11-24',
      '2026-01-05',
      '2026-11-24',
      '2024-02-29',
    ]);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '24.11.2026']) expect(() => parseDate(bad)).toThrow(FieldProblem);
  });

  it('reads times as instants with the canteen-local date and minute', () => {
    const zoned = parseDateTime('2026-11-24T23:30:00+08:00', 'Asia/Shanghai');
    expect(zoned.instant.toISOString()).toBe('2026-11-24T15:30:00.000Z');
    expect([zoned.localDate, zoned.localMinutes]).toEqual(['2026-11-24', 1410]);
    const utc = parseDateTime('2026-11-24T16:30:00Z', 'Asia/Shanghai');
    expect([utc.localDate, utc.localMinutes]).toEqual(['2026-11-25', 30]);
    const wall = parseDateTime('2026/11/24 12:01', 'Europe/Berlin');
    expect(wall.instant.toISOString()).toBe('2026-11-24T11:01:00.000Z');
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 1))).toBe(120);
    expect(() => parseDateTime('2026-11-24 25:00', 'Asia/Shanghai')).toThrow(FieldProblem);
    expect(parseTimeOfDay('7:30')).toBe('07:30:00');
  });
});
