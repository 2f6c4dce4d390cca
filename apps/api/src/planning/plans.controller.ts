import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, principalName, Roles, TokenScopes } from '@larder/auth';
import { CanteenScope, inScope, scopeFilter } from '@larder/domain';
import { PlanningDataLoader, PlanService, WasteAccountingService, WhatIfService } from '@larder/procurement';
import { allowCanteen, CanteenAccess } from '../auth/canteen-access.decorator';
import { ApproveDto, CreatePlanDto, OverrideDto } from './dtos/plan-requests.dto';
import { toScenario, WhatIfDto } from './dtos/what-if.dto';
import { DAY_FROM, DAY_TO, QueryParameters } from '../openapi/documentation.decorators';
import { dateValue } from './planning-request.parser';

const CANTEEN = 'A canteen by code (C01) or id';

/** Plans, approval, overrides, purchase orders and what-if. Managers plan; finance, union and viewers read. */
@ApiTags('Planning')
@Controller('api')
export class PlansController {
  constructor(
    private readonly plans: PlanService,
    private readonly whatIf: WhatIfService,
    private readonly loader: PlanningDataLoader,
    private readonly waste: WasteAccountingService,
  ) {}

  /** `?from=&to=&canteen=`: waste by week, canteen, kind and dish in kg, portions and fen; plate waste per cover; against approved plans. */
  @Get('waste/accounting')
  @ApiOperation({ summary: 'Waste by week, canteen, kind and dish in kg, portions and fen, against approved plans' })
  @QueryParameters({ from: { ...DAY_FROM, required: true }, to: { ...DAY_TO, required: true }, canteen: CANTEEN })
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async wasteAccounting(@CanteenAccess() canteens: CanteenScope, @Query('from') from?: string, @Query('to') to?: string, @Query('canteen') canteen?: string) {
    const canteenIds = canteen !== undefined ? [await this.loader.resolveCanteen(canteen)] : scopeFilter(canteens);
    for (const id of canteenIds ?? []) allowCanteen(canteens, id);
    return this.waste.account({ from: dateValue('from', from), to: dateValue('to', to), canteenIds });
  }

  /** `?canteen=&week=`: every version, newest first. */
  @Get('plans')
  @ApiOperation({ summary: 'Plans, every version, newest first' })
  @QueryParameters({ canteen: CANTEEN, week: 'An ISO week (2026-W50)' })
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async list(@CanteenAccess() canteens: CanteenScope, @Query('canteen') canteen?: string, @Query('week') week?: string) {
    const canteenId = canteen === undefined ? undefined : await this.loader.resolveCanteen(canteen);
    if (canteenId !== undefined) allowCanteen(canteens, canteenId);
    const plans = await this.plans.listPlans({ canteenId, week });
    return plans.filter((plan) => inScope(canteens, plan.canteenId));
  }

  /** `{canteen, week, serviceLevel?}`: a new draft version for the canteen's ISO week. */
  @Post('plans')
  @ApiOperation({ summary: "A new draft version of a canteen's plan for an ISO week" })
  @Roles('manager')
  async create(@Body() body: CreatePlanDto, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    const canteenId = await this.loader.resolveCanteen(String(body.canteen));
    allowCanteen(canteens, canteenId);
    return this.plans.createPlan({ canteenId, week: body.week, serviceLevel: body.serviceLevel, createdBy: principalName(principal) });
  }

  @Get('plans/:id')
  @ApiOperation({ summary: 'One plan with its lines, overrides and summary' })
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async get(@Param('id') id: string, @CanteenAccess() canteens: CanteenScope) {
    allowCanteen(canteens, await this.plans.canteenOf(id));
    return this.plans.getPlan(id);
  }

