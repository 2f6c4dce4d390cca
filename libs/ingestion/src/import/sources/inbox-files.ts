import { link, mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Names an uploader leaves while still copying, and the reports the inbox writes itself. */
const IN_PROGRESS = /\.(part|partial|tmp|crdownload|filepart)$|^~\$|^\./i;

export interface InboxFile {
  name: string;
  path: string;
  size: number;
  mtimeMs: number;
}

export interface SettledFiles {
  ready: InboxFile[];
  /** Changed within the settle time, or still named as a copy in progress: left for the next scan. */
  waiting: string[];
}

/** The regular files directly in the inbox, split into those at rest and those still being written; null when there is no inbox folder. */
export async function listInbox(options: { dir: string; settleMs: number; now: number }): Promise<SettledFiles | null> {
  const entries = await readdir(options.dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (entries === null) return null;
  const ready: InboxFile[] = [];
  const waiting: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    if (IN_PROGRESS.test(entry.name)) {
      waiting.push(entry.name);
      continue;
    }
    const path = join(options.dir, entry.name);
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    if (options.now - info.mtimeMs < options.settleMs) waiting.push(entry.name);
    else ready.push({ name: entry.name, path, size: info.size, mtimeMs: info.mtimeMs });
  }
  ready.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
  return { ready, waiting: waiting.sort() };
}

/** Whether the file is still exactly as listed: a writer that resumed since is left alone. */
export async function unchanged(file: InboxFile): Promise<boolean> {
  const info = await stat(file.path).catch(() => null);
  return info !== null && info.size === file.size && info.mtimeMs === file.mtimeMs;
}

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Moves a file into processed/ or failed/ under a name no earlier file holds there, and writes its
 * report beside it. A hard link claims the name atomically, so two scans never overwrite each other.
 */
export async function fileAway(options: { file: InboxFile; folder: string; report: object; now: Date }): Promise<string> {
  await mkdir(options.folder, { recursive: true });
  const extension = extname(options.file.name);
  const stem = options.file.name.slice(0, options.file.name.length - extension.length);
  for (let attempt = 0; ; attempt++) {
    const name = attempt === 0 ? options.file.name : `${stem}.${stamp(options.now)}${attempt > 1 ? `-${attempt}` : ''}${extension}`;
    const target = join(options.folder, name);
    try {
      await link(options.file.path, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await unlink(options.file.path);
    await writeFile(`${target}.report.json`, JSON.stringify(options.report, null, 2) + '\n');
    return name;
  }
}
