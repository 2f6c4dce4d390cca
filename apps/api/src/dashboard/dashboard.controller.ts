import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  DASHBOARD_PAGES,
  DashboardDemandService,
  DashboardDishesService,
  DashboardFinanceService,
  DashboardMetaService,
  DashboardOverviewService,
  DashboardPageId,
  DashboardSatisfactionService,
  DashboardScope,
  DashboardScopeService,
  DashboardWasteService,
  PANEL_MAX_RANGE_DAYS,
  parseDashboardQuery,
} from '@larder/analytics';
import { CurrentPrincipal, mayReadMoney, Principal, Roles } from '@larder/auth';
import { LarderError, RawQuery } from '@larder/common';
import type { CanteenScope, Role } from '@larder/domain';
import { CanteenAccess } from '../auth/canteen-access.decorator';
import { DASHBOARD_FILTERS, QueryParameters } from '../openapi/documentation.decorators';
import { DashboardCacheInterceptor } from './dashboard-cache.interceptor';

/** The roles of a page as the contract lists them; admins pass every route anyway. */
function pageRoles(page: DashboardPageId): Role[] {
  return DASHBOARD_PAGES[page].filter((role) => role !== 'admin');
}

function signedIn(principal: Principal): Extract<Principal, { kind: 'user' }> {
  if (principal.kind !== 'user') throw new LarderError('FORBIDDEN', 'the dashboard is for signed-in people');
  return principal;
}

function dishParameter(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new LarderError('VALIDATION_FAILED', `dish id must be a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** `GET /api/dashboard/<page>?from=&to=&canteens=&meal=`: one panel each, see dashboard.contract.ts. */
@Controller('api/dashboard')
@UseInterceptors(DashboardCacheInterceptor)
export class DashboardController {
  constructor(
    private readonly scopes: DashboardScopeService,
    private readonly metaService: DashboardMetaService,
    private readonly overviewService: DashboardOverviewService,
    private readonly dishesService: DashboardDishesService,
    private readonly demandService: DashboardDemandService,
    private readonly wasteService: DashboardWasteService,
    private readonly financeService: DashboardFinanceService,
    private readonly satisfactionService: DashboardSatisfactionService,
  ) {}

  @Get('meta')
  @ApiOperation({ summary: 'What the signed-in person may see: pages, canteens, meals, default dates' })
  @Roles('manager', 'finance', 'union', 'viewer')
  meta(@CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    return this.metaService.meta({ role: signedIn(principal).role, access: canteens });
  }

  @Get('overview')
  @ApiOperation({ summary: 'The overview panel' })
  @QueryParameters(DASHBOARD_FILTERS)
  @Roles(...pageRoles('overview'))
  async overview(@Query() query: RawQuery, @CanteenAccess() canteens: CanteenScope) {
    return this.overviewService.overview(await this.scope(query, canteens));
  }

  @Get('dishes')
  @ApiOperation({ summary: 'The dishes panel: popularity, trend, menu engineering' })
  @QueryParameters(DASHBOARD_FILTERS)
  @Roles(...pageRoles('dishes'))
  async dishes(@Query() query: RawQuery, @CanteenAccess() canteens: CanteenScope) {
    return this.dishesService.dishes(await this.scope(query, canteens));
  }

  @Get('dishes/:dishId')
  @ApiOperation({ summary: "One dish's sales, waste and ratings" })
  @QueryParameters(DASHBOARD_FILTERS)
  @Roles(...pageRoles('dishes'))
  async dish(@Param('dishId') dishId: string, @Query() query: RawQuery, @CanteenAccess() canteens: CanteenScope) {
    const id = dishParameter(dishId);
    return this.dishesService.dish(await this.scope(query, canteens), id);
  }

  /** `&dish=` narrows the forecast series and accuracy to one dish. */
  @Get('demand')
  @ApiOperation({ summary: 'The demand panel: actual covers against the forecast band, accuracy, weekday × hour' })
  @QueryParameters(DASHBOARD_FILTERS)
  @Roles(...pageRoles('demand'))
  async demand(@Query() query: RawQuery, @CanteenAccess() canteens: CanteenScope) {
    const requested = parseDashboardQuery(query);
    return this.demandService.panel(await this.scopes.resolve(requested, canteens), requested.dish ?? null);
  }

  @Get('waste')
  @ApiOperation({ summary: 'The waste panel' })
  @QueryParameters(DASHBOARD_FILTERS)
  @Roles(...pageRoles('waste'))
  async waste(@Query() query: RawQuery, @CanteenAccess() canteens: CanteenScope) {
    return this.wasteService.waste(await this.scope(query, canteens));
  }

  @Get('finance')
  @ApiOperation({ summary: 'The finance panel' })
  @QueryParameters(DASHBOARD_FILTERS)
  @Roles(...pageRoles('finance'))
  async finance(@Query() query: RawQuery, @CanteenAccess() canteens: CanteenScope) {
    // Finance compares years: its panel reads monthly sums and answers for ranges far past other panels'.
    // Its default range starts on a month's first day: whole months, the current one marked partial.
    return this.financeService.panel(await this.scopes.resolve(parseDashboardQuery(query, PANEL_MAX_RANGE_DAYS.finance), canteens, 'month'));
  }

  @Get('satisfaction')
  @ApiOperation({ summary: 'The satisfaction panel: released cells of five diners or more only' })
  @QueryParameters(DASHBOARD_FILTERS)
  @Roles(...pageRoles('satisfaction'))
  async satisfaction(@Query() query: RawQuery, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    return this.satisfactionService.panel(await this.scope(query, canteens), { money: mayReadMoney(signedIn(principal)) });
  }

  private scope(query: RawQuery, canteens: CanteenScope): Promise<DashboardScope> {
    return this.scopes.resolve(parseDashboardQuery(query), canteens);
  }
}
