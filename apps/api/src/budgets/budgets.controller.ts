import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { BudgetService } from '@larder/analytics';
import { AuditService, CurrentPrincipal, Principal, Roles } from '@larder/auth';
import { invalidQueryParameter, LarderError, RawQuery, singleQueryParameter } from '@larder/common';
import { SetBudgetDto } from './dtos/budget.dto';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function month(query: RawQuery, name: string): string {
  const value = singleQueryParameter(query, name);
  if (value === undefined || !MONTH.test(value)) throw invalidQueryParameter(name, `must be a month YYYY-MM, got ${JSON.stringify(value ?? '')}`);
  return value;
}

/** The budget table: finance (and admins) read and set it; every change is audited. */
@Controller('api/budgets')
export class BudgetsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly budgets: BudgetService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Budget lines of every canteen for the months from..to (YYYY-MM)' })
  @Roles('finance')
  async list(@Query() query: RawQuery) {
    const from = month(query, 'from');
    const to = month(query, 'to');
    if (from > to) throw invalidQueryParameter('from', `(${from}) must not be after "to" (${to})`);
    return { from, to, lines: await this.budgets.amounts({ canteenIds: await this.budgets.canteenIds(), fromMonth: from, toMonth: to }) };
  }

  @Put()
  @ApiOperation({ summary: 'Set or remove budget lines (amountFen null removes one)' })
  @Roles('finance')
  async set(@Body() body: SetBudgetDto, @CurrentPrincipal() principal: Principal) {
    if (principal.kind !== 'user') throw new LarderError('FORBIDDEN', 'budgets are set by people, not API tokens');
    const ids = [...new Set(body.lines.map((line) => line.canteenId))];
    const known = await this.budgets.canteenIds(ids);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length > 0) throw new LarderError('VALIDATION_FAILED', `no canteen with id ${unknown.join(', ')}`);
    await this.dataSource.transaction(async (manager) => {
      await this.budgets.set(body.lines, principal.username, manager);
      await this.audit.record({ actor: principal.username, action: 'budget.set', detail: { canteenIds: ids, lines: body.lines } }, manager);
    });
    return { updated: body.lines.length };
  }
}
