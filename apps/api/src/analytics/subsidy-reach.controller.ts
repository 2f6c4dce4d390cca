import { Controller, Get, Query } from '@nestjs/common';
import { monthPeriod, SubsidyReachService, withoutMoney } from '@larder/analytics';
import { CurrentPrincipal, mayReadMoney, Principal, Roles, TokenScopes } from '@larder/auth';
import { LarderError } from '@larder/common';

/** Subsidy reach per site (remote sites included) for finance and the union: aggregates only, groups under five hidden. */
@Controller('api/subsidy-reach')
export class SubsidyReachController {
  constructor(private readonly subsidy: SubsidyReachService) {}

  /** `?month=YYYY-MM`: the same figures as the month's finance and satisfaction workbooks; the union gets shares, no yuan. */
  @Get()
  @Roles('finance', 'union')
  @TokenScopes('read')
  async get(@CurrentPrincipal() principal: Principal, @Query('month') month?: string) {
    if (month === undefined || month === '') throw new LarderError('VALIDATION_FAILED', 'query parameter "month" is required (YYYY-MM)', { parameter: 'month' });
    const period = monthPeriod(month);
    const view = await this.subsidy.reach({ from: period.from, to: period.to });
    return !mayReadMoney(principal) ? { ...view, ...withoutMoney(view) } : view;
  }
}
