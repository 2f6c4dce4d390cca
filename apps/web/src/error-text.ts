import { ApiError } from './api';
import { textOr, type TextKey, type Translate } from './i18n';

/** What a page says about a failure: what happened and what to do next, in the page's language. */
export interface ErrorText {
  /** The LarderError code (or `network`, `other`), kept for the tests and for support, never shown. */
  code: string;
  sentence: string;
  action: string;
}

/**
 * The one reading of an API refusal for every page. The API's own message is English and written for
 * developers, so the page speaks from the error code; `byCode` lets a form say something more precise.
 */
export function errorText(t: Translate, error: unknown, byCode: Partial<Record<string, TextKey>> = {}): ErrorText {
  if (!(error instanceof ApiError)) {
    // fetch rejects with a TypeError when the server cannot be reached at all.
    const code = error instanceof TypeError ? 'network' : 'other';
    return { code, sentence: t(`errorText.${code}`), action: t(`errorAction.${code}`) };
  }
  const own = byCode[error.code];
  const sentence = own ? t(own) : textOr(t, `errorText.${error.code}`, t('errorText.other'));
  return { code: error.code, sentence, action: textOr(t, `errorAction.${error.code}`, t('errorAction.other')) };
}

/** The sentence and its action as one line, for status slots and form messages. */
export function errorLine(t: Translate, error: unknown, byCode: Partial<Record<string, TextKey>> = {}): string {
  const text = errorText(t, error, byCode);
  return `${text.sentence} ${text.action}`;
}
