import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, principalName, Roles } from '@larder/auth';
import { CanteenScope, scopeFilter, yuanToFen } from '@larder/domain';
import { MenuProposalService, PlanningDataLoader } from '@larder/procurement';
import { MenuProposalWorkbookService } from '@larder/reporting';
import { FileAnswer, QueryParameters } from '../openapi/documentation.decorators';
import { contentDisposition } from '../http/content-disposition';
import { allowCanteen, CanteenAccess } from '../auth/canteen-access.decorator';
import { DecideMenuChangeDto, ProposeMenuDto } from './dtos/menu-requests.dto';
import { dateValue } from './planning-request.parser';

/** Menu proposals: managers (and admins) propose their canteens' next menus and decide each change. */
@ApiTags('Menu')
@Controller('api/menu')
export class MenuController {
  constructor(
    private readonly menus: MenuProposalService,
    private readonly loader: PlanningDataLoader,
    private readonly workbooks: MenuProposalWorkbookService,
  ) {}

  @Post('proposals')
  @ApiOperation({ summary: "A proposed menu for a canteen's coming weeks, each change explained, with predicted waste, cost and satisfaction" })
  @Roles('manager')
  async propose(@Body() body: ProposeMenuDto, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    const canteenId = await this.loader.resolveCanteen(body.canteen);
    allowCanteen(canteens, canteenId);
    return this.menus.propose({
      canteenId,
      from: dateValue('from', body.from),
      weeks: body.weeks,
      repeatGapDays: body.repeatGapDays,
      maxCostPerCoverFen: body.maxCostPerCoverYuan === undefined ? undefined : yuanToFen(body.maxCostPerCoverYuan),
      pinned: body.pinned,
      banned: body.banned,
      createdBy: principalName(principal),
    });
  }

  @Get('proposals')
  @ApiOperation({ summary: 'Menu proposals, newest first' })
  @QueryParameters({ canteen: 'A canteen by code (C01) or id' })
  @Roles('manager')
  async list(@CanteenAccess() canteens: CanteenScope, @Query('canteen') canteen?: string) {
    const canteenIds = canteen !== undefined ? [await this.loader.resolveCanteen(canteen)] : scopeFilter(canteens);
    for (const id of canteenIds ?? []) allowCanteen(canteens, id);
    return this.menus.list({ canteenIds });
  }

  @Get('proposals/:id')
  @ApiOperation({ summary: 'One menu proposal: current and proposed menu per day × meal, the changes and their status' })
  @Roles('manager')
  async get(@Param('id') id: string, @CanteenAccess() canteens: CanteenScope) {
    allowCanteen(canteens, await this.menus.canteenOf(id));
    return this.menus.get(id);
  }

  /** `?lang=zh-CN|en`: the proposal as a workbook — summary with the what-if, the changes, the menu per day × meal. */
  @Get('proposals/:id/workbook')
  @ApiOperation({ summary: 'The proposal as an Excel workbook (zh-CN or en): what-if incl. subsidy, changes with status, menu per day × meal' })
  @QueryParameters({ lang: 'zh-CN (default) or en' })
  @FileAnswer('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook, streamed as it is written')
  @Roles('manager')
  async workbook(@Param('id') id: string, @Res() response: Response, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal, @Query('lang') lang?: string): Promise<void> {
    allowCanteen(canteens, await this.menus.canteenOf(id));
    const prepared = await this.workbooks.prepare(id, lang);
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', contentDisposition(prepared.fileName));
    response.setHeader('Cache-Control', 'no-store');
    try {
      await this.workbooks.write(prepared, response, principalName(principal));
    } catch (error) {
      // Once the workbook has started, the status is sent: cut the download so it cannot pass for complete.
      if (response.headersSent) response.destroy(error as Error);
      else throw error;
    }
  }

  @Post('proposals/:id/changes/:seq')
  @ApiOperation({ summary: 'Accept, reject or edit one change; accepted and edited changes are written into the menu the plans use' })
  @HttpCode(200)
  @Roles('manager')
  async decide(@Param('id') id: string, @Param('seq', ParseIntPipe) seq: number, @Body() body: DecideMenuChangeDto, @CanteenAccess() canteens: CanteenScope, @CurrentPrincipal() principal: Principal) {
    allowCanteen(canteens, await this.menus.canteenOf(id));
    return this.menus.decide({ proposalId: id, seq, decision: body.decision, dishId: body.dishId, reason: body.reason, decidedBy: principalName(principal) });
  }
}
