import { filterQuery, isoWeek, panelUrl, readState, stateUrl } from './url-state';

describe('the view in the URL', () => {
  it('survives a round trip through the URL', () => {
    const state = { page: 'demand' as const, from: '2026-11-01', to: '2026-11-20', canteens: [2, 3], meal: 'lunch' as const, dish: 7, week: null, plan: null, order: null, run: null };
    expect(readState(stateUrl(state).slice(1))).toEqual(state);
  });

  it('drops what it does not understand instead of sending it to the API', () => {
    expect(readState('?page=secret&from=yesterday&canteens=1,x,-2,3&meal=brunch&dish=0&week=W48&plan=1')).toEqual({
      page: 'overview',
      from: null,
      to: null,
      canteens: [1, 3],
      meal: null,
      dish: null,
      week: null,
      plan: null,
      order: null,
      run: null,
    });
  });

  it('keeps the purchase order opened on the Purchasing page', () => {
    const order = '0f2d6a4e-3b1c-4d5e-8f90-123456789abc';
    expect(readState(stateUrl({ ...readState('?page=purchasing&week=2026-W48'), order }).slice(1))).toMatchObject({ page: 'purchasing', week: '2026-W48', order });
    expect(readState('?page=purchasing&order=x').order).toBeNull();
  });

  it('asks the panel endpoints only for the filters that are set', () => {
    const state = readState('?page=waste&canteens=2&meal=dinner');
    expect(filterQuery(state)).toBe('?canteens=2&meal=dinner');
    expect(panelUrl(state)).toBe('/api/dashboard/waste?canteens=2&meal=dinner');
    expect(panelUrl(readState('?page=dishes&dish=5&from=2026-11-01'))).toBe('/api/dashboard/dishes/5?from=2026-11-01');
    expect(panelUrl(readState('?page=demand&dish=5'))).toBe('/api/dashboard/demand?dish=5');
  });

  it('opens the admin pages from a link, each asking its own admin endpoint', () => {
    expect(readState('?page=users').page).toBe('users');
    expect(panelUrl(readState('?page=tokens'))).toBe('/api/admin/tokens');
    expect(readState(stateUrl({ ...readState('?page=audit'), from: '2026-11-01' }).slice(1))).toMatchObject({ page: 'audit', from: '2026-11-01' });
  });

  it('names ISO weeks across the turn of the year', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
  });
});
