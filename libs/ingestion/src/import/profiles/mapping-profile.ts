import { derivesSerial } from './derived-serial';
import { ImportKind, IMPORT_KINDS, KIND_FIELDS } from './import-kinds';

/**
 * A profile names, for each kind it covers, the source column(s) that carry each logical field.
 * Several names per field let one profile cover an export's variants (a renamed column, English or Chinese).
 */
export interface MappingProfile {
  name: string;
  description?: string;
  /** Stored on facts as their source system; with the external id it is what makes re-imports idempotent. */
  source: string;
  /** How money is written: yuan with decimals (most exports) or whole fen. */
  amountUnit: 'yuan' | 'fen';
  kinds: Partial<Record<ImportKind, Record<string, string | string[]>>>;
  /** Extra spellings of coded values, per logical field: {"meal": {"中班餐": "lunch"}}. */
  values?: Record<string, Record<string, string>>;
  /** Transactions without a serial-number column get one derived instead of being refused (derived-serial.ts). */
  deriveSerials?: boolean;
}

/** A profile applied to one file: field name -> column index. */
export interface ColumnMapping {
  profile: MappingProfile;
  kind: ImportKind;
  columns: Record<string, number>;
  /** Columns of the file no field uses. */
  unused: string[];
  /** The serial number is derived: `columns.externalId` is a column Larder adds after the file's own. */
  derivedSerial: boolean;
}

export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()]+/g, '');
}

/** Maps a profile's kind onto a file's headers; null when a required field has no column. */
export function mapColumns(options: { profile: MappingProfile; kind: ImportKind; headers: string[] }): ColumnMapping | null {
  const { profile, kind, headers } = options;
  const fields = profile.kinds[kind];
  if (!fields) return null;
  const index = new Map<string, number>();
  headers.forEach((header, position) => {
    const key = normalizeHeader(header);
    if (!index.has(key)) index.set(key, position);
  });
  const columns: Record<string, number> = {};
  for (const [field, names] of Object.entries(fields)) {
    for (const name of Array.isArray(names) ? names : [names]) {
      const position = index.get(normalizeHeader(name));
      if (position !== undefined) {
        columns[field] = position;
        break;
      }
    }
  }
  const derivedSerial = derivesSerial(profile, kind, (field) => columns[field] !== undefined);
  if (derivedSerial) columns.externalId = headers.length;
  for (const [field, spec] of Object.entries(KIND_FIELDS[kind])) {
    if (spec.required && columns[field] === undefined) return null;
  }
  const used = new Set(Object.values(columns));
  return { profile, kind, columns, unused: headers.filter((_, position) => !used.has(position)), derivedSerial };
}

/** Which required fields of a kind a profile cannot find in these headers. */
function missingFieldKeys(options: { profile: MappingProfile; kind: ImportKind; headers: string[] }): string[] {
  const fields = options.profile.kinds[options.kind] ?? {};
  const present = new Set(options.headers.map(normalizeHeader));
  const lacks = (field: string) => {
    const names = fields[field];
    return !names || !(Array.isArray(names) ? names : [names]).some((name) => present.has(normalizeHeader(name)));
  };
  const derived = derivesSerial(options.profile, options.kind, (field) => !lacks(field));
  return Object.entries(KIND_FIELDS[options.kind])
    .filter(([, spec]) => spec.required)
    .filter(([field]) => lacks(field) && !(derived && field === 'externalId'))
    .map(([field]) => field);
}

/** Every header the profile accepts for a field, its preferred one first. */
function columnNames(profile: MappingProfile, kind: ImportKind, field: string): string[] {
  const names = profile.kinds[kind]?.[field];
  return names ? (Array.isArray(names) ? names : [names]) : [field];
}

/** Which required fields of a kind a profile cannot find in these headers, by their preferred header: for a helpful error. */
export function missingFields(options: { profile: MappingProfile; kind: ImportKind; headers: string[] }): string[] {
  return missingFieldKeys(options).map((field) => columnNames(options.profile, options.kind, field)[0]);
}

/**
 * The missing columns as a message names them: each with the other headers that would do, so a
 * person renames the file's column (交易日期) to one Larder reads (交易时间, 消费时间 or 刷卡时间).
 */
export function missingColumnsText(options: { profile: MappingProfile; kind: ImportKind; headers: string[] }): { zh: string; en: string } {
  const choices = missingFieldKeys(options).map((field) => columnNames(options.profile, options.kind, field));
  return {
    zh: choices.map(([first, ...others]) => (others.length === 0 ? first : `${first}（也可写作 ${others.join('、')}）`)).join('；'),
    en: choices.map(([first, ...others]) => (others.length === 0 ? first : `${first} (or ${others.join(', ')})`)).join('; '),
  };
}

export interface DetectionResult {
  mapping: ColumnMapping;
  candidates: ColumnMapping[];
}

/**
 * Scores every (profile, kind) that fits the headers: matched columns count, unused ones count
 * against, and a file name naming the kind (dishes.csv) breaks ties.
 */
export function detectMapping(options: { profiles: MappingProfile[]; kind: ImportKind | 'auto'; headers: string[]; fileName: string }): DetectionResult | null {
  const kinds = options.kind === 'auto' ? IMPORT_KINDS : [options.kind];
  const base = options.fileName.toLowerCase();
  const scored: { mapping: ColumnMapping; score: number }[] = [];
  for (const profile of options.profiles) {
    for (const kind of kinds) {
      const mapping = mapColumns({ profile, kind, headers: options.headers });
      if (!mapping) continue;
      const nameHint = base.includes(kind) || base.includes(kind.replace(/_/g, '-')) ? 0.5 : 0;
      // a derived serial is no column of the file: it does not count as a match
      scored.push({ mapping, score: Object.keys(mapping.columns).length - (mapping.derivedSerial ? 1 : 0) - mapping.unused.length + nameHint });
    }
  }
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.score - a.score);
  return { mapping: scored[0].mapping, candidates: scored.filter((entry) => entry.score === scored[0].score).map((entry) => entry.mapping) };
}

/**
 * For a file no profile fits: the profile and kind it comes closest to (most of the profile's
 * columns present, at least three) and the required columns it lacks, so the message can name them.
 */
export function nearestMiss(options: { profiles: MappingProfile[]; kind: ImportKind | 'auto'; headers: string[] }): { profile: MappingProfile; kind: ImportKind; missing: string[] } | null {
  const present = new Set(options.headers.map(normalizeHeader));
  let best: { profile: MappingProfile; kind: ImportKind; missing: string[]; matched: number } | null = null;
  for (const profile of options.profiles) {
    for (const kind of options.kind === 'auto' ? IMPORT_KINDS : [options.kind]) {
      const fields = profile.kinds[kind];
      if (!fields) continue;
      const matched = Object.values(fields).filter((names) => (Array.isArray(names) ? names : [names]).some((name) => present.has(normalizeHeader(name)))).length;
      const missing = missingFields({ profile, kind, headers: options.headers });
      if (matched >= 3 && missing.length > 0 && (best === null || matched > best.matched)) best = { profile, kind, missing, matched };
    }
  }
  return best && { profile: best.profile, kind: best.kind, missing: best.missing };
}
