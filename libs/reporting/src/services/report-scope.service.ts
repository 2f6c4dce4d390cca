import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { Canteen } from '@larder/database';
import { parseReportPeriod, ReportPeriod } from '@larder/analytics';
import { REPORT_LANGUAGES, ReportLanguage } from '../layout/labels';
import type { ReportContext } from '../layout/report-context';
import type { ReportRequest } from '../report-request';

export interface ReportScope {
  period: ReportPeriod;
  canteens: Canteen[];
  /** The chosen canteen, or null for all. */
  canteen: Canteen | null;
  canteenIds: number[];
  context: ReportContext;
}

/** Turns a request into checked dates, canteens and the printing context; every user mistake is a LarderError. */
@Injectable()
export class ReportScopeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  async resolve(request: ReportRequest): Promise<ReportScope> {
    const period = parseReportPeriod({ month: request.month, week: request.week });
    const language = request.language ?? 'zh-CN';
    if (!(REPORT_LANGUAGES as readonly string[]).includes(language)) {
      throw new LarderError('VALIDATION_FAILED', `language must be one of ${REPORT_LANGUAGES.join(', ')}, got ${JSON.stringify(language)}`);
    }
    const all = await this.dataSource.getRepository(Canteen).find({ order: { id: 'ASC' } });
    let canteen: Canteen | null = null;
    if (request.canteen !== undefined && request.canteen !== '') {
      const wanted = request.canteen.trim();
      canteen = all.find((row) => row.code.toLowerCase() === wanted.toLowerCase() || String(row.id) === wanted) ?? null;
      if (!canteen) throw new LarderError('NOT_FOUND', `no canteen ${JSON.stringify(wanted)}; known: ${all.map((row) => row.code).join(', ') || 'none'}`);
    }
    const canteens = canteen ? [canteen] : all;
    return {
      period,
      canteens,
      canteen,
      canteenIds: canteens.map((row) => row.id),
      context: {
        language: language as ReportLanguage,
        period: { label: period.label, from: period.from, to: period.to },
        canteen: canteen ? { code: canteen.code, name: canteen.name, nameEn: canteen.nameEn } : null,
        generatedAt: request.now ?? new Date(),
        timeZone: canteen?.timezone ?? this.config.timezone,
      },
    };
  }
}
