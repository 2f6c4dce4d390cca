import { formats, timeZone, toYuan, useTimeZone } from './format';
import { nextWeek } from './weeks';

describe('formats', () => {
  it('shows fen as yuan, shares as percentages, and a dash for nothing', () => {
    const zh = formats('zh-CN');
    expect(zh.yuan(1234567)).toBe('¥12,346');
    expect(zh.yuan(1234567, 2)).toBe('¥12,345.67');
    expect(zh.pct(0.1234)).toBe('12.3%');
    expect(zh.number(null)).toBe('–');
    expect(toYuan(199)).toBe(1.99);
  });

  it('puts the minus before the yuan sign and shows no minus on what rounds to zero', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const f = formats(lang);
      expect(f.yuan(-603400)).toBe('-¥6,034');
      expect(f.yuan(-0.4, 2)).toBe('¥0.00');
      expect(f.pct(-0.00001)).toBe('0.0%');
      expect(f.number(-0.3)).toBe('0');
      expect(f.number(-1234.5, 1)).toBe('-1,234.5');
    }
  });

  it('shows times in Asia/Shanghai whatever the machine clock, as ISO dates read, in both languages', () => {
    expect(formats('en').dateTime('2026-11-20T16:30:00Z')).toBe('2026-11-21 00:30');
    expect(formats('zh-CN').dateTime('2026-11-20T16:30:00Z')).toBe('2026-11-21 00:30');
    expect(formats('en').dateTime('2026-11-20T15:59:00Z')).toBe('2026-11-20 23:59');
  });

  it("takes the canteens' time zone the server names, for times and for the coming week", () => {
    const before = timeZone();
    try {
      useTimeZone('Europe/Zurich');
      expect(formats('en').dateTime('2026-11-20T16:30:00Z')).toBe('2026-11-20 17:30');
      // Sunday 23:30 in Zurich is already Monday in Shanghai: the coming week is a week later there.
      expect(nextWeek(new Date('2026-11-29T22:30:00Z'))).toBe('2026-W49');
      useTimeZone('Asia/Shanghai');
      expect(nextWeek(new Date('2026-11-29T22:30:00Z'))).toBe('2026-W50');
    } finally {
      useTimeZone(before);
    }
  });
});
