import { translator } from './i18n';

describe('translator', () => {
  it('takes the singular for a count of one where the language has one', () => {
    const en = translator('en');
    expect(en('leadDays', { n: 1 })).toBe('1 day');
    expect(en('leadDays', { n: 2 })).toBe('2 days');
    expect(en('lateOrdersNotice', { n: 1 })).toMatch(/^1 order holds /);
    expect(en('lateOrdersNotice', { n: 3 })).toMatch(/^3 orders hold /);
    expect(translator('zh-CN')('leadDays', { n: 1 })).toBe('1 天');
  });

  it('fills a value everywhere the text names it', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const hint = translator(lang)('themesHint', { n: 5 });
      expect(hint).not.toContain('{n}');
      expect(hint.split('5').length - 1).toBe(2);
    }
  });

  it('writes the apostrophe the English pages use everywhere', () => {
    expect(translator('en')('lateOrderNote')).toContain("supplier's");
  });
});
