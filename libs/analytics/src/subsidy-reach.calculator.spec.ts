import { subsidyReach, withoutMoney } from './subsidy-reach.calculator';

const site = (siteId: number, hasCanteen: boolean, staff: number, diners: number, usedFen: number, entitledFen: number) => ({ siteId, hasCanteen, staff, diners, usedFen, entitledFen });

describe('subsidyReach', () => {
  const result = subsidyReach([
    site(1, true, 600, 480, 2_400_000, 3_000_000),
    site(2, false, 900, 90, 180_000, 4_500_000),
    site(3, false, 40, 4, 6_000, 200_000),
    site(4, false, 120, 12, 30_000, 600_000),
  ]);

  it('shows reach and the subsidy used against the entitlement per site', () => {
    expect(result.sites[0]).toEqual({ siteId: 1, hasCanteen: true, staff: 600, diners: 480, reach: 0.8, usedFen: 2_400_000, entitledFen: 3_000_000, usedShare: 0.8, hidden: false });
    expect(result.sites[1]).toMatchObject({ diners: 90, reach: 0.1, usedShare: 0.04, hidden: false });
  });

  it('hides a group of four, and the next smallest with it so the total cannot give it away', () => {
    expect(result.sites[2]).toEqual({ siteId: 3, hasCanteen: false, staff: 40, diners: null, reach: null, usedFen: null, entitledFen: null, usedShare: null, hidden: true });
    expect(result.sites[3]).toMatchObject({ diners: null, usedFen: null, hidden: true });
    expect(result.total).toMatchObject({ staff: 1660, diners: 586, usedFen: 2_616_000, entitledFen: 8_300_000, hidden: false });
    expect(result.minGroup).toBe(5);
  });

  it('shows a group of five', () => {
    const five = subsidyReach([site(1, true, 10, 5, 500, 1000), site(2, false, 10, 6, 600, 1000)]);
    expect(five.sites.map((row) => row.hidden)).toEqual([false, false]);
    expect(five.sites[0].reach).toBe(0.5);
  });

  it('takes the money out for the union and keeps the shares', () => {
    const union = withoutMoney(result);
    expect(union.sites[0]).toMatchObject({ usedFen: null, entitledFen: null, usedShare: 0.8, diners: 480 });
    expect(union.total.usedFen).toBeNull();
  });
});
