import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AuditService } from '@larder/auth';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query } from '@larder/database';
import { MenuProposalService } from '@larder/procurement';
import { REPORT_LANGUAGES, ReportLanguage } from '../layout/labels';
import { MenuProposalWorkbookData, writeMenuProposalWorkbook } from '../layout/menu-proposal.layout';
import type { Named } from '../layout/report-context';

export interface PreparedMenuWorkbook {
  fileName: string;
  data: MenuProposalWorkbookData;
}

/** A menu proposal as a workbook (summary with the what-if, changes, menu per day × meal); each download is audited as a report export. */
@Injectable()
export class MenuProposalWorkbookService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly menus: MenuProposalService,
    private readonly audit: AuditService,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  /** Checks the proposal and the language and names the file, before anything is written. */
  async prepare(proposalId: string, language: string = 'zh-CN', now: Date = new Date()): Promise<PreparedMenuWorkbook> {
    if (!(REPORT_LANGUAGES as readonly string[]).includes(language)) {
      throw new LarderError('VALIDATION_FAILED', `language must be one of ${REPORT_LANGUAGES.join(', ')}, got ${JSON.stringify(language)}`, { field: 'lang' });
    }
    const proposal = await this.menus.get(proposalId);
    const [canteen] = await query<Named>(this.dataSource, 'SELECT code, name, name_en AS "nameEn" FROM canteen WHERE id = $1', [proposal.canteenId]);
    const data: MenuProposalWorkbookData = {
      context: {
        language: language as ReportLanguage,
        period: { label: `${proposal.from} – ${proposal.to}`, from: proposal.from, to: proposal.to },
        canteen: canteen ?? null,
        generatedAt: now,
        timeZone: this.config.timezone,
      },
      proposal,
    };
    const fileName = `larder-menu-proposal-${canteen?.code ?? proposal.canteenId}-${proposal.from}-${language}.xlsx`;
    return { fileName, data };
  }

  /** Streams the workbook and records the export, complete or failed. */
  async write(prepared: PreparedMenuWorkbook, output: Writable, requestedBy: string): Promise<void> {
    const { data } = prepared;
    const detail = {
      kind: 'menu-proposal',
      proposalId: data.proposal.id,
      period: data.context.period.label,
      from: data.proposal.from,
      to: data.proposal.to,
      canteens: data.context.canteen ? [data.context.canteen.code] : [],
      language: data.context.language,
    };
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
      workbook.creator = 'Larder';
      workbook.created = data.context.generatedAt;
      writeMenuProposalWorkbook({ workbook, data });
      await workbook.commit();
      await this.audit.record({ actor: requestedBy, action: 'report.export', detail });
    } catch (error) {
      await this.audit.record({ actor: requestedBy, action: 'report.export.failed', detail: { ...detail, error: error instanceof Error ? error.message.slice(0, 300) : String(error) } });
      throw error;
    }
  }

  /** Writes the workbook to a file, whole or not at all (a partial file is renamed only once complete). */
  async writeFile(params: { proposalId: string; language?: string; path: string; requestedBy: string }): Promise<{ path: string; bytes: number; language: ReportLanguage }> {
    const prepared = await this.prepare(params.proposalId, params.language);
    await mkdir(dirname(params.path), { recursive: true });
    const partial = `${params.path}.${process.pid}.partial`;
    const stream = createWriteStream(partial);
    const failure = new Promise<never>((_resolve, reject) => stream.once('error', reject));
    try {
      await Promise.race([this.write(prepared, stream, params.requestedBy), failure]);
      await Promise.race([finished(stream), failure]);
      await rename(partial, params.path);
      return { path: params.path, bytes: (await stat(params.path)).size, language: prepared.data.context.language };
    } catch (error) {
      stream.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  }
}
