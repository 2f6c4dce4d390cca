/**
 * Answers remembered for as long as the database shows the same data. The key of validity is the
 * database snapshot (`pg_current_snapshot()`): it changes whenever any write transaction ends, so
 * an answer is never served after data it was computed without has been committed, whichever
 * process wrote it. An answer computed while a write commits may already contain that write; it is
 * filed under the older snapshot, and the next reader, seeing the newer one, computes afresh.
 *
 * Concurrent requests for one key share one computation, so fifty clients opening the same view
 * after the nightly refresh cost one set of queries, not fifty. Failures are never remembered.
 */
export class SnapshotCache<T> {
  private snapshot: string | null = null;
  private readonly entries = new Map<string, Promise<T>>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  answer(input: { snapshot: string; key: string; compute: () => Promise<T> }): Promise<T> {
    if (this.maxEntries <= 0) return input.compute();
    if (input.snapshot !== this.snapshot) {
      this.entries.clear();
      this.snapshot = input.snapshot;
    }
    const known = this.entries.get(input.key);
    if (known) return known;
    // a full cache starts over: it only saves work, it never decides an answer
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const pending = input.compute();
    this.entries.set(input.key, pending);
    pending.catch(() => {
      if (this.entries.get(input.key) === pending) this.entries.delete(input.key);
    });
    return pending;
  }
}
