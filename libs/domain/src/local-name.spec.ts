import { localName } from './local-name';

describe('localName', () => {
  it('gives the English name in English where there is one, else the Chinese name', () => {
    expect(localName({ name: '一食堂', nameEn: 'Canteen 1' }, 'en')).toBe('Canteen 1');
    expect(localName({ name: '一食堂', nameEn: 'Canteen 1' }, 'zh-CN')).toBe('一食堂');
    expect(localName({ name: '一食堂', nameEn: '' }, 'en')).toBe('一食堂');
    expect(localName({ name: '一食堂', nameEn: null }, 'en')).toBe('一食堂');
    expect(localName({ name: '一食堂' }, 'en')).toBe('一食堂');
  });
});
