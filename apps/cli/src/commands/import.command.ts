import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { LarderError } from '@larder/common';
import {
  FILE_FORMATS,
  IMPORT_KINDS,
  ImportQuarantineService,
  ImportRollbackService,
  ImportProgress,
  ImportService,
  ImportSummary,
  importSummaryJson,
  InboxService,
  IngestionModule,
  loadProfiles,
  parseImportKind,
  TEXT_ENCODINGS,
  VendorPullService,
} from '@larder/ingestion';
import type { FileFormat, TextEncoding } from '@larder/ingestion';
import { withContext } from '../cli-context';
import { printResult } from '../output';
import { progressFor, ProgressReporter, withProgressOption } from '../progress/progress-reporter';

interface ImportFlags {
  profile?: string;
  profiles?: string;
  encoding?: string;
  sheet?: string;
  format?: FileFormat;
  rollback?: string;
  progress?: boolean;
  json?: boolean;
}

function who(): string {
  return `cli:${userInfo().username}`;
}

function encodingOf(flag: string | undefined): TextEncoding | undefined {
  if (flag === undefined) return undefined;
  const normalized = flag.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (normalized === 'utf8') return 'utf8';
  if (['gb18030', 'gbk', 'gb2312', 'cp936'].includes(normalized)) return 'gb18030';
  if (normalized === 'utf16le' || normalized === 'utf16be') return normalized;
  throw new LarderError('VALIDATION_FAILED', `unknown encoding ${JSON.stringify(flag)}; use ${TEXT_ENCODINGS.join(', ')} (gbk and gb2312 read as gb18030)`);
}

/** Progress over all the files: each file an equal share, within it the rows stored of the rows its lines promise. */
function fileProgress(reporter: ProgressReporter, file: { path: string; index: number; files: number }) {
  const name = basename(file.path);
  return ({ records, estimate }: ImportProgress) => {
    const within = estimate ? Math.min(0.99, records / estimate) : 0;
    reporter.listener({ step: `${name} rows`, done: records, total: estimate ?? 0, fraction: (file.index + within) / file.files });
  };
}

function human(summary: ImportSummary): string {
  const lines = [
    `${summary.fileName}: ${summary.kind} via profile ${summary.profile} — ${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.duplicates} duplicates${summary.flagged ? `, ${summary.flagged} flagged (stored, please check)` : ''} in ${summary.seconds.toFixed(1)} s (batch ${summary.batchId})`,
  ];
  for (const note of summary.notes) lines.push(`  ${note}`);
  for (const rejection of summary.rejections.slice(0, SHOWN_REJECTIONS)) lines.push(`  line ${rejection.line}: ${rejection.reason}`);
  for (const flag of summary.flags.slice(0, SHOWN_REJECTIONS)) lines.push(`  line ${flag.line} (stored, please check): ${flag.reason}`);
  if (summary.rejected > 0 || summary.flagged > 0) lines.push(`  ${rejectedHint(summary)}`);
  return lines.join('\n');
}

const SHOWN_REJECTIONS = 5;

/** Where the refused and flagged rows the summary does not show are: every one of them, with its line and reason. */
export function rejectedHint(summary: Pick<ImportSummary, 'batchId' | 'rejected' | 'flagged'>): string {
  const more = summary.rejected - Math.min(summary.rejected, SHOWN_REJECTIONS) + summary.flagged - Math.min(summary.flagged, SHOWN_REJECTIONS);
  const command = `larder import quarantine ${summary.batchId} --out rejected.csv`;
  const what = [summary.rejected > 0 ? `${summary.rejected} refused` : '', summary.flagged > 0 ? `${summary.flagged} stored to check` : ''].filter(Boolean).join(' and ');
  return more > 0 ? `… ${more} more rows; all ${what}, each with its line and reason: ${command}` : `the ${what} rows, with their lines and reasons, as a CSV: ${command}`;
}

