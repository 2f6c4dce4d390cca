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

/** API field (the last segment of a path such as `lines.0.amountFen`) → the key of the label a form shows for it. */
export type FieldLabels = Partial<Record<string, TextKey>>;

/** How a form reads a refusal of what was entered in it. */
export interface FormReading {
  /** The form's own sentence for a code (a taken username); it says what to do and wins over the rest. */
  byCode?: Partial<Record<string, TextKey>>;
  fields?: FieldLabels;
}

/**
 * The API fields a refusal names, by their last path segment, in the API's order: the validation pipe's
 * `details.fields` (`lines.0.amountFen`), a service's `details.field` or `details.parameter`.
 */
export function refusedFields(error: unknown): string[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const { fields, field, parameter } = error.details;
  const paths = [...(Array.isArray(fields) ? fields : []), field, parameter].filter((path): path is string => typeof path === 'string' && path !== '');
  return [...new Set(paths.map((path) => path.split('.').at(-1)!).filter((name) => !/^\d+$/.test(name)))];
}

/**
 * A refusal as a form says it. A page's filters are not on a form, so VALIDATION_FAILED never reads as
 * the page's "filters not valid": it names the form's labels of the refused fields, or, when no field
 * the form shows is named, says so without naming any. Every other code reads as on the page.
 */
export function formErrorText(t: Translate, error: unknown, reading: FormReading = {}): ErrorText {
  const byCode = reading.byCode ?? {};
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || byCode[error.code]) return errorText(t, error, byCode);
  const labels = [...new Set(refusedFields(error).flatMap((name) => (reading.fields?.[name] ? [t(reading.fields[name])] : [])))];
  if (labels.length === 0) return { code: error.code, sentence: t('formError.VALIDATION_FAILED'), action: t('formAction.VALIDATION_FAILED') };
  return { code: error.code, sentence: t('formError.fields', { fields: labels.join(t('listSeparator')) }), action: t('formAction.fields') };
}
