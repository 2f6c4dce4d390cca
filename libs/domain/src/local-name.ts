/** A canteen, dish, supplier or ingredient: its Chinese name and, where one was given, its English name. */
export interface BilingualName {
  readonly name: string;
  readonly nameEn?: string | null;
}

/** The name shown in a language: the English one where there is one, else the Chinese name. */
export function localName(named: BilingualName, language: string): string {
  return language === 'en' && named.nameEn ? named.nameEn : named.name;
}
