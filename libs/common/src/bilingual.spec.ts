import { bilingual, bilingualPart } from './bilingual';

describe('bilingualPart', () => {
  it('takes either half of a bilingual text, parentheses inside each half kept', () => {
    const text = bilingual(
      'a.csv：看起来是按映射“cn-card”的消费流水（transactions），但缺少必需的列：交易时间（也可写作 消费时间、刷卡时间）',
      'a.csv: looks like transactions of profile cn-card but lacks the required column 交易时间 (or 消费时间, 刷卡时间)',
    );
    expect(bilingualPart(text, 'zh-CN')).toBe('a.csv：看起来是按映射“cn-card”的消费流水（transactions），但缺少必需的列：交易时间（也可写作 消费时间、刷卡时间）');
    expect(bilingualPart(text, 'en')).toBe('a.csv: looks like transactions of profile cn-card but lacks the required column 交易时间 (or 消费时间, 刷卡时间)');
    expect(bilingualPart(bilingual('合计行（“合计”）', 'the total row ("合计")'), 'en')).toBe('the total row ("合计")');
  });

  it('returns a text that is not bilingual whole', () => {
    for (const text of ['plain English', '（只有括号）', '不成对）', '']) expect(bilingualPart(text, 'zh-CN')).toBe(text);
  });
});
