import type { ChartSpec } from './charts';
import type { AppliedFilters, DashboardMeta, DashboardRole, ReportKind } from './contract';
import type { Formats } from './format';
import type { Lang, Translate } from './i18n';
import type { ReportLinkParams, ReportScopeParam } from './report-period';
import type { TableSpec } from './table';
import type { ViewState } from './url-state';

export interface Me {
  username: string;
  role: DashboardRole;
  canteenIds: number[];
  csrfToken: string;
}

/** What a page gets to draw itself: the view in the URL, the reference data and the helpers. */
export interface PageContext {
  state: ViewState;
  meta: DashboardMeta;
  me: Me;
  lang: Lang;
  t: Translate;
  f: Formats;
  root: HTMLElement;
  /** Changes the view (pushes the URL) and redraws. */
  go(patch: Partial<ViewState>): void;
  /** Shows the filters the API applied (defaults filled in) in the filter bar. */
  applied(filters: AppliedFilters): void;
  canteenName(id: number | null): string;
  dishName(id: number | null): string;
  supplierName(id: number): string;
  chart(parent: HTMLElement, spec: ChartSpec): void;
  /** `emptyText` defaults to the filters' hint; tables the filters do not touch (subscriptions, the audit log) say their own. */
  table<Row>(parent: HTMLElement, spec: Omit<TableSpec<Row>, 'exportLabel' | 'emptyText' | 'helpLabel'> & { emptyText?: string }): void;
  /**
   * A download link for an Excel report, when the role may read it, of the canteens and meal given
   * (all when absent); `plan`: the purchase plan of exactly that version; `dish`: the accuracy of that dish alone.
   */
  report(kind: ReportKind, params: ReportLinkParams): HTMLElement | null;
  /** The canteens and meal of the page's filters, for its report links (report-period.ts). */
  reportScope(applied: AppliedFilters): ReportScopeParam;
}

export type PageRenderer = (context: PageContext) => Promise<void>;
