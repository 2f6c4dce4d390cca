/**
 * Who a session or API token belongs to, remembered for a few seconds so that a dashboard's burst
 * of requests does not look the same session up in the database for every one of them (those
 * lookups once capped every read endpoint).
 * Signing out and revoking evict at once in this process; another server process may honour a
 * revoked token or ended session for at most `ttlMs`.
 */
export class PrincipalCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number; now?: () => number }) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** The remembered principal, or undefined when it must be looked up. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Remembers a principal no longer than the TTL nor past `expiresAt` (a session's end). */
  set(key: string, value: T, expiresAt?: number): void {
    if (this.options.ttlMs <= 0) return;
    // a full cache starts over rather than tracking age: it only saves lookups, it never decides
    if (this.entries.size >= this.options.maxEntries) this.entries.clear();
    const until = Math.min(this.now() + this.options.ttlMs, expiresAt ?? Number.POSITIVE_INFINITY);
    if (until > this.now()) this.entries.set(key, { value, until });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** How long a resolved session or token is remembered. */
export const PRINCIPAL_CACHE_MS = 3000;
