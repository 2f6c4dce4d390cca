import { Pseudonymizer } from './pseudonymizer';

describe('Pseudonymizer', () => {
  const pseudonymizer = new Pseudonymizer('a-test-key-of-32-characters-long');

  it('gives the same person the same pseudonym and never the number itself', () => {
    const first = pseudonymizer.pseudonym('8860012345');
    expect(pseudonymizer.pseudonym(' 8860012345 ')).toBe(first);
    expect(first).not.toContain('8860012345');
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('depends on the key', () => {
    expect(new Pseudonymizer('another-key-of-32-characters-xx').pseudonym('8860012345')).not.toBe(pseudonymizer.pseudonym('8860012345'));
  });

  it('refuses empty identifiers and short keys', () => {
    expect(() => pseudonymizer.pseudonym('  ')).toThrow(/empty/);
    expect(() => new Pseudonymizer('short')).toThrow(/16 characters/);
  });
});
