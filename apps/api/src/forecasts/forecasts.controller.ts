import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Roles, TokenScopes } from '@larder/auth';
import { CanteenScope, scopeFilter } from '@larder/domain';
import { ForecastQueryService, ForecastRunService, parseForecastQuery, parseRunsQuery } from '@larder/demand';
import type { RawQuery } from '@larder/common';
import { CanteenAccess } from '../auth/canteen-access.decorator';
import { DAY_FROM, DAY_TO, MEAL, QueryParameters } from '../openapi/documentation.decorators';
import { RunTriggerDto } from './dtos/run-trigger.dto';

@Controller('api/forecasts')
export class ForecastsController {
  constructor(
    private readonly queries: ForecastQueryService,
    private readonly runner: ForecastRunService,
  ) {}

  /** `?canteen=&from=&to=&meal=&dish=&run=`: quantities with p10/p50/p90, model and backtest WAPE. */
  @Get()
  @ApiOperation({ summary: "Stored forecasts with p10/p50/p90, model and backtest WAPE (default: each canteen's latest run)" })
  @QueryParameters({ canteen: 'A canteen by code or id', from: DAY_FROM, to: DAY_TO, meal: MEAL, dish: 'A dish by code or id; 0 or covers for the covers rows', run: 'A run id (UUID)' })
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  forecasts(@Query() query: RawQuery, @CanteenAccess() canteens: CanteenScope) {
    // A manager sees the forecasts of their own canteens; naming another canteen is refused (403).
    return this.queries.forecasts(parseForecastQuery(query), canteens);
  }

  @Get('runs')
  @ApiOperation({ summary: 'Forecast runs, newest first, with counts and mean backtest WAPE' })
  @QueryParameters({ limit: 'Runs, 1-100 (default 20)' })
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  runs(@Query() query: RawQuery) {
    return this.queries.runs(parseRunsQuery(query).limit);
  }

  /** Runs a refresh (`{asOf?, horizonDays?, canteen?}`) and answers with its summary; a manager's, of their own canteens only. */
  @Post('runs')
  @ApiOperation({ summary: 'Run a forecast refresh and answer its summary (a manager: their own canteens)' })
  @Roles('manager')
  @HttpCode(201)
  trigger(@Body() request: RunTriggerDto, @CanteenAccess() canteens: CanteenScope) {
    return this.runner.run({
      asOf: request.asOf,
      horizonDays: request.horizonDays,
      canteenCodes: request.canteen === undefined ? undefined : [request.canteen],
      trigger: 'manual',
      allowedCanteenIds: scopeFilter(canteens),
    });
  }
}
