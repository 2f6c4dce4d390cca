import { EntityManager } from 'typeorm';

/**
 * Imports run one at a time. Across processes a transaction-scoped advisory lock keeps them apart
 * (and makes "max(id) + n" id assignment safe); within a process this queue makes them wait in
 * turn without each holding a pooled connection while it waits for the lock.
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
