import { BilingualName, localName } from '@larder/domain';
import { codeName, fill, Labels, labelsFor, ReportLanguage } from './labels';
import { localStamp } from './cells';
import { ColumnSpec, SheetFrame } from './report-sheet';
import { Picture } from './pictures';

/** What every report prints around its figures: language, period, scope, when and where. */
export interface ReportContext {
  language: ReportLanguage;
  period: { label: string; from: string; to: string };
  /** The one canteen chosen; null for all or several. */
  canteen: Named | null;
  /** The canteens chosen, when several (not all). */
  canteens?: Named[];
  /** One meal period only (breakfast, lunch, dinner, night), or null/absent for all meals. */
  meal?: string | null;
  generatedAt: Date;
  timeZone: string;
}

export interface Named {
  code: string;
  name: string;
  nameEn: string;
}

export function labelsOf(context: ReportContext): Labels {
  return labelsFor(context.language);
}

/** A canteen's, dish's or supplier's name in the report's language: the English one where there is one. */
export function nameOf(context: ReportContext, named: BilingualName): string {
  return localName(named, context.language);
}

/** Which canteens and meal a report covers, as its subtitle and page header print it. */
export function scopeOf(context: ReportContext): string {
  const labels = labelsOf(context);
  const canteens = context.canteen
    ? nameOf(context, context.canteen)
    : context.canteens
      ? context.canteens.map((canteen) => nameOf(context, canteen)).join(context.language === 'en' ? ', ' : '、')
      : labels.allCanteens;
  return context.meal ? `${canteens} · ${codeName(context.language, context.meal)}` : canteens;
}

export function subtitleOf(context: ReportContext): string {
  const labels = labelsOf(context);
  return [
    `${context.period.label}`,
    fill(labels.period, { from: context.period.from, to: context.period.to }),
    scopeOf(context),
    fill(labels.generatedAt, { at: localStamp(context.generatedAt, context.timeZone), zone: context.timeZone }),
  ].join(' · ');
}

export function frameOf(context: ReportContext, sheet: { name: string; reportTitle: string; title: string; columns: ColumnSpec[]; table?: boolean; onePage?: boolean }): SheetFrame {
  const labels = labelsOf(context);
  return {
    name: sheet.name,
    title: `${sheet.reportTitle} · ${sheet.title}`,
    subtitle: subtitleOf(context),
    columns: sheet.columns,
    table: sheet.table,
    onePage: sheet.onePage,
    pageHeader: { left: `${labels.larder} · ${sheet.reportTitle}`, right: `${context.period.label} · ${scopeOf(context)}` },
    pageFooter: { left: fill(labels.generatedAt, { at: localStamp(context.generatedAt, context.timeZone), zone: context.timeZone }), pageOf: labels.pageOf },
  };
}

/** Charts rendered by the caller (PNG), or null where the renderer is missing. */
export type RenderedCharts = Picture[] | null;
