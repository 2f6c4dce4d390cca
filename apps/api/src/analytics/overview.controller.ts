import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { LarderError } from '@larder/common';
import { CanteenScope, parseIsoDate, scopeFilter } from '@larder/domain';
import { OverviewService } from '@larder/analytics';
import { CurrentPrincipal, mayReadMoney, Principal, Roles, TokenScopes } from '@larder/auth';
import { CanteenAccess } from '../auth/canteen-access.decorator';
import { DAY_FROM, DAY_TO, QueryParameters } from '../openapi/documentation.decorators';
import { CanteenAnswer } from './dtos/canteen-answer.dto';

function dateParameter(name: string, value: string | undefined): string {
  if (value === undefined) throw new LarderError('VALIDATION_FAILED', `query parameter "${name}" is required (YYYY-MM-DD)`);
  try {
    return parseIsoDate(value);
  } catch (error) {
    throw new LarderError('VALIDATION_FAILED', `query parameter "${name}": ${(error as Error).message}`);
  }
}

@Controller('api')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get('canteens')
  @ApiOperation({ summary: 'The canteens with code, name and site' })
  @ApiOkResponse({ type: CanteenAnswer, isArray: true })
  @Roles('manager', 'finance', 'union', 'viewer')
  @TokenScopes('read')
  canteens() {
    return this.overview.canteens();
  }

  @Get('summary')
  @ApiOperation({ summary: 'Totals of the stored data: canteens, sales, covers and the dates they span' })
  @Roles('manager', 'finance', 'union', 'viewer')
  @TokenScopes('read')
  summary() {
    return this.overview.summary();
  }

  @Get('covers/daily')
  @ApiOperation({ summary: 'Covers and transactions per canteen and day (and money figures, except for the union)' })
  @QueryParameters({ from: { ...DAY_FROM, required: true }, to: { ...DAY_TO, required: true } })
  @Roles('manager', 'finance', 'union', 'viewer')
  @TokenScopes('read')
  async dailyCovers(@CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal, @Query('from') from?: string, @Query('to') to?: string) {
    const range = { from: dateParameter('from', from), to: dateParameter('to', to) };
    if (range.from > range.to) throw new LarderError('VALIDATION_FAILED', '"from" must not be after "to"');
    // A manager sees the covers of their own canteens only.
    const rows = await this.overview.dailyCovers({ ...range, canteenIds: scopeFilter(canteens) });
    if (mayReadMoney(principal)) return rows;
    return rows.map(({ serviceDate, canteenId, covers, transactions }) => ({ serviceDate, canteenId, covers, transactions }));
  }
}
