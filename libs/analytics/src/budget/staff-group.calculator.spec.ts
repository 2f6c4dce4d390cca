import { publishStaffGroups, StaffGroupSums } from './staff-group.calculator';

const group = (name: string, diners: number, dimension: StaffGroupSums['dimension'] = 'department'): StaffGroupSums => ({ dimension, name, diners, subsidyFen: diners * 1000, paidFen: diners * 500 });

describe('staff groups', () => {
  it('hides a group of four and the next smallest, so the four cannot be worked out from the total', () => {
    const published = publishStaffGroups([group('运营', 40), group('审计', 4), group('维修', 6), group('站务', 9)]);
    expect(published.map((row) => [row.name, row.suppressed, row.diners, row.subsidyFen])).toEqual([
      ['运营', false, 40, 40_000],
      ['站务', false, 9, 9000],
      ['维修', true, null, null],
      ['审计', true, null, null],
    ]);
  });

  it('suppresses each dimension on its own and shows groups of five', () => {
    const published = publishStaffGroups([group('运营', 5), group('站务', 5), group('A', 3, 'grade'), group('B', 2, 'grade')]);
    expect(published.filter((row) => row.dimension === 'department').every((row) => !row.suppressed)).toBe(true);
    expect(published.filter((row) => row.dimension === 'grade').every((row) => row.suppressed && row.paidFen === null)).toBe(true);
  });
});
