/** Users read Chinese first; the English half keeps logs and support tickets searchable. */
export function bilingual(zh: string, en: string): string {
  return `${zh}（${en}）`;
}

/**
 * One language's half of a `bilingual` text, for a page that speaks one language: the English is
 * the last full-width parenthesis that closes the text, found by depth so that parentheses inside
 * either half (消费流水（transactions）) stay where they are. Text not made by `bilingual` is returned whole.
 */
export function bilingualPart(text: string, lang: 'zh-CN' | 'en'): string {
  if (!text.endsWith('）')) return text;
  let depth = 0;
  for (let index = text.length - 1; index >= 0; index--) {
    if (text[index] === '）') depth++;
    else if (text[index] === '（' && --depth === 0) {
      if (index === 0) return text;
      return lang === 'en' ? text.slice(index + 1, -1) : text.slice(0, index);
    }
  }
  return text;
}
