import { INGREDIENT_CATEGORIES, INGREDIENT_UNITS } from '@larder/domain';
import { INGREDIENT_CATEGORY_SYNONYMS, UNIT_ADVICE, UNIT_SYNONYMS } from './code-synonyms';
import { FieldProblem, parseCode, parseDate, parseDateTime, parseDecimal, parseInteger, parseIntegerList, parseMoney, parseTimeOfDay, zoneOffsetMinutes } from './field-values';

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
    expect(['18.00元', '1,018.00 元', '-12.5元'].map((value) => parseMoney(value, 'yuan'))).toEqual([1800, 101800, -1250]);
    for (const bad of ['元', '¥18.00元', '18.00 元元', '18.005元']) expect(() => parseMoney(bad, 'yuan')).toThrow(FieldProblem);
    // text that is no amount either way is refused as such
    expect(() => parseMoney('12,3x', 'yuan')).toThrow(/is not an amount/);
  });

  it('reads decimals with thousands separators and refuses a decimal comma', () => {
    expect(['1,234.5', '12.5', '-1,000', '7'].map((value) => parseDecimal(value))).toEqual([1234.5, 12.5, -1000, 7]);
    for (const decimalComma of ['12,5', '0,75', '1,2,3']) expect(() => parseDecimal(decimalComma)).toThrow(FieldProblem);
    expect(parseInteger('12,000')).toBe(12000);
    expect(() => parseInteger('1,5')).toThrow(/comma may only separate thousands/);
  });

  it('reads numbers by the one rule of @larder/domain and names which comma is wrong, in both languages', () => {
    expect(['1e3', '.5', '+4', '1,234,567'].map((value) => parseDecimal(value))).toEqual([1000, 0.5, 4, 1234567]);
    const reason = (parse: () => unknown) => {
      try {
        parse();
      } catch (error) {
        return [(error as FieldProblem).zh, (error as FieldProblem).en];
      }
      throw new Error('read');
    };
    expect(reason(() => parseDecimal('12,5'))).toEqual([
      '"12,5" 中的逗号不是千位分隔符；小数请用小数点（12.5）',
      '"12,5": a comma may only separate thousands (1,234.5); write decimals with a point (12.5)',
    ]);
    expect(reason(() => parseInteger('1,23,456'))).toEqual([
      '"1,23,456" 中的逗号位置不对：逗号只能作千位分隔符，每三位一组（1,234.5）',
      '"1,23,456": a comma may only separate thousands, in groups of three (1,234.5)',
    ]);
    expect(reason(() => parseMoney('¥1,23.40', 'yuan'))[1]).toBe('"¥1,23.40": a comma may only separate thousands, in groups of three (1,234.5)');
    expect(reason(() => parseDecimal('0x10'))[1]).toBe('"0x10" is not a number');
    // a whole number in exponent notation is a spreadsheet's rounding of a long number: refused, not stored rounded
    expect(reason(() => parseInteger('1.23457E+11'))[1]).toBe('"1.23457E+11" is not a whole number');
    expect(reason(() => parseMoney('1e3', 'yuan'))[1]).toBe('"1e3" is not an amount (yuan, at most two decimals)');
    expect([parseInteger('12.00'), parseInteger('1,000'), parseMoney('-¥1,234.5', 'yuan'), parseMoney('￥-0.05', 'yuan')]).toEqual([12, 1000, -123450, -5]);
  });

  it('reads lists of whole numbers and refuses one that is also a number with a thousands separator', () => {
    expect(['1,3,5', '1、3、5', '1;3;5', '{1,2,3}', '1, 234', '1,2', 6, ''].map((value) => parseIntegerList(value))).toEqual([[1, 3, 5], [1, 3, 5], [1, 3, 5], [1, 2, 3], [1, 234], [1, 2], [6], []]);
    for (const ambiguous of ['1,234', '{12,345}', '1,234,567']) expect(() => parseIntegerList(ambiguous)).toThrow(FieldProblem);
    const problem = (() => {
      try {
        parseIntegerList('1,234');
      } catch (error) {
        return error as FieldProblem;
      }
    })();
    expect(problem?.zh).toBe('"1,234" 既可读作一个数 1234，也可读作 1、234：列表请用顿号或分号分隔（1、234），一个数请去掉千位分隔符');
    expect(problem?.en).toBe('"1,234" reads as the number 1234 or as the list 1, 234: separate a list with 、 or ; (1;234), write one number without the thousands separator');
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
    // a card export's time in every year-first spelling its dates may have, and as 14 digits
    const noon = (text: string) => {
      const read = parseDateTime(text, 'Asia/Shanghai');
      return [read.instant.toISOString(), read.localDate, read.localMinutes];
    };
    for (const text of ['2026年11月24日 12:01:30', '2026年11月24日12:01:30', '2026.11.24 12:01:30', '20261124 12:01:30', '20261124120130', '2026-11-24 12:01:30', '2026/11/24T12:01:30'])
      expect([text, ...noon(text)]).toEqual([text, '2026-11-24T04:01:30.000Z', '2026-11-24', 721]);
    expect(noon('2026年3月5日')).toEqual(['2026-03-04T16:00:00.000Z', '2026-03-05', 0]);
    expect(() => parseDateTime('2026年2月30日 12:00', 'Asia/Shanghai')).toThrow(/not a calendar date/);
    for (const bad of ['24.11.2026 12:01', '11/24/2026 12:01', '2026112412013', '2026-11-24 12']) expect(() => parseDateTime(bad, 'Asia/Shanghai')).toThrow(/is not a date and time/);
    expect(parseTimeOfDay('7:30')).toBe('07:30:00');
  });

  it('refuses a market unit with the conversion to make, in both languages', () => {
    const unit = { allowed: INGREDIENT_UNITS, synonyms: UNIT_SYNONYMS, what: ['单位', 'unit'] as [string, string], advice: UNIT_ADVICE };
    expect(['公斤', '个', 'KG'].map((value) => parseCode(value, unit))).toEqual(['kg', 'piece', 'kg']);
    const problem = (value: string) => {
      try {
        parseCode(value, unit);
      } catch (error) {
        expect(error).toBeInstanceOf(FieldProblem);
        return error as FieldProblem;
      }
      throw new Error(`${value} was read as a unit`);
    };
    expect(problem('斤').zh).toMatch(/^未知的单位 "斤"（可用：公斤 kg、升 l、个 piece）；1 斤 = 0\.5 公斤：单位请写 kg.*（斤数 ÷ 2）$/);
    expect(problem('斤').en).toMatch(/^unknown unit "斤" \(expected one of kg, l, piece\); 1 jin \(斤\) = 0\.5 kg: write kg/);
    expect(problem(' G ').en).toMatch(/grams ÷ 1000/);
    expect(problem('箱').zh).toBe('未知的单位 "箱"（可用：公斤 kg、升 l、个 piece）');
    // each code offered under the Chinese word a canteen writes, which is read as well
    const category = { allowed: INGREDIENT_CATEGORIES, synonyms: INGREDIENT_CATEGORY_SYNONYMS, what: ['食材类别', 'ingredient category'] as [string, string] };
    const refused = (() => {
      try {
        return parseCode('蛋类', category);
      } catch (error) {
        return (error as FieldProblem).zh;
      }
    })();
    expect(refused).toMatch(/^未知的食材类别 "蛋类"（可用：肉禽 meat_poultry、水产 seafood、蔬菜 vegetables、.*、蛋奶 eggs_dairy、/);
    expect(parseCode('蛋奶', category)).toBe('eggs_dairy');
  });
});
