import { Controller, Get, Query } from '@nestjs/common';
import {
  CanteenAccess, DASHBOARD_PAGES, DashboardMetaService, DashboardOverviewService, DashboardPageId, DashboardScope, DashboardScopeService, parseDashboardQuery, RawQuery,
} from '@larder/analytics';
import { canteenScope, CurrentPrincipal, Principal, Roles } from '@larder/auth';
import { LarderError } from '@larder/common';
import type { Role } from '@larder/domain';

/** The roles of a page as the contract lists them; admins pass every route anyway. */
function pageRoles(page: DashboardPageId): Role[] {
  return DASHBOARD_PAGES[page].filter((role) => role !== 'admin');
}

function signedIn(principal: Principal | undefined): Extract<Principal, { kind: 'user' }> {
  if (principal?.kind !== 'user') throw new LarderError('FORBIDDEN', 'the dashboard is for signed-in people');
  return principal;
}

/** `GET /api/dashboard/<page>?from=&to=&canteens=&meal=`: one panel each, see dashboard.contract.ts. */
@Controller('api/dashboard')
export class DashboardController {
  constructor(
    private readonly scopes: DashboardScopeService,
    private readonly metaService: DashboardMetaService,
    private readonly overviewService: DashboardOverviewService,
  ) {}

  @Get('meta')
  @Roles('manager', 'finance', 'union', 'viewer')
  meta(@CurrentPrincipal() principal?: Principal) {
    const user = signedIn(principal);
    return this.metaService.meta({ role: user.role, access: canteenScope(user) });
  }

  @Get('overview')
  @Roles(...pageRoles('overview'))
  async overview(@Query() query: RawQuery, @CurrentPrincipal() principal?: Principal) {
    return this.overviewService.overview(await this.scope(query, principal));
  }

  private scope(query: RawQuery, principal: Principal | undefined): Promise<DashboardScope> {
    const access: CanteenAccess = canteenScope(signedIn(principal));
    return this.scopes.resolve(parseDashboardQuery(query), access);
  }
}
