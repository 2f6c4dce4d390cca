import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { importSummaryJson, ImportSummaryJson } from '../dtos/import-summary.dto';
import { IMPORT_KINDS, ImportKind } from '../profiles/import-kinds';
import { ImportService } from '../services/import.service';
import { fileAway, InboxFile, listInbox, unchanged } from './inbox-files';

export const INBOX_ACTOR = 'system:inbox';

export interface InboxScan {
  inbox: string;
  /** The inbox folder does not exist: nothing to scan (it is not created behind the user's back). */
  missing: boolean;
  imported: (ImportSummaryJson & { file: string; movedTo: string })[];
  failed: { file: string; movedTo: string; error: string; message: string }[];
  waiting: string[];
}

/**
 * The inbox folder: each file at rest is imported as one batch (kind detected, masters first) and
 * moved to processed/ or failed/ with its report beside it. One bad file never stops the others.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly importer: ImportService,
  ) {}

  /** Whether a scan would import anything: the folder exists and holds a file at rest. */
  async hasWork(now = new Date()): Promise<boolean> {
    const listed = await listInbox({ dir: this.config.imports.inboxDir, settleMs: this.config.imports.inboxSettleSeconds * 1000, now: now.getTime() });
    return listed !== null && listed.ready.length > 0;
  }

  async scan(now = new Date()): Promise<InboxScan> {
    const dir = this.config.imports.inboxDir;
    const listed = await listInbox({ dir, settleMs: this.config.imports.inboxSettleSeconds * 1000, now: now.getTime() });
    const result: InboxScan = { inbox: dir, missing: listed === null, imported: [], failed: [], waiting: listed?.waiting ?? [] };
    if (listed === null) return result;
    const limits = { maxFileBytes: this.config.imports.maxBytes };
    const ordered: { file: InboxFile; kind: ImportKind | 'auto' }[] = [];
    for (const file of listed.ready) {
      // a file that cannot even be inspected still goes through importFile, which reports why
      const kind = await this.importer.inspect({ kind: 'auto', path: file.path, fileName: file.name, createdBy: INBOX_ACTOR, limits }).then(
        (found) => found.kind,
        () => 'auto' as const,
      );
      ordered.push({ file, kind });
    }
    const rank = (kind: ImportKind | 'auto') => (kind === 'auto' ? IMPORT_KINDS.length : IMPORT_KINDS.indexOf(kind));
    ordered.sort((a, b) => rank(a.kind) - rank(b.kind));
    for (const { file } of ordered) {
      if (!(await unchanged(file))) {
        result.waiting.push(file.name);
        continue;
      }
      let summary: ImportSummaryJson;
      try {
        summary = importSummaryJson(await this.importer.importFile({ kind: 'auto', path: file.path, fileName: file.name, createdBy: INBOX_ACTOR, limits }));
      } catch (error) {
        const code = error instanceof LarderError ? error.code : 'INTERNAL';
        const message = (error as Error).message;
        this.logger.warn(`inbox: ${file.name} failed: ${message}`);
        const movedTo = await this.move({ file, folder: join(dir, 'failed'), report: { file: file.name, error: code, message, at: now.toISOString() }, now });
        result.failed.push({ file: file.name, movedTo: movedTo === null ? '' : `failed/${movedTo}`, error: code, message });
        continue;
      }
      const movedTo = await this.move({ file, folder: join(dir, 'processed'), report: summary, now });
      result.imported.push({ ...summary, file: file.name, movedTo: movedTo === null ? '' : `processed/${movedTo}` });
    }
    return result;
  }

  /** A file that cannot be moved stays in the inbox and is tried again: a committed batch then reads as duplicates. */
  private async move(options: Parameters<typeof fileAway>[0]): Promise<string | null> {
    try {
      return await fileAway(options);
    } catch (error) {
      this.logger.error(`inbox: could not move ${options.file.name} to ${options.folder}: ${(error as Error).message}`);
      return null;
    }
  }
}

/** The step counts a scan leaves on its job record. */
export function inboxCounts(scan: InboxScan): Record<string, number> {
  const sum = (key: 'accepted' | 'rejected' | 'duplicates') => scan.imported.reduce((total, summary) => total + summary[key], 0);
  return { files: scan.imported.length, failed: scan.failed.length, waiting: scan.waiting.length, accepted: sum('accepted'), rejected: sum('rejected'), duplicates: sum('duplicates') };
}
