/** Users read Chinese first; the English half keeps logs and support tickets searchable. */
export function bilingual(zh: string, en: string): string {
  return `${zh}（${en}）`;
}
