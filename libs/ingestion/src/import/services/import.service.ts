import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { AuditService } from '@larder/auth';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { addDays, localDate } from '@larder/domain';
import { maskPersonalError, maskPersonalText, PersonalDataGuard } from '../../privacy/personal-data';
import { PseudonymKeyService } from '../../privacy/pseudonym-key.service';
import { RollupService } from '../../rollups/rollup.service';
import { ImportRequest } from '../dtos/import-request.dto';
import { ImportSummary } from '../dtos/import-summary.dto';
import { openRecordStream } from '../formats/open-record-stream';
import { RecordEstimate } from '../formats/record-estimate';
import { DEFAULT_READ_LIMITS, RecordStream } from '../formats/record-stream';
import { bilingual } from '../messages';
import { ImportKind, kindNameZh } from '../profiles/import-kinds';
import { ColumnMapping, detectMapping, mapColumns, missingColumnsText, missingFields, MappingProfile, nearestMiss } from '../profiles/mapping-profile';
import { BUILT_IN_PROFILES, findProfile } from '../profiles/profile-registry';
import { ImportLock, lockImportsInTransaction } from './import-lock';
import { QuarantineWriter } from './quarantine.writer';
import { runPaymentPipeline } from '../payments/payment-pipeline';
import { PipelineCounts, runTablePipeline, TouchedDays } from './record-pipeline';
import { loadReferenceData } from './reference-data.loader';
import { sha256File, spoolToTempFile } from './import-source';

const PROGRESS_EVERY = 10_000;
/** Imports that change what a portion costs: the stored costs of the dish rollups are re-priced after them. */
const COST_KINDS = new Set<string>(['recipes', 'supplier_items', 'supplier_prices']);

/** What the audit log keeps of a batch: never a row's content, only its label and counts. */
function auditDetail(summary: ImportSummary): Record<string, unknown> {
  const { batchId, kind, profile, fileName, format, accepted, rejected, duplicates, flagged } = summary;
  return { batchId, kind, source: fileName, profile, format, accepted, rejected, duplicates, flagged };
}

