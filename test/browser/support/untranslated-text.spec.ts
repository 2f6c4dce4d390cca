import { untranslated } from './untranslated-text';

describe('the untranslated-text check', () => {
  it('finds raw codes in either language', () => {
    const texts = [
      { text: 'VALIDATION_FAILED: plan_id', data: false },
      { text: 'undefined 份 · NaN% · {count} · kpi.covers', data: true },
    ];
    expect(untranslated(texts, 'zh-CN')).toEqual(['code: NaN', 'code: VALIDATION_FAILED', 'code: kpi.covers', 'code: plan_id', 'code: undefined', 'code: {count}']);
    expect(untranslated(texts, 'en')).toHaveLength(6);
  });

  it('finds English words on the Chinese page, data cells included, outside the allow-list', () => {
    const texts = [
      { text: 'Larder 食堂分析 · 导出 CSV · 12.5 kg · C01 · 2026-W48 · v2 · P90 · 2026-11-23', data: false },
      { text: 'Save 保存 · draft', data: false },
      { text: 'browser-test', data: true },
    ];
    expect(untranslated(texts, 'zh-CN')).toEqual(['english: Save', 'english: browser-test', 'english: draft']);
    expect(untranslated(texts, 'zh-CN', { words: new Set(['Save', 'draft', 'browser-test']) })).toEqual([]);
  });

  it('finds Chinese on the English page outside data values, but not the switch to Chinese', () => {
    const texts = [
      { text: 'Plan 计划 · 中文', data: false },
      { text: '红烧肉', data: true },
    ];
    expect(untranslated(texts, 'en')).toEqual(['chinese: 计划']);
  });
});
