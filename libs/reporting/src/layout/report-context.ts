import { fill, Labels, labelsFor, ReportLanguage } from './labels';
import { localStamp } from './cells';
import { ColumnSpec, SheetFrame } from './report-sheet';
import { Picture } from './pictures';

/** What every report prints around its figures: language, period, scope, when and where. */
export interface ReportContext {
  language: ReportLanguage;
  period: { label: string; from: string; to: string };
  /** Null for all canteens. */
  canteen: Named | null;
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

export function nameOf(context: ReportContext, named: Named): string {
  return context.language === 'en' ? named.nameEn : named.name;
}

export function subtitleOf(context: ReportContext): string {
  const labels = labelsOf(context);
  const scope = context.canteen ? nameOf(context, context.canteen) : labels.allCanteens;
  return [
    `${context.period.label}`,
    fill(labels.period, { from: context.period.from, to: context.period.to }),
    scope,
    fill(labels.generatedAt, { at: localStamp(context.generatedAt, context.timeZone), zone: context.timeZone }),
  ].join(' · ');
}

export function frameOf(context: ReportContext, sheet: { name: string; reportTitle: string; title: string; columns: ColumnSpec[]; table?: boolean }): SheetFrame {
  const labels = labelsOf(context);
  return {
    name: sheet.name,
    title: `${sheet.reportTitle} · ${sheet.title}`,
    subtitle: subtitleOf(context),
    columns: sheet.columns,
    table: sheet.table,
    pageHeader: { left: `${labels.larder} · ${sheet.reportTitle}`, right: `${context.period.label} · ${context.canteen ? nameOf(context, context.canteen) : labels.allCanteens}` },
    pageFooter: { left: fill(labels.generatedAt, { at: localStamp(context.generatedAt, context.timeZone), zone: context.timeZone }), pageOf: labels.pageOf },
  };
}

/** Charts rendered by the caller (PNG), or null where the renderer is missing. */
export type RenderedCharts = Picture[] | null;
