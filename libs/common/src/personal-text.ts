/**
 * Values that are a person's whatever column they sit in: Chinese ID-card numbers (15 or 18
 * characters), mobile numbers, card and account numbers (long digit runs) and e-mail addresses.
 * Used to mask text Larder did not write itself (a header line that is really data, a parser's
 * message) before it is shown, logged or audited.
 */
const PERSONAL_VALUE = new RegExp([String.raw`\d{17}[Xx]`, String.raw`\d{12,}`, String.raw`(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)`, String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`].join('|'), 'g');

export const MASK = '***';

/** The text with every personal-looking value replaced by ***. */
export function maskPersonalText(text: string): string {
  return text.replace(PERSONAL_VALUE, MASK);
}

/** Masks an error's message and stack in place: for failures whose text came partly from a file. */
export function maskPersonalError<T>(error: T): T {
  if (error instanceof Error) {
    error.message = maskPersonalText(error.message);
    if (error.stack) error.stack = maskPersonalText(error.stack);
  }
  return error;
}