  @Post('plans/:id/approve')
  @ApiOperation({ summary: 'Approve a draft; its purchase orders are issued (409 CONFIRMATION_REQUIRED past a cut-off until confirmed)' })
  @HttpCode(200)
  @Roles('manager')
  async approve(@Param('id') id: string, @Body() body: ApproveDto, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    allowCanteen(canteens, await this.plans.canteenOf(id));
    return this.plans.approve(id, { approvedBy: principalName(principal), confirm: body.confirm === true });
  }

  /** An approved plan into a new draft version (its overrides carried over); its orders stand until that is approved. */
  @Post('plans/:id/revise')
  @ApiOperation({ summary: 'An approved plan into a new draft version, its overrides carried over' })
  @Roles('manager')
  async revise(@Param('id') id: string, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    allowCanteen(canteens, await this.plans.canteenOf(id));
    return this.plans.revise(id, { createdBy: principalName(principal) });
  }

  /** `{serviceDate, meal, dishId, portions, reason, confirm?}` on a draft; an unusual quantity needs `confirm`. */
  @Post('plans/:id/overrides')
  @ApiOperation({ summary: 'Override one quantity of a draft, with the reason (409 CONFIRMATION_REQUIRED when unusual until confirmed)' })
  @Roles('manager')
  async override(@Param('id') id: string, @Body() body: OverrideDto, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    allowCanteen(canteens, await this.plans.canteenOf(id));
    return this.plans.override(id, {
      serviceDate: dateValue('serviceDate', body.serviceDate),
      meal: body.meal,
      dishId: body.dishId,
      portions: body.portions,
      reason: body.reason,
      createdBy: principalName(principal),
      confirm: body.confirm === true,
    });
  }

  @Get('plans/:id/overrides')
  @ApiOperation({ summary: "A plan's overrides" })
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async overrides(@Param('id') id: string, @CanteenAccess() canteens: CanteenScope) {
    allowCanteen(canteens, await this.plans.canteenOf(id));
    return (await this.plans.getPlan(id)).overrides;
  }

  @Get('plans/:id/orders')
  @ApiOperation({ summary: "A plan's purchase orders, per supplier" })
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async orders(@Param('id') id: string, @CanteenAccess() canteens: CanteenScope) {
    allowCanteen(canteens, await this.plans.canteenOf(id));
    return this.plans.orders({ planId: id });
  }

  /** `?canteen=&status=&from=&to=` by delivery date. */
  @Get('purchase-orders')
  @ApiOperation({ summary: 'Purchase orders by delivery date' })
  @QueryParameters({ canteen: CANTEEN, status: 'An order status (draft, approved, sent, received, cancelled)', from: DAY_FROM, to: DAY_TO })
  @Roles('manager', 'finance', 'viewer')
  @TokenScopes('read')
  async purchaseOrders(@CanteenAccess() canteens: CanteenScope, @Query('canteen') canteen?: string, @Query('status') status?: string, @Query('from') from?: string, @Query('to') to?: string) {
    const orders = await this.plans.orders({
      canteenId: canteen === undefined ? undefined : await this.loader.resolveCanteen(canteen),
      status,
      from: from === undefined ? undefined : dateValue('from', from),
      to: to === undefined ? undefined : dateValue('to', to),
    });
    return orders.filter((order) => inScope(canteens, order.canteenId));
  }

  /** `{week, canteens?: [id], plan?: id, scenario: {...}}`: covers, expected waste, purchase cost and cost per meal, before and after. */
  @Post('plans/what-if')
  @ApiOperation({ summary: 'Covers, expected waste, purchase cost and cost per meal of a scenario, before and after; nothing is stored' })
  @HttpCode(200)
  @Roles('manager', 'finance')
  compare(@Body() body: WhatIfDto, @CanteenAccess() canteens: CanteenScope) {
    const canteenIds = body.canteens ?? scopeFilter(canteens);
    for (const id of canteenIds ?? []) allowCanteen(canteens, id);
    return this.whatIf.compare({ week: body.week, canteenIds, planId: body.plan, scenario: toScenario(body.scenario) });
  }
}
