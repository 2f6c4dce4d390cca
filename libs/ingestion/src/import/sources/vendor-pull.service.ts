import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, types } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query } from '@larder/database';
import { bilingual } from '../messages';
import { loadProfiles } from '../profiles/profile-registry';
import { MappingProfile } from '../profiles/mapping-profile';
import { ImportService } from '../services/import.service';
import { loadPullSources, PullSource } from './pull-sources';
import { cutPage, pageSql, WATERMARK_ALIAS } from './vendor-page';

export const PULL_ACTOR = 'system:pull';

/** Dates and times come through as the vendor's text: no round trip through the Node process's time zone. */
const AS_TEXT = new Set([types.builtins.DATE, types.builtins.TIMESTAMP, types.builtins.TIMESTAMPTZ]);
const VENDOR_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (AS_TEXT.has(oid) ? (value: string) => value : types.getTypeParser(oid, format ?? 'text'))) as typeof types.getTypeParser,
};

export interface SourcePull {
  source: string;
  pages: number;
  batches: string[];
  accepted: number;
  rejected: number;
  duplicates: number;
  /** The last committed watermark: where the next pull starts. */
  watermark: string;
  error?: string;
}

export interface PullRequest {
  /** One source by name; all of them when absent. */
  source?: string;
  createdBy?: string;
  /** Called after each page's batch has committed (progress; tests break the connection here). */
  onPage?: (page: { source: string; page: number; watermark: string }) => Promise<void> | void;
}

const WATERMARK_KEY = (source: string) => `pull.watermark.${source}`;

/**
 * Pulls new rows from vendor PostgreSQL databases, page by page on a watermark, each page one batch
 * through the same import as a file. The page's new watermark is stored in the batch's own
 * transaction: after any failure the next pull starts from the last committed page, nothing lost
 * or doubled.
 */
@Injectable()
export class VendorPullService {
  private readonly logger = new Logger(VendorPullService.name);

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly importer: ImportService,
  ) {}

  async sources(): Promise<PullSource[]> {
    return (await loadPullSources(this.config.imports.pullSourcesFile)).sources;
  }

  /** Every chosen source is pulled; one failing is reported and does not stop the others. */
  async pull(request: PullRequest = {}): Promise<SourcePull[]> {
    const file = await loadPullSources(this.config.imports.pullSourcesFile);
    const chosen = request.source ? file.sources.filter((source) => source.name === request.source) : file.sources;
    if (request.source && chosen.length === 0) {
      throw new LarderError(
        'NOT_FOUND',
        bilingual(
          `没有名为“${request.source}”的拉取源`,
          `no pull source named "${request.source}" in ${this.config.imports.pullSourcesFile}; known: ${file.sources.map((source) => source.name).join(', ') || 'none'}`,
        ),
      );
    }
    const profiles = await loadProfiles(file.profilesFile);
    const results: SourcePull[] = [];
    for (const source of chosen) results.push(await this.pullSource({ source, profiles, request }));
    return results;
  }

  async watermark(source: PullSource): Promise<string> {
    const [row] = await query<{ value: string }>(this.dataSource, 'SELECT value FROM app_setting WHERE key = $1', [WATERMARK_KEY(source.name)]);
    return row?.value ?? source.initialWatermark;
  }

  private async pullSource(options: { source: PullSource; profiles: MappingProfile[]; request: PullRequest }): Promise<SourcePull> {
    const { source } = options;
    const result: SourcePull = { source: source.name, pages: 0, batches: [], accepted: 0, rejected: 0, duplicates: 0, watermark: await this.watermark(source) };
    const client = new Client({ connectionString: source.url, types: VENDOR_TYPES, application_name: 'larder-pull' });
    // a connection dropped between queries is reported as an event: unheard, it would end the process
    client.on('error', (error: Error) => this.logger.warn(`pull ${source.name}: connection lost: ${error.message}`));
    const dir = await mkdtemp(join(tmpdir(), 'larder-pull-'));
    try {
      await client.connect();
      await client.query(`SET TIME ZONE '${this.config.timezone.replace(/'/g, "''")}'`);
      await client.query('SET default_transaction_read_only = on');
      for (let limit = source.pageSize; ;) {
        const fetched = await client.query<Record<string, unknown>>(pageSql({ query: source.query, watermarkColumn: source.watermarkColumn, limit }), [result.watermark]);
        const page = cutPage(fetched.rows, limit);
        if (page.tooSmall) {
          limit *= 2;
          continue;
        }
        limit = source.pageSize;
        if (page.rows.length === 0) break;
        await this.importPage({ ...options, dir, rows: page.rows, from: result.watermark, to: page.watermark!, result });
        await options.request.onPage?.({ source: source.name, page: result.pages, watermark: result.watermark });
        if (page.last) break;
      }
    } catch (error) {
      // pg's errors name the server, never the password; the URL itself is not repeated
      result.error = (error as Error).message;
      this.logger.warn(`pull ${source.name} stopped after ${result.pages} pages at watermark ${result.watermark}: ${result.error}`);
    } finally {
      await client.end().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
    return result;
  }

  private async importPage(options: {
    source: PullSource;
    profiles: MappingProfile[];
    request: PullRequest;
    dir: string;
    rows: Record<string, unknown>[];
    from: string;
    to: string;
    result: SourcePull;
  }): Promise<void> {
    const { source, result } = options;
    const path = join(options.dir, `page-${result.pages + 1}.ndjson`);
    const lines = options.rows.map((row) => {
      const values = { ...row };
      delete values[WATERMARK_ALIAS];
      return JSON.stringify(values) + '\n';
    });
    await pipeline(Readable.from(lines), createWriteStream(path));
    const summary = await this.importer.importFile({
      kind: source.kind,
      profile: source.profile,
      profiles: options.profiles,
      path,
      format: 'ndjson',
      fileName: `pull:${source.name} after ${options.from}`,
      createdBy: options.request.createdBy ?? `${PULL_ACTOR}:${source.name}`,
      limits: { maxFileBytes: this.config.imports.maxBytes },
      beforeCommit: ({ manager }) => this.moveWatermark({ manager, source, from: options.from, to: options.to }),
    });
    result.pages += 1;
    result.batches.push(summary.batchId);
    result.accepted += summary.accepted;
    result.rejected += summary.rejected;
    result.duplicates += summary.duplicates;
    result.watermark = options.to;
  }

  /** Compare and set inside the batch's transaction: a concurrent pull of the same source makes this batch roll back. */
  private async moveWatermark(options: { manager: EntityManager; source: PullSource; from: string; to: string }): Promise<void> {
    const key = WATERMARK_KEY(options.source.name);
    const [moved] = await query<{ n: number }>(
      options.manager,
      `WITH current AS (SELECT value FROM app_setting WHERE key = $1::text),
            ins AS (INSERT INTO app_setting (key, value) SELECT $1::text, $3::text WHERE NOT EXISTS (SELECT 1 FROM current) AND $2::text = $4::text ON CONFLICT (key) DO NOTHING RETURNING 1),
            upd AS (UPDATE app_setting SET value = $3::text WHERE key = $1::text AND value = $2::text RETURNING 1)
       SELECT (SELECT count(*) FROM ins) + (SELECT count(*) FROM upd) AS n`,
      [key, options.from, options.to, options.source.initialWatermark],
    );
    if (Number(moved.n) !== 1) {
      throw new LarderError(
        'CONFLICT',
        bilingual(`拉取源 ${options.source.name} 的水位已被另一次拉取移动，本页撤销`, `another pull moved the watermark of ${options.source.name}; this page is rolled back and the next pull resumes`),
      );
    }
  }
}
