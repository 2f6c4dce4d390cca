import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { Canteen, Dish } from '@larder/database';
import { parseReportPeriod, ReportPeriod } from '@larder/analytics';
import { isMealPeriod, MEAL_PERIODS, MealPeriod } from '@larder/domain';
import { REPORT_LANGUAGES, ReportLanguage } from '../layout/labels';
import type { Named, ReportContext } from '../layout/report-context';
import type { ReportRequest } from '../report-request';

export interface ReportScope {
  period: ReportPeriod;
  canteens: Canteen[];
  /** The chosen canteen when exactly one was named, else null. */
  canteen: Canteen | null;
  canteenIds: number[];
  /** True when no canteen was named: every site counts (the staff of all sites in participation). */
  allCanteens: boolean;
  /** One meal period only, or null for all meals. */
  meal: MealPeriod | null;
  /** One dish only (the accuracy report), or null for all. */
  dish: (Named & { id: number }) | null;
  context: ReportContext;
}

/** Canteen codes or ids as asked: several comma-separated, or repeated in a query string. */
export function askedCanteens(canteen: string | readonly string[] | undefined): string[] {
  const parts = typeof canteen === 'string' ? [canteen] : [...(canteen ?? [])];
  return [
    ...new Set(
      parts
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ];
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
    const meal = request.meal === undefined || request.meal === '' ? null : request.meal;
    if (meal !== null && !isMealPeriod(meal)) throw new LarderError('VALIDATION_FAILED', `meal must be one of ${MEAL_PERIODS.join(', ')}, got ${JSON.stringify(meal)}`);
    const all = await this.dataSource.getRepository(Canteen).find({ order: { id: 'ASC' } });
    const chosen = askedCanteens(request.canteen).map((wanted) => {
      const canteen = all.find((row) => row.code.toLowerCase() === wanted.toLowerCase() || String(row.id) === wanted);
      if (!canteen) throw new LarderError('NOT_FOUND', `no canteen ${JSON.stringify(wanted)}; known: ${all.map((row) => row.code).join(', ') || 'none'}`);
      return canteen;
    });
    const dish = await this.dish(request);
    const canteens = chosen.length > 0 ? all.filter((row) => chosen.includes(row)) : all;
    const canteen = chosen.length === 1 ? chosen[0] : null;
    const named = (row: Canteen) => ({ code: row.code, name: row.name, nameEn: row.nameEn });
    return {
      period,
      canteens,
      canteen,
      canteenIds: canteens.map((row) => row.id),
      allCanteens: chosen.length === 0,
      meal,
      dish,
      context: {
        language: language as ReportLanguage,
        period: { label: period.label, from: period.from, to: period.to },
        canteen: canteen ? named(canteen) : null,
        ...(chosen.length > 1 ? { canteens: canteens.map(named) } : {}),
        meal,
        generatedAt: request.now ?? new Date(),
        timeZone: canteen?.timezone ?? this.config.timezone,
      },
    };
  }

  /** The one dish a report is of, by code or id; only the accuracy report scores a dish on its own. */
  private async dish(request: ReportRequest): Promise<(Named & { id: number }) | null> {
    const wanted = request.dish?.trim() ?? '';
    if (wanted === '') return null;
    if (request.kind !== 'accuracy') throw new LarderError('VALIDATION_FAILED', `only the accuracy report is of one dish; the ${request.kind} report takes no dish (got ${JSON.stringify(wanted)})`);
    const dishes = this.dataSource.getRepository(Dish);
    // A code first, as for canteens (D012), then an id (12), which is what the dashboard's links carry.
    const row =
      (await dishes.createQueryBuilder('dish').where('lower(dish.code) = lower(:wanted)', { wanted }).getOne()) ?? (/^\d{1,9}$/.test(wanted) ? await dishes.findOneBy({ id: Number(wanted) }) : null);
    if (!row) throw new LarderError('NOT_FOUND', `no dish ${JSON.stringify(wanted)}: give a dish's code or id`, { dish: wanted });
    return { id: row.id, code: row.code, name: row.name, nameEn: row.nameEn };
  }
}
