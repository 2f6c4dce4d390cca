import { PrincipalCache } from './principal-cache';

describe('principal cache', () => {
  let clock = 0;
  const cache = () => new PrincipalCache<string>({ ttlMs: 3000, maxEntries: 2, now: () => clock });

  beforeEach(() => (clock = 1_000_000));

  it('remembers a principal for the TTL only', () => {
    const entries = cache();
    entries.set('a', 'alice');
    clock += 2999;
    expect(entries.get('a')).toBe('alice');
    clock += 1;
    expect(entries.get('a')).toBeUndefined();
  });

  it('never past the session end, and forgets on sign-out or revocation', () => {
    const entries = cache();
    entries.set('a', 'alice', clock + 1000);
    clock += 1000;
    expect(entries.get('a')).toBeUndefined();
    entries.set('b', 'bob');
    entries.delete('b');
    expect(entries.get('b')).toBeUndefined();
    entries.set('c', 'carol');
    entries.clear();
    expect(entries.get('c')).toBeUndefined();
    entries.set('d', 'dave', clock - 1);
    expect(entries.get('d')).toBeUndefined();
  });

  it('stays bounded', () => {
    const entries = cache();
    entries.set('a', 'alice');
    entries.set('b', 'bob');
    entries.set('c', 'carol');
    expect(entries.get('c')).toBe('carol');
    expect([entries.get('a'), entries.get('b')]).toEqual([undefined, undefined]);
  });

  it('remembers nothing with a TTL of zero', () => {
    const entries = new PrincipalCache<string>({ ttlMs: 0, maxEntries: 10 });
    entries.set('a', 'alice');
    expect(entries.get('a')).toBeUndefined();
  });
});
