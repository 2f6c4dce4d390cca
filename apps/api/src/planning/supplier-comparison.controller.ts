import { Controller, Get, Query } from '@nestjs/common';
import { Roles, TokenScopes } from '@larder/auth';
import type { CanteenScope } from '@larder/domain';
import { PlanningDataLoader, SupplierComparisonService } from '@larder/procurement';
import { allowCanteen, CanteenAccess } from '../auth/canteen-access.decorator';
import { dateValue } from './planning-request.parser';

/** 货比三家: each ingredient's suppliers side by side, the planner's choice and the month's saving. */
@Controller('api/supplier-comparison')
export class SupplierComparisonController {
  constructor(
    private readonly comparison: SupplierComparisonService,
    private readonly loader: PlanningDataLoader,
  ) {}

  /** `?month=YYYY-MM` (default: the month of `asOf`, else of the last day with sales) `&canteen=C01` (default: every canteen you may see). */
  @Get()
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async get(@CanteenAccess() canteens: CanteenScope, @Query('month') month?: string, @Query('canteen') canteen?: string, @Query('asOf') asOf?: string) {
    let canteenIds: number[];
    if (canteen !== undefined && canteen !== '') {
      const canteenId = await this.loader.resolveCanteen(canteen);
      allowCanteen(canteens, canteenId);
      canteenIds = [canteenId];
    } else {
      canteenIds = canteens === 'all' ? await this.loader.canteenIds() : canteens;
    }
    return this.comparison.compare({ canteenIds, month: month === '' ? undefined : month, asOf: asOf === undefined || asOf === '' ? undefined : dateValue('asOf', asOf) });
  }
}
