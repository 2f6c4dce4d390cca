import { EntityManager } from 'typeorm';

/**
 * Imports run one at a time. On the embedded engine every connection is the same single session, so
 * two write transactions would interleave their statements: an in-process queue keeps them apart
 * (an embedded database belongs to one process). On a server a transaction-scoped advisory lock does
 * the same across processes; it also makes "max(id) + n" id assignment safe.
 */
export class ImportLock {
  private tail: Promise<unknown> = Promise.resolve();

  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous.catch(() => undefined);
      return await work();
    } finally {
      release();
    }
  }
}

/** An arbitrary constant shared by every Larder process: the key of the import advisory lock. */
const IMPORT_LOCK_KEY = 4_711_003;

export async function lockImportsInTransaction(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
}
