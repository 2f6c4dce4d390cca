/** PostgreSQL codes of a session ended from outside: shutdown, restart, pg_terminate_backend, a broken link. */
const LOST_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);
const LOST_ERRNOS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/**
 * Whether an error means the database connection went away under the work (a server restart, a
 * failover, a terminated backend) rather than the work itself being wrong. TypeORM reports a
 * transaction whose connection died as an already released query runner when it tries to go on.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let cause = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; driverError?: unknown } | undefined, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause.code === 'string' && (LOST_SQLSTATES.has(cause.code) || LOST_ERRNOS.has(cause.code))) return true;
    if (cause.name === 'QueryRunnerAlreadyReleasedError') return true;
    if (typeof cause.message === 'string' && /Connection terminated|terminating connection due to administrator command|Client has encountered a connection error/i.test(cause.message)) return true;
    cause = (cause.driverError ?? cause.cause) as typeof cause;
  }
  return false;
}
