/** What the untranslated-text scan counts as a finding in a page's text, for one language. */

/** A piece of text on the page and whether it is a data value (a table's data cell: names, SKUs, people). */
export interface PageText {
  text: string;
  data: boolean;
}

/** Raw codes in any language: error codes, snake_case keys, message keys, unfilled placeholders, broken values. */
const RAW_CODES: RegExp[] = [
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
  /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g,
  /\b(?:kpi|status|meal|alert|reason|kind|unit|role|page|weekday|report|whatIf|today|quadrant)\.[A-Za-z-]+\b/g,
  /\{[A-Za-z]+\}/g,
  /\bundefined\b/g,
  /\bNaN\b/g,
  /\[object Object\]/g,
];

/**
 * English the Chinese page may show: the brand, units, file formats and measures known by their
 * abbreviation, and the switch to English itself. Words with a digit (SKU and canteen codes, ISO
 * weeks, versions, P10–P90) and ISO dates have no letters-only word and pass anyway.
 */
export const ZH_ALLOWED_WORDS = new Set([
  // the brand and its logo mark
  'Larder',
  'L',
  // SI units as the pages write them (12.5 kg, 3.2 s)
  's',
  'English',
  'kg',
  'g',
  'CSV',
  // text encodings a file may come in (UTF-8, GBK), named as every tool names them
  'UTF',
  'GBK',
  'Excel',
  'PNG',
  'PDF',
  'API',
  'WAPE',
  'SKU',
  'ISO',
  'OpenAPI',
  'JSON',
  'URL',
  'ID',
]);

const CHINESE = /[\u3400-\u9fff]+/g;

/** The findings in one language's page text: raw codes anywhere; English words in zh-CN; Chinese outside data values in en. */
export function untranslated(texts: readonly PageText[], lang: 'zh-CN' | 'en', allowed: { words?: ReadonlySet<string>; chinese?: ReadonlySet<string> } = {}): string[] {
  const findings = new Set<string>();
  for (const { text: raw, data } of texts) {
    let text = raw;
    // A code is reported once, as a code, not again for its words.
    for (const pattern of RAW_CODES)
      for (const match of raw.matchAll(pattern)) {
        findings.add(`code: ${match[0]}`);
        text = text.replace(match[0], ' ');
      }
    // Data cells count in zh-CN too: English in them is a code or a status left untranslated, or a known data value (allowed.words).
    if (lang === 'zh-CN') {
      for (const match of text.matchAll(/[A-Za-z]+(?:[-'][A-Za-z]+)*/g)) {
        const word = match[0];
        // Part of a code with digits (C01, SKU-1001, 2026-W48, v2, P90): not a word.
        const around = text.slice(Math.max(0, match.index - 1), match.index + word.length + 1);
        if (/\d/.test(around) || ZH_ALLOWED_WORDS.has(word) || allowed.words?.has(word)) continue;
        findings.add(`english: ${word}`);
      }
    }
    if (lang === 'en' && !data) {
      for (const match of text.matchAll(CHINESE)) if (!allowed.chinese?.has(match[0]) && match[0] !== '中文') findings.add(`chinese: ${match[0]}`);
    }
  }
  return [...findings].sort();
}
