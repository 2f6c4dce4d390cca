import { maskPersonalError, maskPersonalText, PersonalDataGuard } from './personal-data';
import { Pseudonymizer } from './pseudonymizer';
import { CN_CARD_PROFILE } from '../import/profiles/cn-card.profile';
import { mapColumns } from '../import/profiles/mapping-profile';

describe('personal data', () => {
  it('masks ID-card, card, mobile numbers and e-mail addresses in text Larder did not write, and nothing else', () => {
    expect(maskPersonalText('卡号 6222080000000000456 身份证 11010119900307451X 手机 13912345678 邮箱 wang.li@example.cn')).toBe('卡号 *** 身份证 *** 手机 *** 邮箱 ***');
    expect(maskPersonalText('+86 13912345678')).toBe('***');
    const ordinary = '消费流水20261124.csv line 12 at 2026-11-24 12:01:30: amount 18.50, serial P-000123, 4 rows';
    expect(maskPersonalText(ordinary)).toBe(ordinary);
    const error = new Error('value is "6222080000000000456"');
    expect(maskPersonalError(error).message).toBe('value is "***"');
    expect(error.stack).not.toContain('6222080000000000456');
  });

  it('pseudonymises the mapped card and staff numbers and empties every column nothing reads, in place', () => {
    const headers = ['卡号', '交易流水号', '交易时间', '姓名', '工号', '实付金额', '食堂', '卡号'];
    const mapping = mapColumns({ profile: CN_CARD_PROFILE, kind: 'transactions', headers })!;
    const pseudonyms = new Pseudonymizer('a-test-key-of-32-characters-long');
    const guard = new PersonalDataGuard(mapping, headers, pseudonyms);
    const record = { line: 2, values: ['6222 ', 'T1', '2026-11-24 12:00:00', '张三', 'E1', '9.50', 'C1', '6223', 'extra'] };
    expect(guard.apply(record)).toBe(record);
    expect(record.values).toEqual([pseudonyms.pseudonym('6222'), 'T1', '2026-11-24 12:00:00', null, pseudonyms.pseudonym('E1'), '9.50', 'C1', null]);
    expect(guard.quarantined(record)).toEqual({ 卡号: '***', 交易流水号: 'T1', 交易时间: '2026-11-24 12:00:00', 工号: '***', 实付金额: '9.50', 食堂: 'C1' });
    expect(guard.droppedColumns).toEqual(['姓名', '卡号']);
  });
});
