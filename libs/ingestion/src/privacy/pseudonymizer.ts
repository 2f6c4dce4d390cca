import { createHmac } from 'node:crypto';

/**
 * Replaces a card or staff number with a keyed pseudonym (HMAC-SHA256, first 16 bytes, base64url).
 * The same person keeps the same pseudonym, so distinct diners and participation can be counted,
 * while the number itself cannot be recovered without the key.
 */
export class Pseudonymizer {
  private readonly cache = new Map<string, string>();

  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('the pseudonym key must be at least 16 characters');
  }

  pseudonym(identifier: string): string {
    const normalized = identifier.trim();
    if (normalized === '') throw new Error('cannot pseudonymise an empty identifier');
    let result = this.cache.get(normalized);
    if (result === undefined) {
      result = createHmac('sha256', this.secret).update(normalized).digest().subarray(0, 16).toString('base64url');
      // Staff numbers repeat on every meal; bounding the cache keeps memory flat on huge imports.
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(normalized, result);
    }
    return result;
  }
}
