import { formats } from '../format';
import { translator } from '../i18n';
import { progressText } from './imports.page';

describe('progressText', () => {
  const zh = { t: translator('zh-CN'), f: formats('zh-CN') };
  const en = { t: translator('en'), f: formats('en') };

  it('says the rows stored of about how many, and the share, in the page language', () => {
    expect(progressText(zh, '销售.csv', { records: 50_000, estimate: 200_000 })).toBe('正在导入 销售.csv：已保存 50,000 行，约共 200,000 行（25%）…');
    expect(progressText(en, 'sales.csv', { records: 50_000, estimate: 200_000 })).toBe('Importing sales.csv: 50,000 of about 200,000 rows stored (25%)…');
  });

  it('never says 100 % before the summary, and only the rows stored when the file gives no count or they pass it', () => {
    expect(progressText(en, 'sales.csv', { records: 999, estimate: 1_000 })).toBe('Importing sales.csv: 999 of about 1,000 rows stored (99%)…');
    expect(progressText(en, 'sales.csv', { records: 1_000, estimate: 1_000 })).toBe('Importing sales.csv: 1,000 of about 1,000 rows stored (99%)…');
    expect(progressText(en, 'sales.csv', { records: 1_020, estimate: 1_000 })).toBe('Importing sales.csv: 1,020 rows stored…');
    expect(progressText(en, 'sales.xlsx', { records: 10_000, estimate: null })).toBe('Importing sales.xlsx: 10,000 rows stored…');
  });
});
