import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { bilingual } from '@larder/common';
import { isCommonPassword } from './common-passwords';

// Argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Readable generated passwords: no 0/O or 1/l to misread when printed at start. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(length = 16): string {
  let password = '';
  for (let index = 0; index < length; index++) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Obvious words no password may be built on, whatever else surrounds them. */
const OBVIOUS = ['password', 'passwort', 'qwerty', 'larder', 'canteen', 'admin', 'letmein', 'welcome', 'iloveyou', 'abc123', '123456'];

/** True when the text is one short piece (up to four characters) said over and over: aaaaaaaaaaaa, abcabcabcabc. */
function repeats(text: string): boolean {
  for (let size = 1; size <= 4; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return true;
  }
  return false;
}

/** True when each character follows the previous one, up or down: 123456789012 does not count as a password. */
function sequential(text: string): boolean {
  let up = true;
  let down = true;
  for (let index = 1; index < text.length; index++) {
    const step = text.charCodeAt(index) - text.charCodeAt(index - 1);
    // digits wrap: ...8901...
    up &&= step === 1 || (text[index] === '0' && text[index - 1] === '9');
    down &&= step === -1 || (text[index] === '9' && text[index - 1] === '0');
  }
  return up || down;
}

/**
 * What is wrong with a new password, or null: at least 12 characters, not one character or short
 * piece repeated, not a run like 123456789012, at least five different characters, not on the
 * published common-password list (common-passwords.ts), not built on an obvious word or on the
 * user's own name. In Chinese and English, as every message a person reads.
 */
export async function passwordProblem(password: string, username?: string): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return bilingual(`密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`, `password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) return bilingual(`密码最多 ${MAX_PASSWORD_LENGTH} 个字符`, `password must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (repeats(lower) || sequential(lower) || new Set(lower).size < 5) {
    return bilingual('密码不能是同一个字符或一小段字符的重复，也不能是 123456789012 这样的连续字符', 'password must not be one character or a short piece repeated, or a run such as 123456789012');
  }
  if (await isCommonPassword(password)) {
    return bilingual('密码在公开的常用密码列表中（或只是在常用密码前后加了几个字符）', 'password is on a published list of common passwords, or is one with a few characters added');
  }
  const stripped = lower.replace(/[^a-z0-9]/g, '');
  if (OBVIOUS.some((word) => stripped.replace(/\d+$/, '') === word || (stripped.includes(word) && stripped.length - word.length < 6))) {
    return bilingual('密码与常见密码过于接近', 'password is too close to a common password');
  }
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return bilingual('密码不能包含用户名', 'password must not contain the username');
  return null;
}
