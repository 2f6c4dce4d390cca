import { ApiError } from './api';
import { errorLine, errorText } from './error-text';
import { translator } from './i18n';

describe('errorText', () => {
  const zh = translator('zh-CN');
  const en = translator('en');

  it('reads a LarderError code as a sentence and what to do, never the code or the API words', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'from (2026-11-20) must not be after "to" (2026-11-01)');
    expect(errorText(zh, error)).toEqual({ code: 'VALIDATION_FAILED', sentence: zh('errorText.VALIDATION_FAILED'), action: zh('errorAction.VALIDATION_FAILED') });
    expect(errorLine(en, error)).toBe(`${en('errorText.VALIDATION_FAILED')} ${en('errorAction.VALIDATION_FAILED')}`);
    expect(errorLine(zh, error)).not.toMatch(/VALIDATION|must not/);
  });

  it('has a sentence and an action for every code the API sends', () => {
    for (const code of [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'CONFLICT',
      'FORBIDDEN',
      'UNAUTHENTICATED',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_FORMAT',
      'UNAVAILABLE',
      'STORAGE_FULL',
      'CONFIRMATION_REQUIRED',
    ]) {
      const text = errorText(zh, new ApiError(400, code, 'x'));
      expect({ code, other: text.sentence === zh('errorText.other') || text.action === zh('errorAction.other') }).toEqual({ code, other: false });
    }
  });

  it("falls back for an unknown code, tells a lost connection apart, and takes a form's own reading", () => {
    expect(errorText(en, new ApiError(500, 'INTERNAL', 'boom')).sentence).toBe(en('errorText.other'));
    expect(errorText(en, new TypeError('Failed to fetch')).code).toBe('network');
    expect(errorText(en, new ApiError(409, 'CONFLICT', 'taken'), { CONFLICT: 'userExists' }).sentence).toBe(en('userExists'));
  });
});
