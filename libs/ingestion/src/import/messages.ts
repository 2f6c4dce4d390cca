import { bilingual, LarderError, LarderErrorCode } from '@larder/common';

export { bilingual };

export function fileError(code: LarderErrorCode, fileName: string, zh: string, en: string): LarderError {
  return new LarderError(code, bilingual(`${fileName}：${zh}`, `${fileName}: ${en}`), { fileName });
}
