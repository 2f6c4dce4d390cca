/**
 * The published list of common passwords that zxcvbn-ts ships (@zxcvbn-ts/language-common, about
 * 49,000 passwords from leaked-password corpora, most frequent first). Loaded on the first check
 * only: decompressing it costs about a second, which no start or sign-in should pay.
 */
let list: Promise<Set<string>> | null = null;

function commonPasswords(): Promise<Set<string>> {
  list ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common']));
  return list;
}

/** Spellings that swap letters for look-alike digits and signs: p@ssw0rd is password. */
const LOOK_ALIKES: [RegExp, string][] = [
  [/@|4/g, 'a'],
  [/0/g, 'o'],
  [/3/g, 'e'],
  [/\$|5/g, 's'],
  [/7/g, 't'],
  [/!/g, 'i'],
];

function spellings(lower: string): string[] {
  const plain = LOOK_ALIKES.reduce((text, [from, to]) => text.replace(from, to), lower);
  return [...new Set([lower, plain, plain.replace(/1/g, 'i'), plain.replace(/1/g, 'l')])];
}

/** At most this many characters added around a common password still make it that password. */
const PADDING = 4;
/** Common passwords shorter than this are too short to say a long password is built on them. */
const SHORTEST_CORE = 6;

/**
 * Whether a password is on the list, or is one of its entries with up to four characters added
 * before or after it (password1234, iloveyou2024!, Qwertyuiop12), in any case and with look-alike
 * digits for letters. A long passphrase that merely contains a common word passes.
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  const common = await commonPasswords();
  for (const text of spellings(password.toLowerCase())) {
    for (let size = text.length; size >= Math.max(SHORTEST_CORE, text.length - PADDING); size--) {
      for (let start = 0; start + size <= text.length; start++) {
        if (common.has(text.slice(start, start + size))) return true;
      }
    }
  }
  return false;
}
