import { readFile } from 'node:fs/promises';
import { LarderError } from '@larder/common';
import { bilingual } from '../messages';
import { CN_CARD_PROFILE } from './cn-card.profile';
import { DEMO_PROFILE } from './demo.profile';
import { isImportKind, KIND_FIELDS } from './import-kinds';
import { MappingProfile } from './mapping-profile';

export const BUILT_IN_PROFILES: readonly MappingProfile[] = [DEMO_PROFILE, CN_CARD_PROFILE];

function invalid(file: string, problem: string): LarderError {
  return new LarderError('VALIDATION_FAILED', bilingual(`映射配置文件 ${file} 无效：${problem}`, `the profiles file ${file} is invalid: ${problem}`));
}

/** Checks a user's profile as thoroughly as a built-in one is checked by the compiler. */
export function validateProfile(raw: unknown, file: string): MappingProfile {
  if (typeof raw !== 'object' || raw === null) throw invalid(file, 'a profile must be an object');
  const profile = raw as Partial<MappingProfile>;
  if (typeof profile.name !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/i.test(profile.name)) throw invalid(file, 'every profile needs a "name" of letters, digits, - or _');
  const where = `profile "${profile.name}"`;
  if (typeof profile.source !== 'string' || profile.source.trim() === '') throw invalid(file, `${where} needs a "source" (the system the data comes from)`);
  const amountUnit = profile.amountUnit ?? 'yuan';
  if (amountUnit !== 'yuan' && amountUnit !== 'fen') throw invalid(file, `${where}: "amountUnit" must be "yuan" or "fen"`);
  if (typeof profile.kinds !== 'object' || profile.kinds === null) throw invalid(file, `${where} needs "kinds": {kind: {field: column}}`);
  for (const [kind, fields] of Object.entries(profile.kinds)) {
    if (!isImportKind(kind)) throw invalid(file, `${where}: unknown kind "${kind}"`);
    for (const [field, columns] of Object.entries(fields ?? {})) {
      if (!(field in KIND_FIELDS[kind])) throw invalid(file, `${where}: ${kind} has no field "${field}" (fields: ${Object.keys(KIND_FIELDS[kind]).join(', ')})`);
      const names = Array.isArray(columns) ? columns : [columns];
      if (names.length === 0 || names.some((name) => typeof name !== 'string' || name.trim() === '')) throw invalid(file, `${where}: ${kind}.${field} must name one or more columns`);
    }
  }
  return { name: profile.name, description: profile.description, source: profile.source, amountUnit, kinds: profile.kinds, values: profile.values };
}

/** Loads `{"profiles": [...]}` (or a bare array) from a JSON file; user profiles come before the built-in ones. */
export async function loadProfiles(file?: string): Promise<MappingProfile[]> {
  if (!file) return [...BUILT_IN_PROFILES];
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw invalid(file, (error as Error).message);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { profiles?: unknown }).profiles;
  if (!Array.isArray(list)) throw invalid(file, 'expected {"profiles": [...]}');
  const users = list.map((entry) => validateProfile(entry, file));
  const names = new Set(users.map((profile) => profile.name));
  return [...users, ...BUILT_IN_PROFILES.filter((profile) => !names.has(profile.name))];
}

export function findProfile(profiles: MappingProfile[], name: string): MappingProfile {
  const profile = profiles.find((candidate) => candidate.name === name);
  if (!profile) {
    throw new LarderError('NOT_FOUND', bilingual(`没有名为“${name}”的映射配置`, `no mapping profile named "${name}"; known: ${profiles.map((candidate) => candidate.name).join(', ')}`));
  }
  return profile;
}
