import { ApiError } from './api';
import { errorLine, errorText, formErrorText, refusedFields } from './error-text';
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

describe('formErrorText', () => {
  const zh = translator('zh-CN');
  const en = translator('en');
  const budget = { canteenId: 'canteens', month: 'month', line: 'budgetLineLabel', amountFen: 'budgetAmount' } as const;
  const dto = new ApiError(400, 'VALIDATION_FAILED', 'amountFen must be 0 or more', { fields: ['lines.0.amountFen'] });

  it("names the form's labels of the refused fields, never the page's filters or dates", () => {
    expect(formErrorText(zh, dto, { fields: budget })).toEqual({ code: 'VALIDATION_FAILED', sentence: '这些值未被接受：金额（元）。', action: '请修改后再试。' });
    expect(formErrorText(en, dto, { fields: budget })).toEqual({ code: 'VALIDATION_FAILED', sentence: 'Not accepted: Amount (¥).', action: 'Correct it and try again.' });
    const two = new ApiError(400, 'VALIDATION_FAILED', 'x', { fields: ['lines.0.month', 'lines.0.amountFen', 'lines.1.amountFen'] });
    expect(formErrorText(zh, two, { fields: budget }).sentence).toBe('这些值未被接受：月份、金额（元）。');
    expect(formErrorText(en, two, { fields: budget }).sentence).toBe('Not accepted: Month, Amount (¥).');
  });

  it("reads a service's single field or parameter as well as the validation pipe's list", () => {
    expect(refusedFields(new ApiError(400, 'VALIDATION_FAILED', 'x', { field: 'reason' }))).toEqual(['reason']);
    expect(refusedFields(new ApiError(400, 'VALIDATION_FAILED', 'x', { parameter: 'canteens' }))).toEqual(['canteens']);
    expect(refusedFields(new ApiError(400, 'VALIDATION_FAILED', 'x', { fields: ['lines', 'lines.0.packs', 'lines.3.packs'] }))).toEqual(['lines', 'packs']);
    expect(refusedFields(new ApiError(400, 'VALIDATION_FAILED', 'x'))).toEqual([]);
    expect(formErrorText(en, new ApiError(400, 'VALIDATION_FAILED', 'x', { field: 'name' }), { fields: { name: 'tokenName' } }).sentence).toBe('Not accepted: Name.');
  });

  it('says a refusal without a field it can name in words of a form: no filters, no dates', () => {
    for (const error of [new ApiError(400, 'VALIDATION_FAILED', 'token name must be 1-64 letters'), new ApiError(400, 'VALIDATION_FAILED', 'x', { fields: ['limit'] })]) {
      for (const t of [zh, en]) {
        const text = formErrorText(t, error, { fields: budget });
        expect(text).toEqual({ code: 'VALIDATION_FAILED', sentence: t('formError.VALIDATION_FAILED'), action: t('formAction.VALIDATION_FAILED') });
        expect(`${text.sentence} ${text.action}`).not.toMatch(/筛选|日期|filter|date/i);
        expect(text.sentence).not.toBe(t('errorText.VALIDATION_FAILED'));
      }
    }
  });

  it("keeps a form's own reading of a code, and reads every other code as the page does", () => {
    expect(formErrorText(en, new ApiError(400, 'VALIDATION_FAILED', 'x', { fields: ['webhookUrl'] }), { byCode: { VALIDATION_FAILED: 'channelRule' } }).sentence).toBe(en('channelRule'));
    expect(formErrorText(zh, new ApiError(400, 'VALIDATION_FAILED', 'x', { field: 'username' }), { byCode: { VALIDATION_FAILED: 'usernameRule' }, fields: { username: 'username' } }).sentence).toBe(
      zh('usernameRule'),
    );
    expect(formErrorText(en, new ApiError(409, 'CONFLICT', 'taken'), { byCode: { CONFLICT: 'userExists' } }).sentence).toBe(en('userExists'));
    expect(formErrorText(en, new ApiError(404, 'NOT_FOUND', 'x'), { fields: budget })).toEqual(errorText(en, new ApiError(404, 'NOT_FOUND', 'x')));
    expect(formErrorText(en, new TypeError('Failed to fetch')).code).toBe('network');
  });
});
