import { WASTE_KINDS } from '@larder/domain';
import { translator } from '../../../../../apps/web/src/i18n';
import { WASTE_KIND_SYNONYMS } from './code-synonyms';

describe('waste kinds on the page and in an imported waste log', () => {
  it('the word the Chinese page shows for each kind is read back by the importer as that kind', () => {
    const zh = translator('zh-CN');
    // the page once called plate waste 剩菜, the word the importer reads as overproduction
    expect(WASTE_KINDS.map((kind) => [kind, WASTE_KIND_SYNONYMS[zh(`kind.${kind}`)]])).toEqual(WASTE_KINDS.map((kind) => [kind, kind]));
    expect(zh('platePerCover')).not.toContain('剩菜');
  });
});