function quarantineCommand(): Command {
  return new Command('quarantine')
    .description(
      "write every row a batch refused as a CSV (line, status, reason, then the file's columns; card and staff numbers as ***), to correct and import again; then the rows it stored but flagged to check",
    )
    .argument('<batchId>', 'the batch, as its summary names it')
    .option('--out <file>', 'write the CSV there (UTF-8 with a BOM, which Excel opens as such) instead of to stdout')
    .option('--json', 'print one JSON object')
    .action(async (batchId: string, flags: { out?: string; json?: boolean }) => {
      const found = await withContext([IngestionModule], (context) => context.get(ImportQuarantineService).export(batchId));
      if (flags.out === undefined && !flags.json) {
        process.stdout.write(found.csv);
        return;
      }
      if (flags.out !== undefined) await writeFile(flags.out, `\uFEFF${found.csv}`);
      const { csv, ...rest } = found;
      printResult(
        flags,
        flags.out === undefined ? found : { ...rest, out: flags.out },
        () =>
          `${found.fileName} (${found.kind}): ${found.rows} refused rows${found.flagged > 0 ? ` and ${found.flagged} stored rows to check` : ''} written to ${flags.out} (${csv.length} characters)`,
      );
    });
}

function inboxCommand(): Command {
  return new Command('inbox')
    .description('import every file at rest in the inbox folder now; each moves to processed/ or failed/ with its report')
    .option('--json', 'print one JSON object')
    .action(async (flags: { json?: boolean }) => {
      const scan = await withContext([IngestionModule], (context) => context.get(InboxService).scan());
      if (scan.failed.length > 0) process.exitCode = 1;
      printResult(flags, scan, () => {
        if (scan.missing) return `no inbox folder at ${scan.inbox} (create it, or set LARDER_INBOX_DIR)`;
        const lines = [`${scan.inbox}: ${scan.imported.length} imported, ${scan.failed.length} failed, ${scan.waiting.length} still being written`];
        for (const file of scan.imported) lines.push(`  ${file.file}: ${file.kind} ${file.accepted} accepted, ${file.rejected} rejected, ${file.duplicates} duplicates → ${file.movedTo}`);
        for (const file of scan.failed) lines.push(`  ${file.file}: ${file.message} → ${file.movedTo || '(left in the inbox)'}`);
        return lines.join('\n');
      });
    });
}

function pullCommand(): Command {
  return new Command('pull')
    .description('pull new rows from the vendor databases of the pull sources file, page by page from each watermark')
    .option('--source <name>', 'only this source')
    .option('--json', 'print one JSON object')
    .action(async (flags: { source?: string; json?: boolean }) => {
      const sources = await withContext([IngestionModule], (context) => context.get(VendorPullService).pull({ source: flags.source, createdBy: who() }));
      if (sources.some((source) => source.error)) process.exitCode = 1;
      printResult(flags, { sources }, () =>
        sources.length === 0
          ? 'no pull sources configured (see LARDER_PULL_SOURCES in the README)'
          : sources
              .map(
                (source) =>
                  `${source.source}: ${source.pages} pages, ${source.accepted} accepted, ${source.rejected} rejected, ${source.duplicates} duplicates; watermark ${source.watermark}${source.error ? `; stopped: ${source.error}` : ''}`,
              )
              .join('\n'),
      );
    });
}

