import { isConnectionLost } from './connection-lost';

describe('isConnectionLost', () => {
  it('knows a terminated session, a reset socket and a transaction whose connection died', () => {
    expect(isConnectionLost(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionLost({ name: 'QueryFailedError', message: 'x', driverError: { code: 'ECONNRESET' } })).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }))).toBe(true);
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('leaves errors of the work itself alone', () => {
    expect(isConnectionLost(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isConnectionLost(new TypeError('x is undefined'))).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
  });
});
