import { currentPlanOf } from './plan-choice';

describe("the week's current plan", () => {
  it('is the newest draft or approved version, else the newest version', () => {
    expect(
      currentPlanOf([
        { version: 1, status: 'approved' },
        { version: 2, status: 'draft' },
      ]),
    ).toEqual({ version: 2, status: 'draft' });
    expect(
      currentPlanOf([
        { version: 3, status: 'superseded' },
        { version: 2, status: 'approved' },
        { version: 1, status: 'superseded' },
      ]),
    ).toEqual({ version: 2, status: 'approved' });
    expect(
      currentPlanOf([
        { version: 1, status: 'superseded' },
        { version: 2, status: 'superseded' },
      ]),
    ).toEqual({ version: 2, status: 'superseded' });
    expect(currentPlanOf([])).toBeUndefined();
  });
});
