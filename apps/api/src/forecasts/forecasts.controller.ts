import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { canteenScope, CurrentPrincipal, Principal, Roles, TokenScopes } from '@larder/auth';
import { ForecastQueryService, ForecastRunService, parseForecastQuery, parseRunsQuery, parseRunTrigger } from '@larder/demand';
import type { RawQuery } from '@larder/common';

@Controller('api/forecasts')
export class ForecastsController {
  constructor(
    private readonly queries: ForecastQueryService,
    private readonly runner: ForecastRunService,
  ) {}

  /** `?canteen=&from=&to=&meal=&dish=&run=`: quantities with p10/p50/p90, model and backtest WAPE. */
  @Get()
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  forecasts(@Query() query: RawQuery, @CurrentPrincipal() principal?: Principal) {
    // A manager sees the forecasts of their own canteens; naming another canteen is refused (403).
    return this.queries.forecasts(parseForecastQuery(query), principal ? canteenScope(principal) : 'all');
  }

  @Get('runs')
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  runs(@Query() query: RawQuery) {
    return this.queries.runs(parseRunsQuery(query).limit);
  }

  /** Runs a refresh (`{asOf?, horizonDays?, canteen?}`) and answers with its summary; a manager's, of their own canteens only. */
  @Post('runs')
  @Roles('manager')
  @HttpCode(201)
  trigger(@Body() body: unknown, @CurrentPrincipal() principal?: Principal) {
    const request = parseRunTrigger(body);
    const scope = principal ? canteenScope(principal) : 'all';
    return this.runner.run({
      asOf: request.asOf, horizonDays: request.horizonDays, canteenCodes: request.canteen === undefined ? undefined : [request.canteen], trigger: 'manual',
      allowedCanteenIds: scope === 'all' ? undefined : scope,
    });
  }
}