export function importCommand(): Command {
  return withProgressOption(new Command('import'))
    .enablePositionalOptions()
    .addCommand(inboxCommand())
    .addCommand(pullCommand())
    .addCommand(quarantineCommand())
    .argument('[kind]', `auto or one of: ${IMPORT_KINDS.join(', ')}`)
    .argument('[files...]', 'files to import; each is one batch, masters first')
    .option('--profile <name>', 'mapping profile (default: detected from the headers)')
    .option('--profiles <file>', 'JSON file with more mapping profiles')
    .option('--encoding <encoding>', 'text encoding of CSV/JSON files: utf8, gb18030/gbk, utf16le or utf16be (default: detected; UTF-16 by its BOM)')
    .option('--sheet <name>', 'XLSX sheet to read (default: the first)')
    .addOption(new Option('--format <format>', 'read the files as this format whatever their names say').choices([...FILE_FORMATS]))
    .option('--rollback <batchId>', 'remove exactly the rows of that batch and refresh the rollups')
    .option('--progress', 'show progress on stderr (the default; kept for older scripts)')
    .option('--json', 'print one JSON object')
    .action(async (kindArgument: string | undefined, files: string[], flags: ImportFlags) => {
      if (flags.rollback) {
        const result = await withContext([IngestionModule], (context) => context.get(ImportRollbackService).rollback(flags.rollback as string, who()));
        printResult(
          flags,
          result,
          () =>
            `rolled back batch ${result.batchId} (${result.kind}): removed ${Object.entries(result.removed)
              .map(([table, n]) => `${n} ${table}`)
              .join(', ')}`,
        );
        return;
      }
      const kind = parseImportKind(kindArgument);
      if (files.length === 0) throw new LarderError('VALIDATION_FAILED', 'name at least one file to import');
      const profiles = await loadProfiles(flags.profiles);
      const base = { kind, profile: flags.profile, profiles, encoding: encodingOf(flags.encoding), sheet: flags.sheet, format: flags.format, createdBy: who() };
      // every good file is imported and every bad one reported: one refused file does not stop the rest
      const failed: { fileName: string; error: string }[] = [];
      const progress = progressFor('import', flags);
      const refuse = (path: string, error: unknown) => {
        if (files.length === 1) throw error;
        failed.push({ fileName: path, error: (error as Error).message });
        progress.clear();
        if (!flags.json) process.stderr.write(`${path}: refused — ${(error as Error).message}\n`);
      };
      const summaries = await withContext([IngestionModule], async (context) => {
        const importer = context.get(ImportService);
        const ordered = [];
        for (const path of files) {
          try {
            const { kind: found } = await importer.inspect({ ...base, path });
            ordered.push({ path, kind: found });
          } catch (error) {
            refuse(path, error);
          }
        }
        ordered.sort((a, b) => IMPORT_KINDS.indexOf(a.kind) - IMPORT_KINDS.indexOf(b.kind));
        const results: ImportSummary[] = [];
        try {
          for (const [index, file] of ordered.entries()) {
            const onProgress = flags.progress === false ? undefined : fileProgress(progress, { path: file.path, index, files: ordered.length });
            try {
              results.push(await importer.importFile({ ...base, kind: file.kind, path: file.path, onProgress }));
            } catch (error) {
              refuse(file.path, error);
              continue;
            }
            progress.clear();
            if (!flags.json) process.stdout.write(human(results[results.length - 1]) + '\n');
          }
          progress.finish(results.length > 0 ? 'done' : 'failed');
        } catch (error) {
          progress.finish('failed');
          throw error;
        }
        return results;
      });
      if (failed.length > 0) process.exitCode = 1;
      if (!flags.json) {
        if (failed.length > 0) process.stdout.write(`${summaries.length} of ${files.length} files imported; refused: ${failed.map((file) => file.fileName).join(', ')}\n`);
        return;
      }
      if (summaries.length === 1 && files.length === 1) {
        printResult(flags, importSummaryJson(summaries[0]), () => '');
        return;
      }
      const total = (key: 'accepted' | 'rejected' | 'duplicates' | 'flagged' | 'seconds') => summaries.reduce((sum, summary) => sum + summary[key], 0);
      printResult(
        flags,
        {
          batchId: null,
          accepted: total('accepted'),
          rejected: total('rejected'),
          duplicates: total('duplicates'),
          flagged: total('flagged'),
          seconds: Math.round(total('seconds') * 1000) / 1000,
          rejections: summaries.flatMap((summary) => importSummaryJson(summary).rejections.map((reason) => `${summary.fileName} ${reason}`)).slice(0, 10),
          batches: summaries.map(importSummaryJson),
          failed,
        },
        () => '',
      );
    });
}
