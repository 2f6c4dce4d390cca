import { parse } from 'csv-parse/sync';
import { PersonalDataGuard } from '../../privacy/personal-data';
import { Pseudonymizer } from '../../privacy/pseudonymizer';
import { CN_CARD_PROFILE } from '../profiles/cn-card.profile';
import { mapColumns } from '../profiles/mapping-profile';
import { quarantineCsv } from './quarantine-csv';
import { quarantineKeys } from './quarantine-keys';

describe('quarantineCsv', () => {
  it('writes line, status, reason and every column of the listed rows, amounts as written, formulas defused', () => {
    const text = quarantineCsv(
      [
        { line: 2, severity: 'rejected', reason: '列“消费金额”："?22.00" 不是金额', raw: { 交易流水号: 'T1', 消费金额: '?22.00', 卡号: '***' } },
        { line: 760, severity: 'rejected', reason: '合计行', raw: { 交易流水号: '合计', 消费金额: '¥1,018.00' } },
        { line: 9, severity: 'rejected', reason: '退款', raw: { 交易流水号: 'R1', 消费金额: '-¥18.00', 实付金额: '-12.00', 菜品名称: '=HYPERLINK("x")' } },
        { line: 5, severity: 'flagged', reason: '第 5 行与第 4 行完全相同', raw: { 交易流水号: 'T2', 消费金额: '13.00' } },
      ],
      null,
    );
    expect(parse(text)).toEqual([
      ['行号 line', '状态 status', '原因 reason', '交易流水号', '消费金额', '卡号', '实付金额', '菜品名称'],
      ['2', '未导入 refused', '列“消费金额”："?22.00" 不是金额', 'T1', '?22.00', '***', '', ''],
      ['760', '未导入 refused', '合计行', '合计', '¥1,018.00', '', '', ''],
      ['9', '未导入 refused', '退款', 'R1', '-¥18.00', '', '-12.00', `'=HYPERLINK("x")`],
      ['5', '已导入，请核对 stored, please check', '第 5 行与第 4 行完全相同', 'T2', '13.00', '', '', ''],
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes the header alone when nothing was refused', () => {
    expect(parse(quarantineCsv([], null))).toEqual([['行号 line', '状态 status', '原因 reason']]);
  });

  it("lists the columns in the file's own order, whatever order they were stored in, so a row pastes back", () => {
    // as jsonb keeps keys: shortest first
    const raw = { 卡号: '***', 食堂: '一食堂', 消费金额: '9.50', 交易时间: '2026-11-24 12:01', '交易流水号(派生)': 'D0123' };
    const headers = ['交易时间', '食堂', '备注', '卡号', '消费金额'];
    expect(parse(quarantineCsv([{ line: 4, severity: 'rejected', reason: '未知的菜品', raw }], headers))).toEqual([
      ['行号 line', '状态 status', '原因 reason', '交易时间', '食堂', '备注', '卡号', '消费金额', '交易流水号(派生)'],
      ['4', '未导入 refused', '未知的菜品', '2026-11-24 12:01', '一食堂', '', '***', '9.50', 'D0123'],
    ]);
  });

  it('keeps a column the file repeats under each of its headers, each value under its own column', () => {
    const headers = ['菜品', '数量', '菜品', '', '金额', ''];
    expect(quarantineKeys(headers)).toEqual(['菜品', '数量', '菜品 (2)', 'column4', '金额', 'column6']);
    const raw = { 菜品: '红烧肉', 数量: '2', '菜品 (2)': '米饭', column4: 'x', 金额: '18.00' };
    expect(parse(quarantineCsv([{ line: 3, severity: 'rejected', reason: '未知的菜品', raw }], headers))).toEqual([
      ['行号 line', '状态 status', '原因 reason', '菜品', '数量', '菜品', '', '金额', ''],
      ['3', '未导入 refused', '未知的菜品', '红烧肉', '2', '米饭', 'x', '18.00', ''],
    ]);
  });

  it('lines a guarded row up with a file that repeats a column before others', () => {
    // the second 卡号 is read by no field: the guard empties it, and its column stays in place, empty
    const headers = ['卡号', '交易流水号', '卡号', '交易时间', '工号', '实付金额', '食堂'];
    const guard = new PersonalDataGuard(mapColumns({ profile: CN_CARD_PROFILE, kind: 'transactions', headers })!, headers, new Pseudonymizer('a-test-key-of-32-characters-long'));
    const record = guard.apply({ line: 2, values: ['6222', 'T1', '6223', '2026-11-24 12:00:00', 'E1', '9.50', 'C1'] });
    expect(parse(quarantineCsv([{ line: 2, severity: 'rejected', reason: '未知的食堂', raw: guard.quarantined(record) }], headers))).toEqual([
      ['行号 line', '状态 status', '原因 reason', ...headers],
      ['2', '未导入 refused', '未知的食堂', '***', 'T1', '', '2026-11-24 12:00:00', '***', '9.50', 'C1'],
    ]);
  });
});
