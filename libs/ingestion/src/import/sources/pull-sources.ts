import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LarderError } from '@larder/common';
import { bilingual } from '../messages';
import { ImportKind, isImportKind } from '../profiles/import-kinds';

/** One vendor database table Larder pulls from, as the pull sources file describes it. */
export interface PullSource {
  name: string;
  /** postgres://user:password@host/db; never logged or echoed. */
  url: string;
  /** Returns the rows after the watermark: it must compare the watermark column with $1 (greater than). */
  query: string;
  watermarkColumn: string;
  /** The watermark before the first pull (default -infinity, for a timestamp column). */
  initialWatermark: string;
  profile: string;
  kind: ImportKind;
  pageSize: number;
}

export interface PullSourcesFile {
  sources: PullSource[];
  /** Mapping profiles the sources may name besides the built-in ones (a file as `--profiles` takes). */
  profilesFile?: string;
}

function invalid(file: string, problem: string): LarderError {
  return new LarderError('VALIDATION_FAILED', bilingual(`拉取源配置文件 ${file} 无效：${problem}`, `the pull sources file ${file} is invalid: ${problem}`));
}

function text(raw: Record<string, unknown>, key: string, where: string, file: string): string {
  const value = raw[key];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(file, `${where} needs "${key}" (text)`);
  return value.trim();
}

export function validatePullSource(raw: unknown, file: string): PullSource {
  if (typeof raw !== 'object' || raw === null) throw invalid(file, 'every source must be an object');
  const entry = raw as Record<string, unknown>;
  const name = text(entry, 'name', 'a source', file);
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(name)) throw invalid(file, `source name "${name}" must be letters, digits, - or _`);
  const where = `source "${name}"`;
  const url = text(entry, 'url', where, file);
  if (!/^postgres(ql)?:\/\//.test(url)) throw invalid(file, `${where}: "url" must start with postgres:// or postgresql://`);
  const query = text(entry, 'query', where, file).replace(/;\s*$/, '');
  if (!/\$1\b/.test(query)) throw invalid(file, `${where}: "query" must compare the watermark column with $1`);
  const kind = text(entry, 'kind', where, file).replace(/-/g, '_');
  if (!isImportKind(kind)) throw invalid(file, `${where}: unknown kind "${kind}"`);
  const pageSize = entry.pageSize ?? 5000;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1_000_000) throw invalid(file, `${where}: "pageSize" must be a whole number from 1 to 1000000`);
  const initialWatermark = entry.initialWatermark === undefined ? '-infinity' : String(entry.initialWatermark);
  return { name, url, query, watermarkColumn: text(entry, 'watermarkColumn', where, file), initialWatermark, profile: text(entry, 'profile', where, file), kind, pageSize };
}

/** Reads the pull sources file; a missing file means no sources. */
export async function loadPullSources(file: string): Promise<PullSourcesFile> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sources: [] };
    throw invalid(file, (error as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw invalid(file, (error as Error).message);
  }
  const root = parsed as { sources?: unknown; profiles?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(root.sources)) throw invalid(file, 'expected {"sources": [...]}');
  const sources = root.sources.map((entry) => validatePullSource(entry, file));
  const names = new Set<string>();
  for (const source of sources) {
    if (names.has(source.name)) throw invalid(file, `two sources are named "${source.name}"`);
    names.add(source.name);
  }
  if (root.profiles !== undefined && typeof root.profiles !== 'string') throw invalid(file, '"profiles" must be the path of a mapping profiles file');
  return { sources, profilesFile: typeof root.profiles === 'string' ? resolve(dirname(file), root.profiles) : undefined };
}
