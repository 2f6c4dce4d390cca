import { Controller, Get, Query } from '@nestjs/common';
import { Roles, TokenScopes } from '@larder/auth';
import type { CanteenScope } from '@larder/domain';
import { LarderError } from '@larder/common';
import { PlanningDataLoader, StockService } from '@larder/procurement';
import { allowCanteen, CanteenAccess } from '../auth/canteen-access.decorator';
import { dateValue } from './planning-request.parser';

/** Stock on hand as the next plan nets it: last count, received since, usable and on the way. */
@Controller('api/stock')
export class StockController {
  constructor(
    private readonly stock: StockService,
    private readonly loader: PlanningDataLoader,
  ) {}

  /** `?canteen=C01&date=YYYY-MM-DD` (default today). */
  @Get()
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async get(@CanteenAccess() canteens: CanteenScope, @Query('canteen') canteen?: string, @Query('date') date?: string) {
    if (canteen === undefined || canteen === '') throw new LarderError('VALIDATION_FAILED', 'query parameter "canteen" is required', { parameter: 'canteen' });
    const canteenId = await this.loader.resolveCanteen(canteen);
    allowCanteen(canteens, canteenId);
    return this.stock.stock({ canteenId, date: date === undefined ? undefined : dateValue('date', date) });
  }
}