/**
 * Imports one file as one batch, in one transaction: the batch row, its facts, its quarantine and
 * the rollups of the days it touched commit together or not at all.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);
  /** Shared by every import of this process; see ImportLock for why. */
  static readonly lock = new ImportLock();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pseudonyms: PseudonymKeyService,
    private readonly rollups: RollupService,
    private readonly audit: AuditService,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  /** Today in the canteens' time zone plus LARDER_FUTURE_DAYS: later rows are quarantined. */
  private latestDate(): string {
    return addDays(localDate(new Date(), this.config.timezone), this.config.futureDays);
  }

  /** For callers holding a stream rather than a file (HTTP upload, vendor pull). */
  async importStream(request: Omit<ImportRequest, 'path'> & { stream: Readable; fileName: string }): Promise<ImportSummary> {
    const maxBytes = request.limits?.maxFileBytes ?? DEFAULT_READ_LIMITS.maxFileBytes;
    return spoolToTempFile({ stream: request.stream, fileName: request.fileName, maxBytes, work: (path) => this.importFile({ ...request, path }) });
  }

  /** Which kind and profile a file would be imported as, without importing it: to order a set of files. */
  async inspect(request: ImportRequest): Promise<{ kind: ImportKind; profile: string; format: RecordStream['format'] }> {
    const fileName = request.fileName ?? basename(request.path);
    const stream = await openRecordStream({ path: request.path, fileName, format: request.format, encoding: request.encoding, sheet: request.sheet, limits: request.limits });
    try {
      const mapping = this.chooseMapping({ request, stream, fileName });
      return { kind: mapping.kind, profile: mapping.profile.name, format: stream.format };
    } finally {
      await stream.close();
    }
  }

  /**
   * Every attempt is audited: a batch with its counts, a refused file with the reason. A reason
   * may quote a reader library's words about the file; anything in it that looks like a person's
   * number is masked before it is audited, logged or answered.
   */
  async importFile(request: ImportRequest): Promise<ImportSummary> {
    const fileName = request.fileName ?? basename(request.path);
    try {
      return await this.importChecked(request, fileName);
    } catch (error) {
      maskPersonalError(error);
      const detail = { kind: request.kind, source: fileName, profile: request.profile ?? null, error: (error as Error).message.slice(0, 500) };
      await this.audit.record({ actor: request.createdBy, action: 'import.failed', detail }).catch((auditError: Error) => this.logger.error(`could not audit a failed import: ${auditError.message}`));
      throw error;
    }
  }

  private async importChecked(request: ImportRequest, fileName: string): Promise<ImportSummary> {
    const started = performance.now();
    const stream = await openRecordStream({ path: request.path, fileName, format: request.format, encoding: request.encoding, sheet: request.sheet, limits: request.limits });
    try {
      const mapping = this.chooseMapping({ request, stream, fileName });
      const onProgress = request.onProgress;
      // the checksum's read also counts the rows for the progress (it needs the format and encoding the
      // opening found): two full reads before the first row would keep the upload page blank for as long
      const counter = onProgress ? RecordEstimate.of(stream.format, stream.encoding ?? undefined) : null;
      const checksum = await sha256File(request.path, counter ? (chunk) => counter.add(chunk) : undefined);
      const estimate = counter?.records ?? null;
      const progress = onProgress && ((records: number) => onProgress({ records, estimate }));
      // a first report once the batch starts: the caller learns the file was taken (and how large it is) before any row is stored
      return await ImportService.lock.run(() => {
        progress?.(0);
        return this.runBatch({ request, stream, mapping, fileName, checksum, started, progress });
      });
    } finally {
      await stream.close();
    }
  }

  private chooseMapping(options: { request: ImportRequest; stream: RecordStream; fileName: string }): ColumnMapping {
    const { request, stream, fileName } = options;
    const profiles: MappingProfile[] = request.profiles ?? [...BUILT_IN_PROFILES];
    const candidates = request.profile ? [findProfile(profiles, request.profile)] : profiles;
    if (request.profile && request.kind !== 'auto') {
      const mapping = mapColumns({ profile: candidates[0], kind: request.kind, headers: stream.headers });
      if (mapping) return mapping;
      const wanted = { profile: candidates[0], kind: request.kind, headers: stream.headers };
      const missing = missingFields(wanted);
      const text = missingColumnsText(wanted);
      throw new LarderError(
        'VALIDATION_FAILED',
        bilingual(
          `${fileName}：按映射“${candidates[0].name}”导入${kindNameZh(request.kind)}缺少列：${text.zh}；请把文件里对应的列改成其中一个名字`,
          `${fileName}: profile ${candidates[0].name} needs these ${request.kind} columns: ${text.en}; rename the file's column to one of these`,
        ),
        { missing },
      );
    }
    const detected = detectMapping({ profiles: candidates, kind: request.kind, headers: stream.headers, fileName });
    if (!detected) {
      const near = nearestMiss({ profiles: candidates, kind: request.kind, headers: stream.headers });
      if (near) {
        const text = missingColumnsText({ profile: near.profile, kind: near.kind, headers: stream.headers });
        throw new LarderError(
          'VALIDATION_FAILED',
          bilingual(
            `${fileName}：看起来是按映射“${near.profile.name}”的${kindNameZh(near.kind)}，但缺少必需的列：${text.zh}；请把文件里对应的列改成其中一个名字`,
            `${fileName}: looks like ${near.kind} of profile ${near.profile.name} but lacks the required column${near.missing.length > 1 ? 's' : ''} ${text.en}; rename the file's column to one of these`,
          ),
          { missing: near.missing, profile: near.profile.name, kind: near.kind },
        );
      }
      // a file without a header line has its first record here: show headers, never values
      const shown = stream.headers.slice(0, 12).map(maskPersonalText);
      throw new LarderError(
        'VALIDATION_FAILED',
        bilingual(
          `${fileName}：无法从表头识别数据类型和映射（表头：${shown.join('、')}）`,
          `${fileName}: no profile fits these headers${request.kind === 'auto' ? '' : ` for ${request.kind}`}; pass --profile and the kind, or add a profile (headers: ${shown.join(', ')})`,
        ),
      );
    }
    if (detected.candidates.length > 1 && new Set(detected.candidates.map((candidate) => candidate.kind)).size > 1) {
      const kinds = detected.candidates.map((candidate) => candidate.kind).join(', ');
      throw new LarderError(
        'VALIDATION_FAILED',
        bilingual(`${fileName}：表头同样符合多种数据（${kinds}），请指明类型`, `${fileName}: the headers fit several kinds equally (${kinds}); name the kind`),
      );
    }
    return detected.mapping;
  }

  private async runBatch(options: {
    request: ImportRequest;
    stream: RecordStream;
    mapping: ColumnMapping;
    fileName: string;
    checksum: string;
    started: number;
    progress: ((records: number) => void) | undefined;
  }): Promise<ImportSummary> {
    const { request, stream, mapping, fileName } = options;
    const batchId = randomUUID();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await lockImportsInTransaction(runner.manager);
      await runner.query(`INSERT INTO import_batch (id, kind, source, file_name, checksum, created_by, status, headers) VALUES ($1, $2, $3, $4, $5, $6, 'running', $7)`, [
        batchId,
        mapping.kind,
        mapping.profile.source,
        fileName,
        options.checksum,
        request.createdBy,
        // kept to list refused rows in the file's order; a header is never a person's number
        stream.headers.map(maskPersonalText),
      ]);
      const quarantine = await QuarantineWriter.open({ runner, batchId, fileName });
      const counts = await this.runRecords({ runner, request, fileName, stream, mapping, batchId, quarantine, progress: options.progress });
      await quarantine.flush();
      const summary: ImportSummary = {
        batchId,
        kind: mapping.kind,
        profile: mapping.profile.name,
        fileName,
        format: stream.format,
        encoding: stream.encoding,
        accepted: counts.accepted,
        rejected: quarantine.count,
        duplicates: counts.duplicates,
        flagged: counts.flagged,
        flags: counts.flags ?? [],
        notes: counts.notes ?? [],
        seconds: Math.round(performance.now() - options.started) / 1000,
        rejections: quarantine.first.slice(0, 10),
      };
      await runner.query(`UPDATE import_batch SET status = 'committed', finished_at = clock_timestamp(), accepted = $2, rejected = $3, duplicates = $4 WHERE id = $1`, [
        batchId,
        summary.accepted,
        summary.rejected,
        summary.duplicates,
      ]);
      await request.beforeCommit?.({ manager: runner.manager, summary });
      await this.audit.record({ actor: request.createdBy, action: 'import', detail: auditDetail(summary) }, runner.manager);
      await runner.commitTransaction();
      this.logger.log(`batch ${batchId} (${mapping.kind}, ${fileName}): ${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.duplicates} duplicates`);
      return summary;
    } catch (error) {
      await runner.rollbackTransaction();
      maskPersonalError(error);
      await this.recordFailure({ runner, batchId, mapping, fileName, checksum: options.checksum, createdBy: request.createdBy, error: error as Error });
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async runRecords(options: {
    runner: QueryRunner;
    request: ImportRequest;
    fileName: string;
    stream: RecordStream;
    mapping: ColumnMapping;
    batchId: string;
    quarantine: QuarantineWriter;
    progress: ((records: number) => void) | undefined;
  }): Promise<PipelineCounts> {
    const { runner, request, mapping } = options;
    const refs = await loadReferenceData(runner.manager);
    if (mapping.kind === 'transactions') {
      // progress counts records once they are stored, so a figure on the screen is a figure in the transaction
      const read = {
        path: request.path,
        fileName: options.fileName,
        format: options.stream.format,
        encoding: options.stream.encoding ?? undefined,
        sheet: options.stream.sheet ?? undefined,
        limits: request.limits,
      };
      const counts = await runPaymentPipeline({
        runner,
        read,
        stream: options.stream,
        mapping,
        refs,
        pseudonymSecret: await this.pseudonyms.secret(),
        latestDate: this.latestDate(),
        batchId: options.batchId,
        quarantine: options.quarantine,
        rollups: this.rollups,
        onProgress: (records) => options.progress?.(records),
      });
      return counts;
    }
    const pseudonymizer = await this.pseudonyms.get();
    const touched = new TouchedDays();
    let records = 0;
    const onRecord = () => {
      if (++records % PROGRESS_EVERY === 0) options.progress?.(records);
    };
    const counts = await runTablePipeline({
      runner,
      stream: options.stream,
      mapping,
      batchId: options.batchId,
      quarantine: options.quarantine,
      touched,
      onRecord,
      kind: mapping.kind,
      guard: new PersonalDataGuard(mapping, options.stream.headers, pseudonymizer),
      context: { refs, amountUnit: mapping.profile.amountUnit, pseudonym: (identifier: string) => pseudonymizer.pseudonym(identifier), latestDate: this.latestDate() },
    });
    options.progress?.(records);
    if (touched.from !== null && touched.to !== null) {
      await this.rollups.refreshKind(mapping.kind, { canteenIds: [...touched.canteens], from: touched.from, to: touched.to }, runner.manager);
    }
    // The dish rollups store each day's portion cost; new prices or recipes change it on days whose facts did not change.
    if (COST_KINDS.has(mapping.kind)) await this.rollups.priceAll(runner.manager);
    return counts;
  }

  /** The data is gone with the rollback; the attempt itself is kept, so every batch is on record. */
  private async recordFailure(options: { runner: QueryRunner; batchId: string; mapping: ColumnMapping; fileName: string; checksum: string; createdBy: string; error: Error }): Promise<void> {
    try {
      await options.runner.query(`INSERT INTO import_batch (id, kind, source, file_name, checksum, created_by, status, finished_at, error) VALUES ($1, $2, $3, $4, $5, $6, 'failed', now(), $7)`, [
        options.batchId,
        options.mapping.kind,
        options.mapping.profile.source,
        options.fileName,
        options.checksum,
        options.createdBy,
        options.error.message.slice(0, 2000),
      ]);
    } catch (recordError) {
      this.logger.error(`could not record failed batch ${options.batchId}: ${(recordError as Error).message}`);
    }
  }
}
