import { LarderError, LarderErrorCode } from '@larder/common';

/** Users read Chinese first; the English half keeps logs and support tickets searchable. */
export function bilingual(zh: string, en: string): string {
  return `${zh}（${en}）`;
}

export function fileError(code: LarderErrorCode, fileName: string, zh: string, en: string): LarderError {
  return new LarderError(code, bilingual(`${fileName}：${zh}`, `${fileName}: ${en}`), { fileName });
}
